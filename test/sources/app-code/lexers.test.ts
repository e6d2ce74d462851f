/**
 * The application-code lexers on hard string forms: each case lists the
 * decoded values of the string literals found, with `{}` for a hole
 * (HOLE), and what is not a string (comments, character literals,
 * regular expressions, JSX text) must not appear.
 */

import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { lexCSharp } from "../../../src/sources/app-code/lexers/csharp.js";
import { lexJava } from "../../../src/sources/app-code/lexers/java.js";
import { lexJavaScript } from "../../../src/sources/app-code/lexers/javascript.js";
import { lexPython } from "../../../src/sources/app-code/lexers/python.js";
import { HOLE, type CodeToken } from "../../../src/sources/app-code/tokens.js";

function strings(tokens: readonly CodeToken[]): string[] {
  return tokens.filter((t) => t.kind === "string").map((t) => t.value!.text.replaceAll(HOLE, "{}"));
}

function check(lex: (text: string) => CodeToken[], cases: readonly [string, string[]][]): void {
  for (const [source, expected] of cases) {
    assert.deepEqual(strings(lex(source)), expected, source);
  }
}

describe("C# lexer", () => {
  it("decodes every string form", () => {
    check(lexCSharp, [
      ['x = "a\\"b\\\\";', ['a"b\\']],
      ['x = @"c:\\dir ""q""";', ['c:\\dir "q"']],
      ['x = $"x{a}y{{z}}";', ["x{}y{z}"]],
      ['x = $@"x{a}""q""";', ['x{}"q"']],
      ['x = @$"{a}\\n";', ["{}\\n"]],
      ['x = $"{(b ? "p" : "q")} end";', ["{} end"]],
      ['x = """He said "hi" """;', ['He said "hi" ']],
      ['x = """\n    a\n      b\n    """;', ["a\n  b"]],
      ['x = $$"""{x}{{y}}""";', ["{x}{}"]],
      ['x = $$"""\n  {{{y}}}\n  """;', ["{{}}"]],
      ["c = '\"'; d = '\\''; s = \"s\";", ["s"]],
      ['// "line comment"\n/* "block" */ s = "t";', ["t"]],
      ['#region "not a string"\ns = "u";', ["u"]],
      ['s = "\\u0041\\x42";', ["AB"]],
      ['s = "bytes"u8;', ["bytes"]],
    ]);
  });

  it("places a raw string's lines in the source", () => {
    const [token] = lexCSharp('x = """\n    SELECT\n      1\n    """;').filter((t) => t.kind === "string");
    assert.ok(token?.value);
    assert.deepEqual(token.value.positionAt(0), { line: 2, column: 5 });
    assert.deepEqual(token.value.positionAt(9), { line: 3, column: 7 });
  });
});

describe("Java lexer", () => {
  it("decodes strings and text blocks", () => {
    check(lexJava, [
      ['s = "end"', ["end"]],
      ['s = "a\\"b\\\\";', ['a"b\\']],
      ['s = """\n  one \\\n  two\\s\n  """;', ["one two \n"]],
      ['s = """\n    a\n      b""";', ["a\n  b"]],
      ['s = """\n  x  \n  """;', ["x\n"]],
      ["c = '\"'; s = \"\\101\";", ["A"]],
      ['/* "no" */ s = "yes"; // "no"', ["yes"]],
    ]);
  });
});

describe("Python lexer", () => {
  it("decodes every prefix and quote", () => {
    check(lexPython, [
      ["s = r\"\\d+'\"", ["\\d+'"]],
      ["s = b'\\x41'", ["A"]],
      ["s = Rb'\\n'", ["\\n"]],
      ['s = u"\\u00e9"', ["é"]],
      ["s = '''a'b'''", ["a'b"]],
      ['s = """x"""  # "comment"', ["x"]],
      ['s = f"{x!r:>{w}} {{lit}}"', ["{} {lit}"]],
      ["s = f'{d[\"k\"]}!'", ["{}!"]],
      ['s = "a" "b"', ["a", "b"]],
      ['s = "\\N{DASH}"', ["\\N{DASH}"]],
    ]);
  });

  it("ends logical lines outside brackets only", () => {
    const kinds = lexPython('a = ("x"\n     "y")\nb = 1\n').map((t) => t.kind);
    assert.deepEqual(kinds, ["word", "punct", "punct", "string", "string", "punct", "newline", "word", "punct", "other", "newline"]);
  });
});

describe("JavaScript lexer", () => {
  const js = (text: string) => lexJavaScript(text, true);
  const ts = (text: string) => lexJavaScript(text, false);

  it("decodes strings and nested templates", () => {
    check(js, [
      ["s = 'it\\'s'", ["it's"]],
      ['s = `a${`b${"c"}`}d`', ["a{}d"]],
      ["s = `x${ {a: '}'}.a }y`", ["x{}y"]],
      ['s = "\\u{1F600}"', ["😀"]],
      ['s = "a\\\nb"', ["ab"]],
      ["s = `SELECT ${a}`", ["SELECT {}"]],
    ]);
  });

  it("tells regular expressions from division", () => {
    check(js, [
      ['/"/.test(s); t = "x"', ["x"]],
      ['if (/[/"]/.test(s)) t = "y"', ["y"]],
      ['n = a / b / "c".length', ["c"]],
      ['return /it\'s/g; t = "z"', ["z"]],
    ]);
  });

  it("skips JSX text but not JSX expressions' syntax", () => {
    check(js, [
      ["x = <p>Don't \"stop\"</p>; t = \"y\"", ["y"]],
      ['x = <A b="c" d={`e`}>{f("g")}<br/></A>; t = "h"', ["h"]],
      ["x = <>it's</>; t = 'i'", ["i"]],
    ]);
  });

  it("reads TypeScript generics as code", () => {
    check(ts, [
      ['const f = <T,>(x: T) => "z";', ["z"]],
      ['let a = <string>b; t = "y"', ["y"]],
    ]);
  });
});
