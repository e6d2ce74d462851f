import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { cursorDetector } from "../../src/analysis/detectors/cursors.js";
import { findings } from "./harness.js";

const CASES: readonly (readonly [string, string, readonly string[]])[] = [
  ["options of the Transact-SQL form", "DECLARE c CURSOR GLOBAL SCROLL DYNAMIC SCROLL_LOCKS FOR SELECT a FROM t FOR UPDATE OF a",
    ["cursor.declare 1:11", "cursor.option.global 1:18", "cursor.option.scroll 1:25", "cursor.option.dynamic 1:32", "cursor.option.scroll_locks 1:40", "cursor.option.for_update 1:77"]],
  ["ISO form with INSENSITIVE", "DECLARE c INSENSITIVE SCROLL CURSOR FOR SELECT a FROM t",
    ["cursor.declare 1:11", "cursor.option.static 1:11", "cursor.option.scroll 1:23"]],
  ["default options are not reported", "DECLARE c CURSOR LOCAL FORWARD_ONLY READ_ONLY FOR SELECT a FROM t", ["cursor.declare 1:11"]],
  ["FETCH orientations", "FETCH NEXT FROM c\nFETCH PRIOR FROM c\nFETCH ABSOLUTE 3 FROM c\nFETCH RELATIVE -1 FROM c\nFETCH LAST FROM GLOBAL c",
    ["cursor.fetch.prior 2:1", "cursor.fetch.absolute 3:1", "cursor.fetch.relative 4:1", "cursor.fetch.last 5:1", "cursor.option.global 5:17"]],
  ["cursor variable and cursor parameter in a procedure",
    "CREATE PROCEDURE p @out CURSOR VARYING OUTPUT AS\nDECLARE @c CURSOR\nSET @c = CURSOR FAST_FORWARD FOR SELECT a FROM t",
    ["cursor.parameter.output 1:20", "cursor.variable 2:9", "cursor.declare 3:10", "cursor.option.fast_forward 3:17"]],
];

describe("cursors detector", () => {
  for (const [name, sql, expected] of CASES) {
    it(name, () => {
      assert.deepEqual(findings(cursorDetector, sql), expected);
    });
  }
});
