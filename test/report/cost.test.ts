import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";

import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

import type { Assessment } from "../../src/assessment/model.js";
import { renderHtml } from "../../src/report/html/page.js";
import { renderJson } from "../../src/report/json.js";
import { costOf, roundBook } from "../assessment/cost/round-book.js";
import { computeCost } from "../../src/assessment/cost/compute.js";
import { decodeEntities, startTags } from "./html-tags.js";
import { HOSTILE_HTML_NAME, sampleAssessment } from "./sample-assessment.js";
import { repositoryPath } from "./snapshot.js";

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const validate = (() => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(repositoryPath("schema/assessment.schema.json"), "utf8")));
})();

const ESTATE = {
  edition: "enterprise",
  cores: 6,
  vCpus: 4,
  memoryGiB: 32,
  storageGiB: 100,
  replicas: 2,
  passiveReplicas: 0,
  ioMillionsPerMonth: 10,
} as const;

function withCost(cost = costOf(ESTATE)): Assessment {
  return { ...sampleAssessment(), cost };
}

/** Computes a cost section with a price book whose texts are hostile, as an edited copy may be. */
function hostileCost() {
  const book = roundBook();
  const hostile = {
    ...book,
    name: HOSTILE_HTML_NAME,
    region: "<script>alert(1)</script>",
    ec2: {
      ...book.ec2,
      instanceClasses: book.ec2.instanceClasses.map((c) => ({ ...c, name: `${c.name}<b>x</b>` })),
      storagePerGiBMonth: { ...book.ec2.storagePerGiBMonth, source: "javascript:alert(1)<i>" },
    },
  };
  return computeCost(hostile, "<img src=y>.json", { estate: ESTATE, estateSources: {}, settings: {}, effortHours: { low: 8, high: 16 } });
}

describe("cost in assessment.json", () => {
  it("matches the schema", () => {
    const json = JSON.parse(renderJson(withCost()));

    assert.ok(validate(json), JSON.stringify(validate.errors, null, 2));
  });

  it("writes the figures and the price book", () => {
    const cost = JSON.parse(renderJson(withCost())).cost;

    assert.deepEqual(cost.priceBook.name, "round test prices");
    assert.deepEqual(cost.priceBook.asOf, "2026-01-15");
    assert.deepEqual(cost.priceBook.currency, "EUR");
    assert.deepEqual(cost.priceBook.sources, ["https://example.test/prices", "https://example.test/rules"]);
    assert.equal(cost.today.yearly, 21000);
    assert.deepEqual(
      cost.targets.map((t: { id: string; yearly: number | null }) => [t.id, t.yearly]),
      [
        ["aurora-standard", 35184],
        ["aurora-io-optimized", 52800],
        ["rds-postgresql", 26520],
        ["postgresql-ec2", 13260],
      ],
    );
    assert.deepEqual(cost.effortCost, { low: 1000, high: 2500 });
  });

  it("matches the schema with missing figures", () => {
    const json: Record<string, any> = JSON.parse(renderJson(withCost(costOf({}))));

    assert.ok(validate(json), JSON.stringify(validate.errors, null, 2));
    assert.equal(json.cost.sizing, null);
    assert.equal(json.cost.today.yearly, null);
  });

  it("leaves cost out when absent", () => {
    assert.equal(JSON.parse(renderJson(sampleAssessment())).cost, undefined);
  });

  it("writes only the contract's fields", () => {
    const cost = { ...costOf(ESTATE), extra: "not in the contract" } as ReturnType<typeof costOf>;
    const json = JSON.parse(renderJson(withCost(cost)));

    assert.equal(json.cost.extra, undefined);
    assert.ok(validate(json), JSON.stringify(validate.errors, null, 2));
  });
});

describe("cost in the HTML report", () => {
  it("states the price book's date and currency", () => {
    const html = renderHtml(withCost());

    assert.match(html, /<section id="cost"><h2>Cost<\/h2>/);
    assert.match(html, /of 2026-01-15, in EUR, for test region/);
    assert.match(html, /EUR 21,000/);
    assert.match(html, /EUR 13,260/);
    assert.match(html, /1\.6 to 3\.9 months/);
    assert.match(html, /<li>https:\/\/example\.test\/rules<\/li>/);
  });

  it("lists missing figures with their fix", () => {
    const html = renderHtml(withCost(costOf({})));

    assert.match(html, /<h3>Missing figures<\/h3>/);
    assert.match(html, /set cost\.estate\.storageGiB in the --config file/);
    assert.match(html, /The targets are not sized/);
  });

  it("escapes every text of the price book", () => {
    const html = renderHtml(withCost(hostileCost()));
    const costSection = html.slice(html.indexOf('<section id="cost">'), html.indexOf("</section>", html.indexOf('<section id="cost">')));

    for (const tag of startTags(costSection)) {
      assert.ok(["section", "h2", "h3", "p", "small", "ul", "li", "table", "thead", "tbody", "tr", "th", "td", "details", "summary"].includes(tag.name), `unexpected <${tag.name}>`);
    }
    assert.ok(decodeEntities(costSection).includes(HOSTILE_HTML_NAME));
    assert.ok(decodeEntities(costSection).includes("<script>alert(1)</script>"));
    assert.ok(decodeEntities(costSection).includes("e.medium<b>x</b>"));
  });

  it("adds no section when absent", () => {
    const html = renderHtml(sampleAssessment());

    assert.doesNotMatch(html, /id="cost"/);
    assert.doesNotMatch(html, /href="#cost"/);
  });
});
