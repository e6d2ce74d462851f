/**
 * The cost section end to end: the real bin/infio.js with `--price-book`,
 * the `cost` section of a config file, `infio report` with and without
 * `--price-book`, and `infio price-book`, in a temporary folder with the
 * embedded store.
 */

import assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

import { checkPriceBook } from "../../src/assessment/cost/price-book-check.js";
import { assessmentIdOf, REPO, runInfio } from "./run-infio.js";

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const ROUND_BOOK = join(REPO, "test", "fixtures", "cost", "round-prices.json");

const CONFIG = {
  cost: {
    estate: {
      edition: "enterprise",
      cores: 6,
      vCpus: 4,
      memoryGiB: 32,
      storageGiB: 100,
      replicas: 2,
      passiveReplicas: 0,
      ioMillionsPerMonth: 10,
    },
    dayRate: 800,
    hoursPerDay: 8,
  },
};

interface Json {
  [key: string]: any;
}

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(REPO, "schema", "assessment.schema.json"), "utf8")));
}

function readJson(path: string): Json {
  return JSON.parse(readFileSync(path, "utf8")) as Json;
}

describe("infio cost section", { concurrency: false }, () => {
  let work: string;
  let home: string;
  let id: string;
  let json: Json;
  let html: string;

  before(async () => {
    work = mkdtempSync(join(tmpdir(), "infio-cost-"));
    home = join(work, "home");
    copyFileSync(ROUND_BOOK, join(work, "prices.json"));
    writeFileSync(join(work, "config.json"), JSON.stringify(CONFIG));
    writeFileSync(join(work, "proc.sql"), "CREATE PROCEDURE dbo.p AS\nBEGIN\n  SELECT TOP 1 name FROM sys.objects;\nEND\n");

    const run = await runInfio(
      ["assess", "proc.sql", "--config", "config.json", "--price-book", "prices.json", "--data-dir", home, "--out", "r"],
      work,
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /price book 'round test prices' of 2026-01-15 \(EUR, .*prices\.json\)/);
    id = assessmentIdOf(run);
    json = readJson(join(work, "r", "assessment.json"));
    html = readFileSync(join(work, "r", "assessment.html"), "utf8");
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it("writes a cost member that the schema accepts", () => {
    const validate = validator();
    assert.ok(validate(json), JSON.stringify(validate.errors, null, 2));
    assert.deepEqual(
      { name: json.cost.priceBook.name, asOf: json.cost.priceBook.asOf, currency: json.cost.priceBook.currency },
      { name: "round test prices", asOf: "2026-01-15", currency: "EUR" },
    );
    assert.equal(json.cost.priceBook.origin, join(work, "prices.json"));
  });

  it("computes the figures of the config's estate", () => {
    assert.equal(json.cost.estateSources.cores, "config");
    assert.equal(json.cost.today.yearly, 21000);
    const ec2 = (json.cost.targets as Json[]).find((t) => t.id === "postgresql-ec2")!;
    assert.equal(ec2.yearly, 13260);
    assert.equal(ec2.yearlySaving, 7740);
    const hours = json.cost.effortHours;
    assert.deepEqual(json.cost.effortCost, { low: Math.round(hours.low * 100), high: Math.round(hours.high * 100) });
  });

  it("shows the price book's date and sources in HTML", () => {
    assert.match(html, /<section id="cost"><h2>Cost<\/h2>/);
    assert.match(html, /price book &#39;round test prices&#39; of 2026-01-15, in EUR/);
    assert.match(html, /EUR 21,000/);
    assert.match(html, /<li>https:\/\/example\.test\/prices<\/li>/);
    assert.match(html, /<a href="#cost">Cost<\/a>/);
  });

  it("report shows the stored figures again", async () => {
    const run = await runInfio(["report", id, "--data-dir", home, "--out", "again", "--format", "json"], work);

    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(readJson(join(work, "again", "assessment.json")).cost, json.cost);
  });

  it("report --price-book computes them again", async () => {
    const written = await runInfio(["price-book", "--out", "shipped.json"], work);
    assert.equal(written.code, 0, written.stderr);
    const shipped = checkPriceBook(readJson(join(work, "shipped.json")), "shipped.json");

    const run = await runInfio(
      ["report", id, "--data-dir", home, "--out", "repriced", "--format", "json", "--price-book", "shipped.json"],
      work,
    );

    assert.equal(run.code, 0, run.stderr);
    const cost = readJson(join(work, "repriced", "assessment.json")).cost;
    assert.equal(cost.priceBook.name, shipped.name);
    assert.equal(cost.priceBook.asOf, shipped.asOf);
    assert.deepEqual(cost.estate, json.cost.estate);
    // 6 cores are 3 packs on each of 2 replicas, spread over 3 years, plus Software Assurance.
    const pack = shipped.sqlServer.enterprise.perCorePack.amount;
    const share = shipped.sqlServer.softwareAssuranceYearlyShare.amount;
    assert.equal(cost.today.yearly, Math.round((6 * pack) / 3 * 100) / 100 + Math.round(6 * pack * share * 100) / 100);
  });

  it("report rejects an invalid --price-book", async () => {
    const book = readJson(ROUND_BOOK);
    book.ec2.instanceClasses[2].perHour.amount = "cheap";
    writeFileSync(join(work, "broken.json"), JSON.stringify(book));

    const run = await runInfio(
      ["report", id, "--data-dir", home, "--out", "broken-report", "--price-book", "broken.json"],
      work,
    );

    assert.equal(run.code, 2);
    assert.match(run.stderr, /invalid price book '.*broken\.json': \$\.ec2\.instanceClasses\[2\]\.perHour\.amount: must be a number 0 or more, found "cheap"/);
    assert.match(run.stderr, /infio price-book --out FILE/);
    assert.equal(existsSync(join(work, "broken-report")), false);
  });

  it("assess goes on without the cost section on a bad book", async () => {
    writeFileSync(join(work, "not-json.json"), "{ prices");

    const run = await runInfio(
      ["assess", "proc.sql", "--price-book", "not-json.json", "--store", "none", "--out", "no-cost", "--format", "json"],
      work,
    );

    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /error .*invalid price book '.*not-json\.json': \$: not valid JSON.*without the cost section/);
    assert.equal(readJson(join(work, "no-cost", "assessment.json")).cost, undefined);
  });

  it("scripts without an estate list what is missing", async () => {
    const run = await runInfio(["assess", "proc.sql", "--store", "none", "--out", "bare", "--format", "json,html"], work);

    assert.equal(run.code, 0, run.stderr);
    const cost = readJson(join(work, "bare", "assessment.json")).cost;
    assert.equal(cost.priceBook.origin, "shipped");
    assert.equal(cost.today.yearly, null);
    assert.ok((cost.missing as Json[]).some((m) => m.field === "edition"));
    const page = readFileSync(join(work, "bare", "assessment.html"), "utf8");
    assert.match(page, /<h3>Missing figures<\/h3>/);
    assert.match(page, /set cost\.estate\.memoryGiB in the --config file/);
  });

  it("rejects an invalid cost section in the config", async () => {
    writeFileSync(join(work, "bad-config.json"), JSON.stringify({ cost: { estate: { cores: "eight" } } }));

    const run = await runInfio(["assess", "proc.sql", "--config", "bad-config.json", "--store", "none", "--out", "x"], work);

    assert.equal(run.code, 2);
    assert.match(run.stderr, /"cost\.estate\.cores" in --config '.*bad-config\.json' must be a whole number 1 or more, found "eight"/);
  });

  it("price-book prints the shipped book", async () => {
    const run = await runInfio(["price-book"], work);

    assert.equal(run.code, 0, run.stderr);
    const book = checkPriceBook(JSON.parse(run.stdout), "stdout");
    assert.match(book.asOf, /^\d{4}-\d{2}-\d{2}$/);
    assert.match(run.stdout, /"\$schema": "file:\/\/.*schema\/price-book\.schema\.json"/);
  });

  it("price-book keeps an existing file", async () => {
    writeFileSync(join(work, "mine.json"), "edited");

    const run = await runInfio(["price-book", "--out", "mine.json"], work);

    assert.equal(run.code, 2);
    assert.match(run.stderr, /cannot write the price book to '.*mine\.json': the file exists/);
    assert.equal(readFileSync(join(work, "mine.json"), "utf8"), "edited");
  });
});
