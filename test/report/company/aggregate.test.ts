import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { buildCompanyReport } from "../../../src/report/company/aggregate.js";
import type { ApplicationRow, CompanyReport } from "../../../src/report/company/model.js";
import { sampleCompany } from "./sample-company.js";

function report(): CompanyReport {
  return buildCompanyReport(sampleCompany());
}

function row(r: CompanyReport, name: string): ApplicationRow {
  const found = r.applications.find((a) => a.name === name);
  assert.ok(found, `application ${name} is missing`);
  return found;
}

describe("buildCompanyReport", () => {
  it("orders applications by wave and effort", () => {
    assert.deepEqual(
      report().applications.map((a) => [a.name, a.wave.wave]),
      [
        ["Ledger", 1],
        ["Shipping", 2],
        ["Cold chain", 2],
        ["Payroll", 3],
        ["Vendor CRM", 3],
        ["Intranet", null],
      ],
    );
  });

  it("names the rule of each wave", () => {
    const r = report();
    assert.equal(row(r, "Ledger").wave.rule, "noBlockers");
    assert.equal(row(r, "Shipping").wave.rule, "blockersInChangeableCode");
    assert.equal(row(r, "Cold chain").wave.rule, "blockersInChangeableCode");
    assert.equal(row(r, "Vendor CRM").wave.rule, "blockersInUnchangeableCode");
    assert.equal(row(r, "Payroll").wave.rule, "changeabilityUnknown");
    assert.equal(row(r, "Intranet").wave.rule, "notAssessed");
  });

  it("explains each wave", () => {
    const r = report();
    assert.equal(row(r, "Ledger").wave.reason, "No blockers and no unknown features.");
    assert.equal(
      row(r, "Cold chain").wave.reason,
      "2 blocking features and 1 object with unknown features; the code may " +
        "be changed, so rewrite them first. 1 server not assessed, so this may change.",
    );
    assert.match(row(r, "Vendor CRM").wave.reason, /vendor's support/);
    assert.match(row(r, "Payroll").wave.reason, /^1 object with unknown features, and the questionnaire/);
  });

  it("compares applications side by side", () => {
    const cold = row(report(), "Cold chain");
    assert.equal(cold.servers, 3);
    assert.equal(cold.assessedServers, 2);
    assert.deepEqual(cold.serversByEnvironment, { production: 2, nonProduction: 1 });
    assert.equal(cold.databases, 4);
    assert.equal(cold.objects, 11);
    assert.equal(cold.lines, 166);
    assert.equal(cold.blockers.length, 2);
    assert.deepEqual(cold.effort, { low: 26.35, high: 60.5 });
    assert.equal(cold.compatibility.shares.all.supported, 45.5);
    assert.equal(cold.thirdPartyProduct, "no");
    assert.equal(cold.codeMayBeChanged, "yes");
  });

  it("totals the company", () => {
    const totals = report().totals;
    assert.equal(totals.applications, 6);
    assert.equal(totals.servers, 8);
    // Cold chain 4, Ledger 1, three script folders 1 each; Intranet none.
    assert.equal(totals.databases, 8);
    assert.equal(totals.objects, 11 + 2 + 1 + 1 + 1);
    // Cold chain 26.35-60.5, Shipping 4.25-9, Vendor CRM 4.5-10, Payroll 4.25-9.
    assert.deepEqual(totals.effort, { low: 39.35, high: 88.5 });
  });
});
