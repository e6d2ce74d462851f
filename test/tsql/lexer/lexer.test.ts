import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { lex } from "../../../src/tsql/lexer/lexer.js";
import { TokenFlags, TokenKind, isTrivia } from "../../../src/tsql/lexer/token.js";

interface Expected {
  kind: TokenKind;
  text: string;
  line: number;
  column: number;
  value?: string;
}

function significant(text: string, quotedIdentifier = true) {
  return lex(text, { quotedIdentifier }).tokens.filter(
    (t) => !isTrivia(t.kind) && t.kind !== TokenKind.EndOfInput,
  );
}

const cases: { name: string; input: string; expected: Expected[] }[] = [
  {
    name: "bracketed identifier with doubled bracket",
    input: "SELECT [a]]b]",
    expected: [
      { kind: TokenKind.Word, text: "SELECT", line: 1, column: 1, value: "SELECT" },
      { kind: TokenKind.QuotedIdentifier, text: "[a]]b]", line: 1, column: 8, value: "a]b" },
    ],
  },
  {
    name: "N string with doubled quote and newline",
    input: "x = N'it''s\r\nok'",
    expected: [
      { kind: TokenKind.Word, text: "x", line: 1, column: 1 },
      { kind: TokenKind.Equals, text: "=", line: 1, column: 3 },
      { kind: TokenKind.NString, text: "N'it''s\r\nok'", line: 1, column: 5, value: "it's\r\nok" },
    ],
  },
  {
    name: "token after multi-line string",
    input: "'a\nb' c",
    expected: [
      { kind: TokenKind.String, text: "'a\nb'", line: 1, column: 1, value: "a\nb" },
      { kind: TokenKind.Word, text: "c", line: 2, column: 4 },
    ],
  },
  {
    name: "numbers of every kind",
    input: "1 2.5 .5 1. 1e10 1.5E-3 $12.50 0x1F 0x",
    expected: [
      { kind: TokenKind.Integer, text: "1", line: 1, column: 1 },
      { kind: TokenKind.Decimal, text: "2.5", line: 1, column: 3 },
      { kind: TokenKind.Decimal, text: ".5", line: 1, column: 7 },
      { kind: TokenKind.Decimal, text: "1.", line: 1, column: 10 },
      { kind: TokenKind.Float, text: "1e10", line: 1, column: 13 },
      { kind: TokenKind.Float, text: "1.5E-3", line: 1, column: 18 },
      { kind: TokenKind.Money, text: "$12.50", line: 1, column: 25 },
      { kind: TokenKind.Binary, text: "0x1F", line: 1, column: 32 },
      { kind: TokenKind.Binary, text: "0x", line: 1, column: 37 },
    ],
  },
  {
    name: "variables, globals, temp names and pseudo-columns",
    input: "@v @@ROWCOUNT #t ##g $action",
    expected: [
      { kind: TokenKind.Variable, text: "@v", line: 1, column: 1 },
      { kind: TokenKind.SystemVariable, text: "@@ROWCOUNT", line: 1, column: 4, value: "@@ROWCOUNT" },
      { kind: TokenKind.Word, text: "#t", line: 1, column: 15 },
      { kind: TokenKind.Word, text: "##g", line: 1, column: 18 },
      { kind: TokenKind.Word, text: "$action", line: 1, column: 22, value: "$ACTION" },
    ],
  },
  {
    name: "comparison operators with blanks inside",
    input: "a > = b ! < c <> d != e !> f",
    expected: [
      { kind: TokenKind.Word, text: "a", line: 1, column: 1 },
      { kind: TokenKind.GreaterOrEqual, text: "> =", line: 1, column: 3 },
      { kind: TokenKind.Word, text: "b", line: 1, column: 7 },
      { kind: TokenKind.NotLess, text: "! <", line: 1, column: 9 },
      { kind: TokenKind.Word, text: "c", line: 1, column: 13 },
      { kind: TokenKind.NotEquals, text: "<>", line: 1, column: 15 },
      { kind: TokenKind.Word, text: "d", line: 1, column: 18 },
      { kind: TokenKind.NotEquals, text: "!=", line: 1, column: 20 },
      { kind: TokenKind.Word, text: "e", line: 1, column: 23 },
      { kind: TokenKind.NotGreater, text: "!>", line: 1, column: 25 },
      { kind: TokenKind.Word, text: "f", line: 1, column: 28 },
    ],
  },
  {
    name: "compound assignment and concatenation",
    input: "+= -= *= /= %= &= |= ^= || ||= ::",
    expected: [
      { kind: TokenKind.CompoundAssign, text: "+=", line: 1, column: 1 },
      { kind: TokenKind.CompoundAssign, text: "-=", line: 1, column: 4 },
      { kind: TokenKind.CompoundAssign, text: "*=", line: 1, column: 7 },
      { kind: TokenKind.CompoundAssign, text: "/=", line: 1, column: 10 },
      { kind: TokenKind.CompoundAssign, text: "%=", line: 1, column: 13 },
      { kind: TokenKind.CompoundAssign, text: "&=", line: 1, column: 16 },
      { kind: TokenKind.CompoundAssign, text: "|=", line: 1, column: 19 },
      { kind: TokenKind.CompoundAssign, text: "^=", line: 1, column: 22 },
      { kind: TokenKind.Concat, text: "||", line: 1, column: 25 },
      { kind: TokenKind.CompoundAssign, text: "||=", line: 1, column: 28 },
      { kind: TokenKind.DoubleColon, text: "::", line: 1, column: 32 },
    ],
  },
  {
    name: "ODBC escape braces",
    input: "{fn UCASE(x)} {ts '2024-01-01'}",
    expected: [
      { kind: TokenKind.LeftBrace, text: "{", line: 1, column: 1 },
      { kind: TokenKind.Word, text: "fn", line: 1, column: 2 },
      { kind: TokenKind.Word, text: "UCASE", line: 1, column: 5 },
      { kind: TokenKind.LeftParen, text: "(", line: 1, column: 10 },
      { kind: TokenKind.Word, text: "x", line: 1, column: 11 },
      { kind: TokenKind.RightParen, text: ")", line: 1, column: 12 },
      { kind: TokenKind.RightBrace, text: "}", line: 1, column: 13 },
      { kind: TokenKind.LeftBrace, text: "{", line: 1, column: 15 },
      { kind: TokenKind.Word, text: "ts", line: 1, column: 16 },
      { kind: TokenKind.String, text: "'2024-01-01'", line: 1, column: 19 },
      { kind: TokenKind.RightBrace, text: "}", line: 1, column: 31 },
    ],
  },
  {
    name: "lone CR and CRLF line breaks",
    input: "a\rb\r\nc\nd",
    expected: [
      { kind: TokenKind.Word, text: "a", line: 1, column: 1 },
      { kind: TokenKind.Word, text: "b", line: 2, column: 1 },
      { kind: TokenKind.Word, text: "c", line: 3, column: 1 },
      { kind: TokenKind.Word, text: "d", line: 4, column: 1 },
    ],
  },
  {
    name: "nested block comment",
    input: "/* a /* b */ c */ x",
    expected: [{ kind: TokenKind.Word, text: "x", line: 1, column: 19 }],
  },
  {
    name: "line comment ends at line break",
    input: "-- note\nSELECT",
    expected: [{ kind: TokenKind.Word, text: "SELECT", line: 2, column: 1 }],
  },
  {
    name: "sqlcmd variable left unsubstituted",
    input: "USE $(db)",
    expected: [
      { kind: TokenKind.Word, text: "USE", line: 1, column: 1 },
      { kind: TokenKind.SqlcmdVariable, text: "$(db)", line: 1, column: 5, value: "db" },
    ],
  },
  {
    name: "unicode identifiers",
    input: "SELECT Größe, 名前",
    expected: [
      { kind: TokenKind.Word, text: "SELECT", line: 1, column: 1 },
      { kind: TokenKind.Word, text: "Größe", line: 1, column: 8 },
      { kind: TokenKind.Comma, text: ",", line: 1, column: 13 },
      { kind: TokenKind.Word, text: "名前", line: 1, column: 15 },
    ],
  },
];

