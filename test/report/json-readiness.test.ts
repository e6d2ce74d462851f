/**
 * The readiness member of assessment.json: valid against the schema for
 * the Kestrel server's readiness and for readiness from scripts, a record
 * per item line, and rejected by the schema when an item loses a field.
 */

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

import { assessReadiness } from "../../src/assessment/readiness/assess-readiness.js";
import { assessScriptReadiness } from "../../src/assessment/readiness/from-scripts.js";
import type { AssessedObject, Finding } from "../../src/assessment/model.js";
import { renderJson } from "../../src/report/json.js";
import { readinessCsvParts } from "../../src/report/csv-readiness.js";
import { KESTREL_READINESS, kestrelLiveSource } from "../assessment/readiness/kestrel-expected.js";
import { sampleAssessment } from "./sample-assessment.js";
import { repositoryPath } from "./snapshot.js";

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(repositoryPath("schema/assessment.schema.json"), "utf8")));

async function kestrelJson(): Promise<Record<string, any>> {
  const readiness = assessReadiness(await kestrelLiveSource(), { target: "babelfish@5.5" });
  return JSON.parse(renderJson({ ...sampleAssessment(), readiness })) as Record<string, any>;
}

test("readiness JSON validates", async () => {
  const json = await kestrelJson();

  assert.ok(validate(json), JSON.stringify(validate.errors, null, 2));
  assert.equal(json["readiness"].source, "inventory");
  assert.deepEqual(json["readiness"].counts, { blocker: 12, warning: 27, info: 48 });
  assert.equal(json["readiness"].items.length, KESTREL_READINESS.length);
});

test("readiness JSON item lines", async () => {
  const readiness = assessReadiness(await kestrelLiveSource(), { target: "babelfish@5.5" });
  const text = renderJson({ ...sampleAssessment(), readiness });

  const line = text.split("\n").find((l) => l.includes('"id":"readiness.column.sql-variant:Archive.dbo.ArchiveSetting.SettingValue"'));
  assert.ok(line, "the item is not on a line of its own");
});

test("readiness JSON without evidence rejected", async () => {
  const json = await kestrelJson();
  delete json["readiness"].items[0].evidence;

  assert.equal(validate(json), false);
});

test("readiness JSON from scripts validates", () => {
  const objects = [{ name: "dbo.Heap", type: "table", file: "t.sql", line: 1, lines: 1 }] as AssessedObject[];
  const findings = [
    { featureId: "datatype.sql_variant", object: "dbo.Heap", message: "data type sql_variant" },
  ] as Finding[];
  const readiness = assessScriptReadiness(objects, findings, { target: "postgresql@17" });
  assert.ok(readiness);

  const json = JSON.parse(renderJson({ ...sampleAssessment(), readiness })) as { readiness: { source: string } };

  assert.ok(validate(json), JSON.stringify(validate.errors, null, 2));
  assert.equal(json.readiness.source, "scripts");
});

test("readiness CSV rows", async () => {
  const readiness = assessReadiness(await kestrelLiveSource(), { target: "babelfish@5.5" });

  const rows = [...readinessCsvParts(readiness)];

  assert.equal(rows.length, KESTREL_READINESS.length + 1);
  assert.equal(rows[0], '\uFEFF"severity","id","rule","database","object","objectType","evidence","action"\r\n');
  assert.match(rows[1]!, /^"blocker","readiness\.database\.recovery-model:Archive","readiness\.database\.recovery-model","Archive","","database","recovery model SIMPLE",/);
});
