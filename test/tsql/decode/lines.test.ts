import { test } from "node:test";
import assert from "node:assert/strict";
import { lineStarts, positionAt } from "../../../src/tsql/decode/lines.js";

test("lineStarts counts CRLF, LF and lone CR", () => {
  assert.deepEqual([...lineStarts("")], [0]);
  assert.deepEqual([...lineStarts("abc")], [0]);
  assert.deepEqual([...lineStarts("a\r\nb\nc\rd")], [0, 3, 5, 7]);
  assert.deepEqual([...lineStarts("\r\r\n\n")], [0, 1, 3, 4]);
  assert.deepEqual([...lineStarts("x\r")], [0, 2]);
});

test("lineStarts ignores Unicode line separators", () => {
  assert.deepEqual([...lineStarts("a\u2028b\u0085c")], [0]);
});

test("positionAt gives 1-based line and column", () => {
  const text = "ab\r\ncd\nef\rgh";
  const starts = lineStarts(text);
  const cases: [number, number, number][] = [
    [0, 1, 1],
    [1, 1, 2],
    [2, 1, 3],
    [3, 1, 4],
    [4, 2, 1],
    [6, 2, 3],
    [7, 3, 1],
    [9, 3, 3],
    [10, 4, 1],
    [11, 4, 2],
    [12, 4, 3],
  ];

  for (const [offset, line, column] of cases) {
    assert.deepEqual(positionAt(starts, offset), { line, column }, `offset ${offset}`);
  }
});

test("positionAt clamps negative offsets", () => {
  assert.deepEqual(positionAt(lineStarts("a\nb"), -5), { line: 1, column: 1 });
});
