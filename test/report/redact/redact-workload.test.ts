import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";

import type { Assessment } from "../../../src/assessment/model.js";
import { runAssessment } from "../../../src/assessment/run.js";
import { defaultCatalog } from "../../../src/catalog/catalog.js";
import { parseTarget } from "../../../src/catalog/targets.js";
import { redactAssessment, type RedactResult } from "../../../src/report/redact/index.js";
import { captureFile, readWorkload } from "../../../src/sources/workload/index.js";
import { NullStore } from "../../../src/store/null-store.js";
import { findLeaks, renderAll, visibleTexts } from "./harness.js";

const FIXTURES = fileURLToPath(new URL("../../../../test/sources/workload/fixtures/", import.meta.url));

/** Names in the captures that a shared report must not show. */
const SECRET_NAMES = [
  "Orders",
  "OrderId",
  "Customers",
  "Accounts",
  "Products",
  "Carts",
  "CartId",
  "Sales",
  "Billing",
  "Shop",
  "svc_reports",
  "shop_admin",
  "web_user",
  "Reports & Co",
  "Sales Web",
  "Shop Admin",
  "xe-ring-buffer",
  "profiler-trace",
];

async function assessCaptures(): Promise<Assessment> {
  const names = ["xe-ring-buffer.xml", "profiler-trace.xml"];
  const read = await readWorkload(names.map((n) => captureFile(n, FIXTURES + n)));
  const target = parseTarget("babelfish");
  assert.ok(target.ok);
  const result = await runAssessment({
    id: "20250304-050607-abcdef",
    startedAt: new Date("2025-03-04T05:06:07.000Z"),
    infioVersion: "0.0.0-test",
    sources: names,
    inputs: read.source.statements.map((s) => ({ kind: "text", name: s.file, text: s.text })),
    workload: read.source,
    target: target.target,
    catalog: defaultCatalog(),
    maxFileSize: 1024 * 1024,
    jobs: 1,
    store: new NullStore(),
  });
  assert.ok(result.ok, result.ok ? "" : result.error);
  return result.assessment;
}

describe("redactAssessment of workload captures", () => {
  let original: Assessment;
  let redacted: RedactResult;

  before(async () => {
    original = await assessCaptures();
    redacted = redactAssessment(original);
  });

  it("starts from reports that show every name", () => {
    const shown = visibleTexts(renderAll({ assessment: original, texts: new Map(), pseudonyms: [], unlistedFields: [] }), new Map());
    assert.deepEqual(SECRET_NAMES.filter((name) => findLeaks(shown, [name]).length === 0), []);
  });

  it("leaves no name in JSON, CSV, SARIF or HTML", () => {
    const texts = visibleTexts(renderAll(redacted), redacted.texts);
    assert.deepEqual(findLeaks(texts, SECRET_NAMES), []);
  });

  it("names statements after their capture's pseudonym", () => {
    const captures = redacted.assessment.workload!.captures.map((c) => c.file);
    for (const s of redacted.assessment.workload!.statements) {
      assert.ok(captures.some((c) => s.file.startsWith(`workload:${c}#`)), `${s.file} names none of ${captures.join(", ")}`);
    }
  });

  it("keeps the counts and the shape of each statement", () => {
    const before = original.workload!.statements;
    const after = redacted.assessment.workload!.statements;
    assert.deepEqual(after.map((s) => s.executions), before.map((s) => s.executions));
    assert.deepEqual(after.map((s) => s.databases.length), before.map((s) => s.databases.length));
    for (const [i, s] of after.entries()) {
      assert.ok(redacted.assessment.units.some((u) => u.file === s.file), `no unit named ${s.file}`);
      assert.notEqual(s.hash, before[i]!.hash, "the hash of the original text would confirm a guess");
      assert.match(s.text, /^(SELECT|UPDATE|INSERT|DELETE|\/\*|exec)/i);
      assert.match(s.file, /^workload:file\d+#\d$/);
      assert.equal(s.file.slice(-2), before[i]!.file.slice(-2));
    }
  });
});
