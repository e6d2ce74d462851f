import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { deprecatedDetector } from "../../src/analysis/detectors/deprecated.js";
import { findings } from "./harness.js";

const CASES: readonly (readonly [string, string, readonly string[]])[] = [
  ["old outer join operators", "SELECT * FROM a, b WHERE a.id *= b.id AND a.x =* b.x",
    ["syntax.outer_join_operator 1:31", "syntax.outer_join_operator 1:47"]],
  ["string literal aliases in both forms, not other alias forms", "SELECT 'total' = SUM(a), COUNT(*) 'n', a AS b, c d, e = f FROM t",
    ["syntax.string_alias 1:8", "syntax.string_alias 1:35"]],
  ["COMPUTE, ::fn() and numbered procedure calls", "SELECT a FROM t COMPUTE SUM(a)\nGO\nSELECT * FROM ::fn_helpcollations()\nEXEC dbo.p;2",
    ["syntax.compute 1:17", "syntax.fn_double_colon 3:15", "syntax.numbered_procedure_call 4:6"]],
  ["pseudo-columns, not a quoted name", "SELECT $IDENTITY, t.$ROWGUID, [$identity] FROM t", ["syntax.column_dollar_identity 1:8", "syntax.column_dollar_identity 1:21"]],
  ["sqlcmd variable without a value", "SELECT a FROM t WHERE b = $(limit)", ["reference.sqlcmd_variable 1:27"]],
];

describe("deprecated detector", () => {
  for (const [name, sql, expected] of CASES) {
    it(name, () => {
      assert.deepEqual(findings(deprecatedDetector, sql), expected);
    });
  }
});
