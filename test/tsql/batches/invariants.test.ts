import { test } from "node:test";
import assert from "node:assert/strict";
import { splitBatches } from "../../../src/tsql/batches/split.js";
import { lex } from "../../../src/tsql/lexer/lexer.js";
import { isTrivia } from "../../../src/tsql/lexer/token.js";
import { lineStarts, positionAt } from "../../../src/tsql/decode/lines.js";

test("batch positions agree with lexer", () => {
  const input = "SELECT 1\r\nGO\r\n\r\n  /* x\r\n */ SELECT 'a\rb'\rGO 3\n\tPRINT 2";
  const starts = lineStarts(input);

  for (const batch of splitBatches(input).batches) {
    const tokens = lex(batch.text, { line: batch.line, column: batch.column }).tokens;
    for (const token of tokens.filter((t) => !isTrivia(t.kind))) {
      const expected = positionAt(starts, batch.start + token.start);

      assert.deepEqual({ line: token.line, column: token.column }, expected, token.text);
    }
  }
});

// Fragments that exercise every scanner state, joined at random.
const FRAGMENTS = [
  "GO", "go 2", "GO;", "\n", "\r\n", "\r", " ", "'", "''", "[", "]", "\"", "/*", "*/",
  "--", "SELECT 1", ":setvar A 1", ":r x", "$(A)", "$(", "<a, b, c>", "<,,>", "N'x'",
  ":connect s -P p", "!!x", "EXIT", "é", "\u{1f600}",
];

function makeRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
}

test("random scripts keep batch invariants", () => {
  const random = makeRandom(42);
  for (let round = 0; round < 2000; round++) {
    let input = "";
    const pieces = Math.floor(random() * 30);
    for (let i = 0; i < pieces; i++) {
      input += FRAGMENTS[Math.floor(random() * FRAGMENTS.length)];
    }

    const result = splitBatches(input);
    let previousEnd = 0;
    for (const batch of result.batches) {
      assert.ok(batch.start >= previousEnd, input);
      assert.ok(batch.end >= batch.start, input);
      assert.ok(batch.end <= input.length, input);
      assert.deepEqual(
        { line: batch.line, column: batch.column },
        positionAt(lineStarts(input), batch.start),
        input,
      );
      if (!batch.substituted) {
        assert.equal(batch.text.length, batch.end - batch.start, input);
      }
      previousEnd = batch.end;
    }
    const connects = result.commands.filter((c) => c.name === "connect");
    assert.doesNotMatch(JSON.stringify(connects), /-P p/, input);
  }
});
