/**
 * The application-code part in every report format, on the sample
 * assessment with a hostile source tree added: names are escaped, the
 * JSON matches the schema, and CSV and SARIF carry the statement's scope.
 */

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";

import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

import type { Assessment } from "../../src/assessment/model.js";
import type { ApplicationCodeSource } from "../../src/sources/app-code/model.js";
import { renderCsv } from "../../src/report/csv.js";
import { renderHtml } from "../../src/report/html/page.js";
import { renderJson } from "../../src/report/json.js";
import { renderSarif } from "../../src/report/sarif.js";
import { REPO } from "../cli/run-infio.js";
import { parseCsv } from "./csv-parse.js";
import { HOSTILE_HTML_NAME, sampleAssessment } from "./sample-assessment.js";

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const FILE = "src/<b>Repo</b>.cs";

function withAppCode(): Assessment {
  const a = sampleAssessment();
  const applicationCode: ApplicationCodeSource = {
    roots: ["app"],
    filesScanned: { csharp: 2, sql: 1 },
    bytesScanned: 4096,
    statementsFound: 2,
    partlyDynamic: 1,
    unterminated: 1,
    skipped: { "dependency-folder": 3, "generated-name": 1 },
    files: [{ file: FILE, language: "csharp", bytes: 2048, statements: 2, partlyDynamic: 1 }],
    statements: [
      {
        file: FILE,
        line: 10,
        column: 20,
        endLine: 12,
        language: "csharp",
        call: "SqlCommand",
        scope: HOSTILE_HTML_NAME,
        dynamicParts: 1,
        parameters: 0,
        text: "SELECT * FROM @__dynamic1 WHERE x = '<i>'",
      },
      { file: FILE, line: 20, column: 5, endLine: 20, language: "csharp", scope: "", dynamicParts: 0, parameters: 0, text: "SELECT 1" },
    ],
  };
  return {
    ...a,
    applicationCode,
    findings: [
      ...a.findings,
      { featureId: "hint.table", status: "reviewSemantics", file: FILE, line: 11, column: 7, object: "", message: "table hint NOLOCK" },
    ],
  };
}

describe("application code in reports", () => {
  it("JSON matches the schema", () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(REPO, "schema", "assessment.schema.json"), "utf8")));
    const json = JSON.parse(renderJson(withAppCode())) as { applicationCode: ApplicationCodeSource };
    assert.ok(validate(json), JSON.stringify(validate.errors, null, 2));
    assert.equal(json.applicationCode.statements[0]?.call, "SqlCommand");
    assert.equal(json.applicationCode.statements[1]?.call, undefined);
    assert.deepEqual(json.applicationCode.skipped, { "dependency-folder": 3, "generated-name": 1 });
  });

  it("HTML escapes names and code", () => {
    const html = renderHtml(withAppCode());
    const section = html.slice(html.indexOf('<section id="app-code">'), html.indexOf("</section>", html.indexOf('<section id="app-code">')));
    assert.ok(section.length > 0);
    assert.ok(!section.includes("<img"));
    assert.ok(!section.includes("<b>Repo"));
    assert.ok(!section.includes("'<i>'"));
    assert.ok(section.includes("&lt;img src=x onerror=alert(1)&gt;"));
    assert.ok(section.includes("leave a quote or comment open, not assessed: 1."));
    assert.ok(section.includes("<td>C#</td><td class=\"num\">2</td>"));
    assert.ok(section.includes("<code>dependency-folder</code>"));
  });

  it("CSV adds the scope columns", () => {
    // The text starts with a byte order mark.
    const rows = parseCsv(renderCsv(withAppCode()).slice(1));
    const header = rows[0]!;
    assert.deepEqual(header.slice(-3), ["codeScope", "codeCall", "partlyDynamic"]);
    const app = rows.find((r) => r[2] === FILE);
    assert.ok(app);
    assert.deepEqual(app.slice(-3), [HOSTILE_HTML_NAME, "SqlCommand", "true"]);
    const script = rows[1]!;
    assert.deepEqual(script.slice(-3), ["", "", ""]);
  });

  it("SARIF names the scope of a finding in a statement", () => {
    const sarif = JSON.parse(renderSarif(withAppCode()));
    const result = (sarif.runs[0].results as { locations: { physicalLocation: { artifactLocation: { uri: string } }; logicalLocations?: unknown[] }[]; properties: Record<string, unknown> }[]).find(
      (r) => r.locations[0]!.physicalLocation.artifactLocation.uri.includes("Repo"),
    );
    assert.ok(result);
    assert.deepEqual(result.locations[0]!.logicalLocations, [{ fullyQualifiedName: HOSTILE_HTML_NAME, kind: "function" }]);
    assert.equal(result.properties["sqlCall"], "SqlCommand");
    assert.equal(result.properties["partlyDynamic"], true);
  });
});