describe("lexer", () => {
  for (const c of cases) {
    it(c.name, () => {
      const tokens = significant(c.input);
      assert.equal(tokens.length, c.expected.length, `token count for ${JSON.stringify(c.input)}`);
      c.expected.forEach((e, i) => {
        const t = tokens[i]!;
        assert.equal(TokenKind[t.kind], TokenKind[e.kind], `kind of token ${i}`);
        assert.equal(t.text, e.text, `text of token ${i}`);
        assert.equal(`${t.line}:${t.column}`, `${e.line}:${e.column}`, `position of ${e.text}`);
        if (e.value !== undefined) {
          assert.equal(t.value, e.value, `value of ${e.text}`);
        }
      });
    });
  }

  it("round-trips the input exactly", () => {
    const input = "SELECT /* c */ [x] -- t\r\n FROM \"y\" WHERE a > = 'b''c'\t;\u00a0\uFEFF";
    const text = lex(input).tokens.map((t) => t.text).join("");
    assert.equal(text, input);
  });

  it("double quotes follow QUOTED_IDENTIFIER", () => {
    const on = significant('"abc"', true)[0]!;
    const off = significant('"abc"', false)[0]!;
    assert.equal(on.kind, TokenKind.QuotedIdentifier);
    assert.equal(off.kind, TokenKind.String);
    assert.equal(off.value, "abc");
  });

  it("reports unterminated string with position", () => {
    const result = lex("SELECT 'abc\nFROM t");
    assert.equal(result.diagnostics.length, 1);
    const d = result.diagnostics[0]!;
    assert.equal(d.code, "lex.unterminated");
    assert.equal(`${d.line}:${d.column}`, "1:8");
    const str = result.tokens.find((t) => t.kind === TokenKind.String)!;
    assert.equal(str.flags & TokenFlags.Unterminated, TokenFlags.Unterminated);
  });

  it("reports unterminated block comment", () => {
    const result = lex("x /* a /* b */");
    assert.equal(result.diagnostics.length, 1);
    assert.equal(result.diagnostics[0]!.code, "lex.unterminated");
    assert.equal(result.diagnostics[0]!.column, 3);
  });

  it("reports invalid character and continues", () => {
    const result = lex("SELECT ` 1");
    assert.equal(result.diagnostics.length, 1);
    assert.equal(result.diagnostics[0]!.code, "lex.invalid-character");
    assert.match(result.diagnostics[0]!.message, /U\+0060/);
    const last = significant("SELECT ` 1").at(-1)!;
    assert.equal(last.kind, TokenKind.Integer);
  });

  it("marks tokens after a line break", () => {
    const tokens = significant("a\n  b c");
    assert.equal(tokens[0]!.flags & TokenFlags.AfterNewline, 0);
    assert.equal(tokens[1]!.flags & TokenFlags.AfterNewline, TokenFlags.AfterNewline);
    assert.equal(tokens[2]!.flags & TokenFlags.AfterNewline, 0);
  });

  it("lexes a range with a base position", () => {
    const text = "xxxx SELECT 1";
    const tokens = lex(text, { start: 5, line: 7, column: 6 }).tokens;
    assert.equal(tokens[0]!.text, "SELECT");
    assert.equal(`${tokens[0]!.line}:${tokens[0]!.column}`, "7:6");
    assert.equal(tokens[0]!.start, 5);
  });
});
