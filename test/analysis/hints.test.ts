import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { hintDetector } from "../../src/analysis/detectors/hints.js";
import { findings } from "./harness.js";

const CASES: readonly (readonly [string, string, readonly string[]])[] = [
  ["table hints by name", "SELECT a FROM t WITH (NOLOCK, INDEX(ix1)) JOIN u WITH (FORCESEEK) ON 1 = 1",
    ["hint.table[nolock] 1:23", "hint.table[index] 1:31", "hint.table[forceseek] 1:56"]],
  ["query hints with multi-word names", "SELECT a FROM t OPTION (RECOMPILE, MAXDOP 2, OPTIMIZE FOR UNKNOWN, HASH JOIN, USE HINT('X'))",
    ["hint.query[recompile] 1:25", "hint.query[maxdop] 1:36", "hint.query[optimize_for_unknown] 1:46", "hint.query[hash_join] 1:68", "hint.query[use_hint] 1:79"]],
  ["join hint at its keyword", "SELECT a FROM t\nINNER LOOP JOIN u ON t.id = u.id", ["hint.join[loop] 2:7"]],
  ["hints on UPDATE targets inside a procedure", "CREATE PROCEDURE p AS\nUPDATE t WITH (ROWLOCK) SET a = 1 OPTION (MAXDOP 1)",
    ["hint.table[rowlock] 2:16", "hint.query[maxdop] 2:43"]],
  ["no hints", "SELECT a FROM t JOIN u ON 1 = 1", []],
];

describe("hints detector", () => {
  for (const [name, sql, expected] of CASES) {
    it(name, () => {
      assert.deepEqual(findings(hintDetector, sql), expected);
    });
  }
});
