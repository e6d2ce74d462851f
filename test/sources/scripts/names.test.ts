import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";

import { locateUnit, sourcePrefix, STDIN_NAME, unitName } from "../../../src/sources/scripts/names.js";

describe("unitName", () => {
  const cases: [given: string, relative: string, count: number, expected: string][] = [
    ["db", "procs/a.sql", 1, "procs/a.sql"],
    ["./db/", "a.sql", 1, "a.sql"],
    ["db/a.sql", "", 1, "a.sql"],
    ["db", "a.sql", 2, "db/a.sql"],
    ["./db/", "a.sql", 2, "db/a.sql"],
    ["db\\sub", "a.sql", 2, "db/sub/a.sql"],
    ["other/b.sql", "", 2, "other/b.sql"],
    [".", "a.sql", 2, "a.sql"],
    ["-", "", 1, STDIN_NAME],
    ["-", "", 3, STDIN_NAME],
  ];
  for (const [given, relative, count, expected] of cases) {
    it(`names '${relative}' under '${given}' of ${count} source(s) '${expected}'`, () => {
      assert.equal(unitName(given, relative, count), expected);
    });
  }

  it("normalises prefixes", () => {
    assert.equal(sourcePrefix("././x//"), "x");
    assert.equal(sourcePrefix("./"), ".");
    assert.equal(sourcePrefix("C:\\sql\\"), "C:/sql");
  });
});

describe("locateUnit", () => {
  it("finds files under a single folder", () => {
    const path = locateUnit("procs/a.sql", [{ given: "db", folder: true }]);
    assert.equal(path, join("db", "procs", "a.sql"));
  });

  it("finds a single file by its own path", () => {
    assert.equal(locateUnit("a.sql", [{ given: "x/a.sql", folder: false }]), "x/a.sql");
  });

  it("finds files of several sources by their prefix", () => {
    const sources = [
      { given: "./one", folder: true },
      { given: "two/b.sql", folder: false },
    ];
    assert.equal(locateUnit("one/p/a.sql", sources), join("./one", "p", "a.sql"));
    assert.equal(locateUnit("two/b.sql", sources), "two/b.sql");
    assert.equal(locateUnit("three/c.sql", sources), undefined);
  });

  it("cannot locate standard input", () => {
    assert.equal(locateUnit(STDIN_NAME, [{ given: "-", folder: false }]), undefined);
  });
});
