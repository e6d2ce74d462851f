import { test } from "node:test";
import assert from "node:assert/strict";

import { costOf } from "./round-book.js";

// The round book: Enterprise 6,000 and Standard 1,500 per 2-core pack,
// Software Assurance 25% a year, licences spread over 3 years by default.

test("per-core licence with Software Assurance", () => {
  const cost = costOf({ edition: "enterprise", cores: 6 });

  assert.deepEqual(cost.today.lines, [
    { item: "Enterprise per-core licences, spread over 3 years", units: 3, unit: "2-core pack", unitPrice: 2000, yearly: 6000 },
    { item: "Software Assurance on enterprise per-core licences", units: 3, unit: "2-core pack", unitPrice: 1500, yearly: 4500 },
  ]);
  assert.equal(cost.today.yearly, 10500);
});

test("per-core licence with the 4-core minimum", () => {
  const cost = costOf({ edition: "enterprise", cores: 2 });

  assert.equal(cost.today.lines[0]!.units, 2);
  assert.equal(cost.today.yearly, 7000);
});

test("per-core licence rounds odd cores up to packs", () => {
  const cost = costOf({ edition: "standard", cores: 5 }, { softwareAssurance: false });

  assert.equal(cost.today.lines.length, 1);
  assert.equal(cost.today.lines[0]!.units, 3);
  assert.equal(cost.today.yearly, 1500);
});

test("per-core licence for each active replica", () => {
  const cost = costOf({ edition: "enterprise", cores: 6, replicas: 2, passiveReplicas: 0 });

  assert.equal(cost.today.lines[0]!.units, 6);
  assert.equal(cost.today.yearly, 21000);
});

test("passive replica free with Software Assurance", () => {
  const cost = costOf({ edition: "enterprise", cores: 6, replicas: 2, passiveReplicas: 1 });

  assert.equal(cost.today.lines[0]!.units, 3);
  assert.equal(cost.today.yearly, 10500);
});

test("passive replica licensed without Software Assurance", () => {
  const cost = costOf({ edition: "enterprise", cores: 6, replicas: 2, passiveReplicas: 1 }, { softwareAssurance: false });

  assert.equal(cost.today.lines.length, 1);
  assert.equal(cost.today.lines[0]!.units, 6);
  assert.equal(cost.today.yearly, 12000);
});

test("licence term spreads the perpetual price", () => {
  const cost = costOf({ edition: "enterprise", cores: 4 }, { licenceTermYears: 5, softwareAssurance: false });

  assert.equal(cost.today.lines[0]!.unitPrice, 1200);
  assert.equal(cost.today.yearly, 2400);
});

test("subscription per pack and year", () => {
  const cost = costOf({ edition: "standard", cores: 8 }, { licensing: "subscription" });

  assert.deepEqual(cost.today.lines, [
    { item: "Standard subscription", units: 4, unit: "2-core pack year", unitPrice: 600, yearly: 2400 },
  ]);
  assert.equal(cost.today.yearly, 2400);
});

test("pay-as-you-go per core and month", () => {
  const cost = costOf({ edition: "enterprise", cores: 8 }, { licensing: "payAsYouGo" });

  assert.deepEqual(cost.today.lines, [
    { item: "Enterprise pay-as-you-go", units: 96, unit: "core-month", unitPrice: 100, yearly: 9600 },
  ]);
});

test("pay-as-you-go keeps the 4-core minimum", () => {
  const cost = costOf({ edition: "standard", cores: 2 }, { licensing: "payAsYouGo" });

  assert.equal(cost.today.lines[0]!.units, 48);
  assert.equal(cost.today.yearly, 1440);
});

test("Server + CAL for Standard", () => {
  const cost = costOf({ edition: "standard", cores: 8, clientAccessLicences: 50 }, { licensing: "serverCal" });

  assert.deepEqual(
    cost.today.lines.map((l) => [l.item, l.units, l.yearly]),
    [
      ["Standard server licences, spread over 3 years", 1, 300],
      ["Software Assurance on standard server licences", 1, 225],
      ["Client access licences, spread over 3 years", 50, 3333.33],
      ["Software Assurance on client access licences", 50, 2500],
    ],
  );
  assert.equal(cost.today.yearly, 6358.33);
});

test("Server + CAL without a CAL count", () => {
  const cost = costOf({ edition: "standard", cores: 8 }, { licensing: "serverCal" });

  assert.equal(cost.today.yearly, null);
  assert.ok(cost.missing.some((m) => m.field === "clientAccessLicences" && m.message.includes("cost.estate.clientAccessLicences")));
});

test("Server + CAL rejected for Enterprise", () => {
  const cost = costOf({ edition: "enterprise", cores: 8, clientAccessLicences: 5 }, { licensing: "serverCal" });

  assert.equal(cost.today.yearly, null);
  assert.ok(cost.missing.some((m) => m.field === "licensing" && m.message.includes("per core only")));
});

test("Developer edition needs no licence", () => {
  const cost = costOf({ edition: "developer", cores: 8 });

  assert.deepEqual(cost.today.lines, []);
  assert.equal(cost.today.yearly, 0);
});

test("Web edition has no price", () => {
  const cost = costOf({ edition: "web", cores: 8 });

  assert.equal(cost.today.yearly, null);
  assert.ok(cost.missing.some((m) => m.field === "edition" && m.message.includes("SPLA")));
});

test("unknown cores leave today's cost out", () => {
  const cost = costOf({ edition: "enterprise" });

  assert.equal(cost.today.yearly, null);
  assert.ok(cost.missing.some((m) => m.field === "cores"));
});
