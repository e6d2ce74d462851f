import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { errorDetector } from "../../src/analysis/detectors/errors.js";
import { assessUnit } from "../../src/assessment/assess-unit.js";
import { parseTarget } from "../../src/catalog/targets.js";
import { findings } from "./harness.js";

const CASES: readonly (readonly [string, string, readonly string[]])[] = [
  ["THROW as the first statement of a batch", "THROW 50000, 'x', 1", ["error.throw 1:1"]],
  ["THROW first in the second batch", "SELECT 1\nGO\nTHROW 50001, N'y', 2;", ["error.throw 3:1"]],
  ["TRY CATCH with rethrow and error functions",
    "BEGIN TRY\n  SELECT 1/0\nEND TRY\nBEGIN CATCH\n  SELECT ERROR_NUMBER(), ERROR_MESSAGE(), XACT_STATE();\n  THROW;\nEND CATCH",
    ["error.try_catch 1:1", "error.function 5:10", "error.function 5:26", "error.xact_state 5:43", "error.throw 6:3"]],
  ["RAISERROR forms", "RAISERROR('x', 16, 1)\nRAISERROR(50001, 16, 1) WITH LOG, SETERROR\nRAISERROR 50001 'legacy'",
    ["error.raiserror 1:1", "error.raiserror[message_id] 2:1", "error.raiserror[with_log] 2:1", "error.raiserror[with_seterror] 2:1", "error.raiserror_legacy 3:1"]],
  ["@@ERROR in an IF, PRINT and FORMATMESSAGE", "IF @@ERROR <> 0 PRINT FORMATMESSAGE('%d', 1)",
    ["error.variable 1:4", "error.print 1:17", "error.formatmessage 1:23"]],
];

describe("errors detector", () => {
  for (const [name, sql, expected] of CASES) {
    it(name, () => {
      assert.deepEqual(findings(errorDetector, sql), expected);
    });
  }

  it("classifies a leading THROW on Babelfish", () => {
    const parsed = parseTarget("babelfish@5.5");
    assert.ok(parsed.ok);
    const result = assessUnit({ file: "t.sql", bytes: new TextEncoder().encode("THROW 50000, 'x', 1\n") }, { target: parsed.target });
    assert.deepEqual(result.findings.map((f) => [f.featureId, f.status, f.line]), [["error.throw", "supported", 1]]);
  });
});
