import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { compileGlob } from "../../../src/sources/scripts/glob.js";

function matches(pattern: string, path: string): boolean {
  const compiled = compileGlob(pattern);
  assert.ok(compiled.ok, `pattern '${pattern}' should compile`);
  return compiled.matcher.matches(path);
}

describe("compileGlob", () => {
  const cases: [pattern: string, path: string, expected: boolean][] = [
    ["*.sql", "a.sql", true],
    ["*.sql", "deep/down/a.sql", true],
    ["*.sql", "a.sql.bak", false],
    ["*.SQL", "a.sql", true],
    ["procs/*.sql", "procs/a.sql", true],
    ["procs/*.sql", "procs/x/a.sql", false],
    ["procs/*.sql", "other/procs/a.sql", false],
    ["procs/**/*.sql", "procs/a.sql", true],
    ["procs/**/*.sql", "procs/x/y/a.sql", true],
    ["**/archive/**", "a/archive/b/c.sql", true],
    ["**/archive/**", "archive/c.sql", true],
    ["archive/**", "archive", false],
    ["archive/**", "archive/x.sql", true],
    ["./archive/*", "archive/x.sql", true],
    ["archive\\*", "archive/x.sql", true],
    ["?.sql", "a.sql", true],
    ["?.sql", "ab.sql", false],
    ["[ab].sql", "b.sql", true],
    ["[!ab].sql", "b.sql", false],
    ["[!ab].sql", "c.sql", true],
    ["[a-c]x.sql", "bx.sql", true],
    ["*.{prc,udf}", "x.udf", true],
    ["*.{prc,udf}", "x.sql", false],
    ["a+b(1).sql", "a+b(1).sql", true],
    ["a.sql", "axsql", false],
  ];
  for (const [pattern, path, expected] of cases) {
    it(`'${pattern}' ${expected ? "matches" : "does not match"} '${path}'`, () => {
      assert.equal(matches(pattern, path), expected);
    });
  }

  const invalid: [pattern: string, fragment: string][] = [
    ["", "empty"],
    ["[abc", "closing ']'"],
    ["{a,b", "closing '}'"],
  ];
  for (const [pattern, fragment] of invalid) {
    it(`rejects '${pattern}' with a message quoting it`, () => {
      const compiled = compileGlob(pattern);
      assert.equal(compiled.ok, false);
      assert.ok(!compiled.ok && compiled.error.includes(`'${pattern}'`));
      assert.ok(!compiled.ok && compiled.error.includes(fragment), !compiled.ok ? compiled.error : "");
    });
  }
});
