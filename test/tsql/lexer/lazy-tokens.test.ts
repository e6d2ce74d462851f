import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

import { LazyTokens, lex } from "../../../src/tsql/lexer/lexer.js";
import { isTrivia, type Token } from "../../../src/tsql/lexer/token.js";
import { sqlFiles } from "../walk.js";

const fixtures = fileURLToPath(new URL("../../../../test/fixtures/parser/", import.meta.url));

function shape(token: Token): string {
  return `${token.kind} ${token.start}-${token.end} ${token.line}:${token.column} ${token.flags} ${token.value} ${token.text}`;
}

describe("lexer without trivia", () => {
  const files = sqlFiles(fixtures);

  it("gives the significant tokens of the full lexer", () => {
    assert.ok(files.length > 50, `only ${files.length} fixtures found`);
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      const all = lex(text).tokens.filter((t) => !isTrivia(t.kind)).map(shape);
      const significant = lex(text, { trivia: false }).tokens.map(shape);
      assert.deepEqual(significant, all, file);
    }
  });

  it("gives the same tokens on demand as at once", () => {
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      const options = { start: 3, line: 1, column: 4, trivia: false };
      const expected = lex(text, options).tokens.map(shape);
      const lazy = new LazyTokens(text, options);
      const actual: string[] = [];
      for (let i = 0; lazy.at(i) !== undefined; i++) {
        actual.push(shape(lazy.at(i)!));
      }
      assert.deepEqual(actual, expected, file);
    }
  });

  it("lexes only as far as the token asked for", () => {
    const lazy = new LazyTokens("SELECT 'unterminated", { trivia: false });
    assert.equal(lazy.at(0)?.value, "SELECT");
    assert.equal(lazy.at(1)?.value, "unterminated");
    assert.equal(lazy.at(2)?.kind, lex("").tokens[0]!.kind);
    assert.equal(lazy.at(3), undefined);
  });
});
