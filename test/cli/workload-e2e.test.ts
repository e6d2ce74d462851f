/**
 * `infio assess --workload` end to end: the real bin/infio.js on the
 * capture fixtures of test/sources/workload, with the embedded store in a
 * temporary data directory.
 */

import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

import { assessmentIdOf, REPO, runInfio } from "./run-infio.js";

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const FIXTURES = join(REPO, "test", "sources", "workload", "fixtures");
const CAPTURES = ["xe-ring-buffer.xml", "profiler-trace.xml", "truncated.xml", "bad.xml", "not-a-capture.xml"];

interface Json {
  [key: string]: any;
}

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(REPO, "schema", "assessment.schema.json"), "utf8")));
}

describe("infio assess --workload", { concurrency: false }, () => {
  let work: string;
  let home: string;
  let id: string;
  let json: Json;

  before(async () => {
    work = mkdtempSync(join(tmpdir(), "infio-workload-"));
    home = join(work, "home");
    for (const name of CAPTURES) {
      copyFileSync(join(FIXTURES, name), join(work, name));
    }

    const run = await runInfio(
      ["assess", "--workload", "xe-ring-buffer.xml", "--workload", "profiler-trace.xml", "--data-dir", home, "--out", "r"],
      work,
    );
    assert.equal(run.code, 0, run.stderr);
    id = assessmentIdOf(run);
    json = JSON.parse(readFileSync(join(work, "r", "assessment.json"), "utf8")) as Json;
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it("writes an assessment.json that the schema accepts", () => {
    const validate = validator();
    assert.ok(validate(json), JSON.stringify(validate.errors, null, 2));
    assert.deepEqual(json.sources, ["xe-ring-buffer.xml", "profiler-trace.xml"]);
  });

  it("assesses each distinct statement as a unit", () => {
    const statements = json.workload.statements as Json[];
    assert.equal(statements.length, 9);
    assert.deepEqual(
      json.units.map((u: Json) => u.file).sort(),
      statements.map((s) => s.file).sort(),
    );
    assert.equal(json.summary.files, 9);
    assert.deepEqual(json.workload.captures.map((c: Json) => [c.file, c.format]), [
      ["xe-ring-buffer.xml", "extendedEvents"],
      ["profiler-trace.xml", "profilerTrace"],
    ]);
  });

  it("gives each finding the executions of its statement", () => {
    const executions = new Map((json.workload.statements as Json[]).map((s) => [s.file, s.executions]));
    assert.ok(json.findings.length > 0);
    for (const finding of json.findings as Json[]) {
      assert.equal(finding.executions, executions.get(finding.file), finding.file);
    }

    const hash = (json.findings as Json[]).find((f) => f.featureId === "builtin.function.hashbytes");
    assert.equal(hash?.status, "notSupported");
    assert.equal(hash?.detail, "md4");
    const top = (json.findings as Json[]).find((f) => f.featureId === "behavior.top_without_order_by");
    assert.equal(top, undefined, "the ORDER BY 1 kept by normalisation orders the TOP");
  });

  it("keeps no literal value, host name or parameter in any output", () => {
    const outputs = ["assessment.json", "findings.csv", "assessment.sarif", "assessment.html"].map((f) =>
      readFileSync(join(work, "r", f), "utf8"),
    );
    for (const secret of ["LAPTOP-042", "WKS-7", "Smith", "O''Brien", "ABC-1", "100.50", "99.95", "Zoë"]) {
      for (const [i, text] of outputs.entries()) {
        assert.ok(!text.includes(secret), `${secret} appears in output ${i}`);
      }
    }
  });

  it("adds an executions column to findings.csv", () => {
    const lines = readFileSync(join(work, "r", "findings.csv"), "utf8").split("\r\n");
    assert.match(lines[0]!, /,"complexity","executions"$/);
    const hashbytes = lines.find((l) => l.includes("builtin.function.hashbytes"));
    assert.match(hashbytes ?? "", /"workload:xe-ring-buffer.xml#3",1,\d+,.*,1$/);
  });

  it("embeds the statements of SARIF results as artifacts", () => {
    const sarif = JSON.parse(readFileSync(join(work, "r", "assessment.sarif"), "utf8")) as Json;
    const run = sarif.runs[0] as Json;
    const result = (run.results as Json[]).find((r) => r.ruleId === "builtin.function.hashbytes");
    const location = result?.locations[0].physicalLocation;
    const artifact = run.artifacts[location.artifactLocation.index] as Json;
    assert.equal(location.artifactLocation.uri, "workload%3Axe-ring-buffer.xml%233");
    assert.equal(location.artifactLocation.uriBaseId, undefined);
    assert.deepEqual(artifact.location, { uri: location.artifactLocation.uri });
    assert.match(artifact.contents.text, /^SELECT HASHBYTES\('MD4', Secret\)/);
    assert.equal(result?.properties.executions, 1);
  });

  it("shows the workload section in the HTML report", () => {
    const html = readFileSync(join(work, "r", "assessment.html"), "utf8");
    assert.match(html, /<a href="#workload">Workload<\/a>/);
    assert.match(html, /<section id="workload"><h2>Workload<\/h2>/);
    assert.match(html, /9 distinct statements from 11 executions in 2 captures/);
    assert.match(html, /<td><code>builtin\.function\.hashbytes<\/code><\/td>/);
    assert.match(html, /through sp_prepexec/);
  });

  it("writes the same reports again from the store", async () => {
    const run = await runInfio(["report", id, "--data-dir", home, "--out", "again"], work);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(
      readFileSync(join(work, "again", "assessment.json"), "utf8"),
      readFileSync(join(work, "r", "assessment.json"), "utf8"),
    );
    const html = readFileSync(join(work, "again", "assessment.html"), "utf8");
    assert.match(html, /<section id="workload">/);
    // The code view shows the statements although no file contains them.
    assert.match(html, /HASHBYTES\(&#39;MD4&#39;, Secret\)/);
    assert.doesNotMatch(run.stderr, /could not be read again/);
  });

  it("keeps the events of a cut-short capture and warns", async () => {
    const run = await runInfio(["assess", "--workload", "truncated.xml", "--store", "none", "--out", "t"], work);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /warn.*capture 'truncated\.xml': the file ends inside a tag at line 44/);
    const truncated = JSON.parse(readFileSync(join(work, "t", "assessment.json"), "utf8")) as Json;
    assert.equal(truncated.workload.statements.length, 1);
    assert.equal(truncated.workload.captures[0].warnings.length, 1);
  });

  const failures: [name: string, args: string[], code: number, message: RegExp][] = [
    ["a missing capture", ["--workload", "missing.xml"], 2, /cannot read --workload 'missing\.xml': no such file; check the path/],
    [
      "invalid XML",
      ["--workload", "bad.xml"],
      1,
      /cannot read capture 'bad\.xml': invalid XML: end tag <\/data> where <\/value> was expected at line 6, column 44 \(byte 251\)/,
    ],
    ["XML that is no capture", ["--workload", "not-a-capture.xml"], 1, /contains no Extended Events <event> elements/],
    ["script paths as well", ["--workload", "bad.xml", "."], 2, /reads one kind of source per run/],
    ["--encoding", ["--workload", "bad.xml", "--encoding", "utf-8"], 2, /--encoding applies to script files only, not to --workload/],
    ["--database", ["--workload", "bad.xml", "--database", "Sales"], 2, /--database applies to a live server only, not to workload captures/],
  ];
  for (const [name, args, code, message] of failures) {
    it(`exits with ${code} on ${name}`, async () => {
      const run = await runInfio(["assess", ...args, "--store", "none", "--out", "f"], work);
      assert.equal(run.code, code, run.stderr);
      assert.match(run.stderr, message);
      assert.equal(run.stdout, "");
    });
  }
});
