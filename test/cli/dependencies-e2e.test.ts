/**
 * The dependency graph end to end: the real bin/infio.js assesses the
 * scripts of test/fixtures/dependencies into the embedded store, writes
 * assessment.json, dependencies.json and the HTML page, and `infio report`
 * writes the same graph again from the store.
 */

import assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

import { assessmentIdOf, REPO, runInfio } from "./run-infio.js";

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const FIXTURES = join(REPO, "test", "fixtures", "dependencies");
const SCRIPTS = ["01-schema.sql", "02-code.sql"];

interface Json {
  [key: string]: any;
}

describe("infio assess with dependencies", { concurrency: false }, () => {
  let work: string;
  let id: string;

  before(async () => {
    work = mkdtempSync(join(tmpdir(), "infio-dependencies-"));
    for (const name of SCRIPTS) {
      copyFileSync(join(FIXTURES, name), join(work, name));
    }
    const run = await runInfio(
      ["assess", ...SCRIPTS, "--data-dir", join(work, "home"), "--out", "r", "--format", "json,html"],
      work,
    );
    assert.equal(run.code, 0, run.stderr);
    id = assessmentIdOf(run);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it("writes a graph that the schema accepts", () => {
    const json = JSON.parse(readFileSync(join(work, "r", "assessment.json"), "utf8")) as Json;
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(REPO, "schema", "assessment.schema.json"), "utf8")));
    assert.ok(validate(json), JSON.stringify(validate.errors, null, 2));
    assert.equal(json.dependencies.cycles.length, 2);
    assert.deepEqual(json.dependencies.unused, [
      "Sales.dbo.CustomerHistory",
      "Sales.dbo.OrderTotal",
      "Sales.dbo.RemoteStock",
    ]);
  });

  it("writes dependencies.json beside assessment.json", () => {
    const graph = JSON.parse(readFileSync(join(work, "r", "dependencies.json"), "utf8")) as Json;
    const json = JSON.parse(readFileSync(join(work, "r", "assessment.json"), "utf8")) as Json;
    assert.equal(graph.assessmentId, id);
    assert.deepEqual(graph.edges, json.dependencies.edges);
    assert.deepEqual(graph.creationOrder, json.dependencies.creationOrder);
  });

  it("draws the graph in the HTML report", () => {
    const html = readFileSync(join(work, "r", "assessment.html"), "utf8");
    assert.match(html, /<section id="dependencies"><h2>Dependencies<\/h2>/);
    assert.match(html, /<svg class="chart dependency-graph"/);
    assert.match(html, /Sales\.dbo\.PlaceOrder first as a stub/);
  });

  it("writes the same graph again from the store", async () => {
    const run = await runInfio(["report", id, "--data-dir", join(work, "home"), "-o", "again", "-f", "json"], work);
    assert.equal(run.code, 0, run.stderr);
    const first = JSON.parse(readFileSync(join(work, "r", "dependencies.json"), "utf8")) as Json;
    const again = JSON.parse(readFileSync(join(work, "again", "dependencies.json"), "utf8")) as Json;
    assert.deepEqual(again, first);
  });

  it("writes no dependencies.json without the json format", async () => {
    const run = await runInfio(["report", id, "--data-dir", join(work, "home"), "-o", "html-only", "-f", "html"], work);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(existsSync(join(work, "html-only", "dependencies.json")), false);
  });
});
