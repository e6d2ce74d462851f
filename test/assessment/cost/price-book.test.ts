import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { Ajv2020 } from "ajv/dist/2020.js";

import { checkPriceBook, parsePriceBook, PriceBookError } from "../../../src/assessment/cost/price-book-check.js";
import { loadPriceBookFile, loadShippedPriceBook, SHIPPED_PRICE_BOOK_PATH } from "../../../src/assessment/cost/price-book-file.js";
import { ROUND_BOOK_PATH } from "./round-book.js";

const SCHEMA_PATH = fileURLToPath(new URL("../../../../schema/price-book.schema.json", import.meta.url));
const validate = new Ajv2020({ allErrors: true }).compile(JSON.parse(readFileSync(SCHEMA_PATH, "utf8")));

function roundJson(): Record<string, any> {
  return JSON.parse(readFileSync(ROUND_BOOK_PATH, "utf8"));
}

/** Returns the PriceBookError that checking `json` throws. */
function problemsOf(json: unknown): PriceBookError {
  try {
    checkPriceBook(json, "prices.json");
  } catch (error) {
    assert.ok(error instanceof PriceBookError, `not a PriceBookError: ${String(error)}`);
    return error;
  }
  assert.fail("the price book was accepted");
}

test("shipped price book is valid", async () => {
  const loaded = await loadShippedPriceBook();

  assert.equal(loaded.origin, "shipped");
  assert.match(loaded.book.asOf, /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(validate(JSON.parse(readFileSync(SHIPPED_PRICE_BOOK_PATH, "utf8"))), true, JSON.stringify(validate.errors));
});

test("shipped prices each cite a source and date", async () => {
  const { book } = await loadShippedPriceBook();
  const prices = [
    book.sqlServer.enterprise.perCorePack,
    book.sqlServer.standard.clientAccessLicence,
    book.sqlServer.softwareAssuranceYearlyShare,
    book.aurora.storagePerGiBMonth,
    book.rdsPostgresql.multiAzFactor,
    book.ec2.storagePerGiBMonth,
    ...book.aurora.instanceClasses.map((c) => c.perHour),
  ];
  for (const price of prices) {
    assert.match(price.source, /^https:\/\//);
    assert.match(price.readOn, /^\d{4}-\d{2}-\d{2}$/);
  }
});

test("round test book is valid for both checks", () => {
  const json = roundJson();

  assert.equal(checkPriceBook(json, "round").name, "round test prices");
  assert.equal(validate(json), true, JSON.stringify(validate.errors));
});

test("bad amount names its JSON path", () => {
  const json = roundJson();
  json.aurora.instanceClasses[1].perHour.amount = "2.00";

  const error = problemsOf(json);

  assert.deepEqual(error.problems, [
    { path: "$.aurora.instanceClasses[1].perHour.amount", message: 'must be a number 0 or more, found "2.00"' },
  ]);
  assert.match(error.message, /^invalid price book 'prices\.json': \$\.aurora\.instanceClasses\[1\]\.perHour\.amount/);
  assert.match(error.message, /infio price-book --out FILE/);
  assert.equal(validate(json), false);
});

test("negative price rejected", () => {
  const json = roundJson();
  json.sqlServer.enterprise.perCorePack.amount = -1;

  assert.equal(problemsOf(json).problems[0]!.path, "$.sqlServer.enterprise.perCorePack.amount");
  assert.equal(validate(json), false);
});

test("missing price named", () => {
  const json = roundJson();
  delete json.rdsPostgresql.multiAzFactor;

  assert.deepEqual(problemsOf(json).problems, [{ path: "$.rdsPostgresql.multiAzFactor", message: "is missing" }]);
  assert.equal(validate(json), false);
});

test("misspelt key rejected", () => {
  const json = roundJson();
  json.ec2.storagePerGbMonth = json.ec2.storagePerGiBMonth;

  const problem = problemsOf(json).problems[0]!;

  assert.equal(problem.path, "$.ec2.storagePerGbMonth");
  assert.match(problem.message, /not a known key; use one of instanceClasses, storagePerGiBMonth/);
  assert.equal(validate(json), false);
});

test("zero Multi-AZ factor rejected", () => {
  const json = roundJson();
  json.rdsPostgresql.multiAzFactor.amount = 0;

  assert.equal(problemsOf(json).problems[0]!.message, "must be a number greater than 0, found 0");
  assert.equal(validate(json), false);
});

test("fractional vCPUs rejected", () => {
  const json = roundJson();
  json.ec2.instanceClasses[0].vCpus = 1.5;

  assert.equal(problemsOf(json).problems[0]!.path, "$.ec2.instanceClasses[0].vCpus");
  assert.equal(validate(json), false);
});

test("empty class list rejected", () => {
  const json = roundJson();
  json.aurora.instanceClasses = [];

  assert.equal(problemsOf(json).problems[0]!.message, "must be a list with at least one entry, found an empty list");
  assert.equal(validate(json), false);
});

test("date and currency formats checked", () => {
  const json = roundJson();
  json.asOf = "15/01/2026";
  json.currency = "euro";

  assert.deepEqual(
    problemsOf(json).problems.map((p) => p.path),
    ["$.asOf", "$.currency"],
  );
  assert.equal(validate(json), false);
});

test("many problems are counted after five", () => {
  const json = roundJson();
  for (const c of json.rdsPostgresql.instanceClasses) {
    c.memoryGiB = 0;
  }
  json.ec2.instanceClasses[0].memoryGiB = 0;
  json.ec2.instanceClasses[1].memoryGiB = 0;

  const error = problemsOf(json);

  assert.equal(error.problems.length, 6);
  assert.match(error.message, /; and 1 more;/);
});

test("invalid JSON names the file", () => {
  assert.throws(
    () => parsePriceBook('{"name": ', "edited.json"),
    (error: unknown) =>
      error instanceof PriceBookError && /^invalid price book 'edited\.json': \$: not valid JSON/.test(error.message),
  );
});

test("byte order mark accepted", () => {
  const text = "\uFEFF" + readFileSync(ROUND_BOOK_PATH, "utf8");

  assert.equal(parsePriceBook(text, "bom.json").currency, "EUR");
});

test("missing file names the path", async () => {
  await assert.rejects(
    loadPriceBookFile("/nonexistent/prices.json"),
    (error: unknown) =>
      error instanceof PriceBookError &&
      error.message.includes("'/nonexistent/prices.json'") &&
      error.message.includes("no such file"),
  );
});
