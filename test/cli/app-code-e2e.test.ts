/**
 * `infio assess --app-code` end to end: the real bin/infio.js on a copy
 * of the source-tree fixture of test/sources/app-code, with the embedded
 * store in a temporary data directory.
 */

import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

import { assessmentIdOf, REPO, runInfio } from "./run-infio.js";

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const SHOP = join(REPO, "test", "sources", "app-code", "fixtures", "shop");

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

describe("infio assess --app-code", { concurrency: false }, () => {
  let work: string;
  let home: string;
  let id: string;
  let json: Json;

  before(async () => {
    work = mkdtempSync(join(tmpdir(), "infio-app-code-"));
    home = join(work, "home");
    cpSync(SHOP, join(work, "shop"), { recursive: true });
    mkdirSync(join(work, "db"));
    writeFileSync(join(work, "db", "proc.sql"), "CREATE PROCEDURE dbo.p AS SELECT 1;\n");

    const run = await runInfio(["assess", "--app-code", "shop", "--data-dir", home, "--out", "r"], work);
    assert.equal(run.code, 0, run.stderr);
    id = assessmentIdOf(run);
    json = readJson(join(work, "r", "assessment.json"));
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it("writes an assessment.json that the schema accepts", () => {
    const validate = validator();
    assert.ok(validate(json), JSON.stringify(validate.errors, null, 2));
    assert.deepEqual(json.sources, ["shop"]);
    assert.deepEqual(json.skipped, []);
  });

  it("assesses one unit per file with SQL", () => {
    assert.deepEqual(
      json.units.map((u: Json) => u.file),
      ["db/schema.sql", "java/com/shop/OrderDao.java", "py/reports.py", "src/Orders/OrderRepository.cs", "web/OrderList.jsx", "web/orders.ts"],
    );
    const code = json.applicationCode as Json;
    assert.equal(code.statementsFound, 19);
    assert.equal(code.statements.length, 19);
    assert.equal(code.files.length, 6);
    assert.equal(code.skipped["dependency-folder"], 1);
  });

  it("places findings in the source files", () => {
    const places = (json.findings as Json[]).map((f) => `${f.file}:${f.line}:${f.column} ${f.featureId}`);
    // NOLOCK in the @Query annotation, GETDATE() on the verbatim string's
    // third line, TOP inside the raw string, and NOLOCK in the template literal.
    for (const expected of [
      "java/com/shop/OrderDao.java:9:52 hint.table",
      "src/Orders/OrderRepository.cs:23:17 builtin.function.getdate",
      "src/Orders/OrderRepository.cs:37:20 dml.top",
      "web/orders.ts:10:23 hint.table",
      "py/reports.py:12:35 hint.table",
    ]) {
      assert.ok(places.includes(expected), `${expected} not in\n${places.join("\n")}`);
    }
    const designer = places.filter((p) => p.includes("Designer") || p.includes("node_modules"));
    assert.deepEqual(designer, []);
  });

  it("reports a parse error at its source position", () => {
    const errors = (json.parseErrors as Json[]).map((e) => `${e.file}:${e.line}:${e.column}`);
    // `{1}` that str.format leaves of `{{1}}` is no valid T-SQL.
    assert.deepEqual(errors, ["py/reports.py:29:56"]);
  });

  it("adds the scope to SARIF and CSV", () => {
    const sarif = readJson(join(work, "r", "assessment.sarif"));
    const results = sarif.runs[0].results as Json[];
    // The comparison `Status = 'open'` on the third line of a `+` chain.
    const compare = results.find(
      (r) =>
        r.ruleId === "behavior.case_sensitivity" &&
        r.locations[0].physicalLocation.artifactLocation.uri === "src/Orders/OrderRepository.cs",
    );
    assert.ok(compare);
    assert.deepEqual(compare.locations[0].physicalLocation.region, { startLine: 32, startColumn: 25 });
    assert.equal(compare.locations[0].physicalLocation.artifactLocation.uriBaseId, "SRCROOT");
    assert.deepEqual(compare.locations[0].logicalLocations, [{ fullyQualifiedName: "OrderRepository.Count", kind: "function" }]);
    assert.equal(compare.properties.sqlCall, "CommandText");
    assert.equal(compare.properties.partlyDynamic, true);

    const csv = readFileSync(join(work, "r", "findings.csv"), "utf8");
    assert.ok(csv.split("\r\n")[0]!.endsWith('"codeScope","codeCall","partlyDynamic"'));
    assert.ok(csv.includes('"src/Orders/OrderRepository.cs",23,17,'));
  });

  it("shows the section in the HTML report", () => {
    const html = readFileSync(join(work, "r", "assessment.html"), "utf8");
    assert.ok(html.includes('<section id="app-code"><h2>Application code</h2>'));
    assert.ok(html.includes('<a href="#app-code">Application code</a>'));
    assert.ok(html.includes("OrderRepository.Archive"));
    // The code view shows the C# source file, where the findings point.
    assert.ok(html.includes("var escaped = &quot;SELECT Name FROM dbo.Orders WITH (<mark>NOLOCK</mark>)"));
  });

  it("writes the same part again from the store", async () => {
    const run = await runInfio(["report", id, "--data-dir", home, "--out", "again"], work);
    assert.equal(run.code, 0, run.stderr);
    const again = readJson(join(work, "again", "assessment.json"));
    assert.deepEqual(again.applicationCode, json.applicationCode);
    assert.deepEqual(again.findings, json.findings);
  });

  it("combines with script paths", async () => {
    const run = await runInfio(["assess", "db", "--app-code", "shop", "--store", "none", "--out", "both"], work);
    assert.equal(run.code, 0, run.stderr);
    const both = readJson(join(work, "both", "assessment.json"));
    assert.deepEqual(both.sources, ["db"]);
    const units = (both.units as Json[]).map((u) => u.file);
    assert.equal(units[0], "proc.sql");
    assert.ok(units.includes("shop/src/Orders/OrderRepository.cs"), units.join(", "));
    assert.deepEqual(both.applicationCode.roots, ["shop"]);
  });

  it("combines with workload captures", async () => {
    const capture = join(REPO, "test", "sources", "workload", "fixtures", "xe-ring-buffer.xml");
    const run = await runInfio(["assess", "--workload", capture, "--app-code", "shop", "--store", "none", "--out", "wl"], work);
    assert.equal(run.code, 0, run.stderr);
    const combined = readJson(join(work, "wl", "assessment.json"));
    const units = (combined.units as Json[]).map((u) => u.file as string);
    assert.ok(units.some((u) => u.startsWith("workload:")), units.join(", "));
    assert.ok(units.includes("shop/web/orders.ts"), units.join(", "));
    assert.equal(combined.applicationCode.statementsFound, 19);
    assert.ok(combined.workload.statements.length > 0);
  });

  it("redacts names, scopes and statement texts", async () => {
    const run = await runInfio(["assess", "--app-code", "shop", "--store", "none", "--out", "red", "--redact"], work);
    assert.equal(run.code, 0, run.stderr);
    for (const report of ["assessment.json", "assessment.html", "findings.csv"]) {
      const written = readFileSync(join(work, "red", report), "utf8");
      for (const secret of ["OrderRepository", "Orders", "reports.py", "WHERE region", "Customers"]) {
        const at = written.indexOf(secret);
        assert.equal(at, -1, `redacted ${report} contains ${secret}: ${written.slice(Math.max(0, at - 200), at + 60)}`);
      }
    }
    const text = readFileSync(join(work, "red", "assessment.json"), "utf8");
    const redacted = JSON.parse(text) as Json;
    assert.equal(redacted.applicationCode.statements.length, 19);
    assert.equal(redacted.applicationCode.statements[0].call, "@Query(nativeQuery = true)");
  });

  it("rejects a missing folder", async () => {
    const run = await runInfio(["assess", "--app-code", "nowhere", "--store", "none", "--out", "x"], work);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /cannot scan --app-code 'nowhere': no such folder; check the path/);
  });
});
