import assert from "node:assert/strict";
import { test } from "node:test";

import {
  DEFAULT_READINESS_THRESHOLDS,
  parseReadinessThresholds,
} from "../../../src/assessment/readiness/thresholds.js";

test("thresholds: partial object keeps defaults", () => {
  const result = parseReadinessThresholds({ parallelLoadRows: 5_000_000 });

  assert.deepEqual(result.errors, []);
  assert.deepEqual(result.thresholds, { ...DEFAULT_READINESS_THRESHOLDS, parallelLoadRows: 5_000_000 });
});

const INVALID: readonly (readonly [string, unknown, RegExp])[] = [
  ["not an object", [1], /"readiness" must be an object/],
  ["unknown key", { rows: 1 }, /readiness\.rows is not a setting/],
  ["negative", { biggestTables: -1 }, /readiness\.biggestTables must be a positive whole number, not -1/],
  ["fraction", { parallelLoadKb: 1.5 }, /readiness\.parallelLoadKb must be a positive whole number/],
  ["text", { fullBackupMaxAgeDays: "7" }, /not "7"/],
];

for (const [name, value, message] of INVALID) {
  test(`thresholds: ${name} rejected`, () => {
    const result = parseReadinessThresholds(value);
    assert.equal(result.errors.length, 1);
    assert.match(result.errors[0]!, message);
  });
}
