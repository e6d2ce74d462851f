import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { found, statusOf, target } from "./detector-cases.js";

const FAMILIES = ["reference.identifier_over_63", "syntax.bracket_or_at_in_name"];

const LONG = "a_table_name_that_is_clearly_longer_than_sixty_three_characters_x";
const SIXTY_THREE = "c".repeat(63);

const CASES: readonly { name: string; sql: string; expected: readonly string[] }[] = [
  {
    name: "a long table name where it is created and where it is used",
    sql: `CREATE TABLE ${LONG} (id int)\nSELECT id FROM dbo.${LONG}`,
    expected: ["reference.identifier_over_63 1:14", "reference.identifier_over_63 2:20"],
  },
  {
    name: "63 characters is the limit, not over it",
    sql: `CREATE TABLE t (${SIXTY_THREE} int)`,
    expected: [],
  },
  {
    name: "the limit counts bytes: 32 two-byte letters are 64 bytes",
    sql: `CREATE TABLE t ([${"é".repeat(32)}] int)`,
    expected: ["reference.identifier_over_63 1:17"],
  },
  {
    name: "long variable names are not object names",
    sql: `DECLARE @${LONG} int`,
    expected: [],
  },
  {
    name: "names with @ or an escaped bracket",
    sql: "SELECT [col@x], [a]]b] FROM t",
    expected: ["syntax.bracket_or_at_in_name 1:8", "syntax.bracket_or_at_in_name 1:17"],
  },
  {
    name: "a long column name inside CASE in a procedure",
    sql: `CREATE PROCEDURE p AS\nSELECT CASE WHEN ${LONG} = 1 THEN 0 END FROM t`,
    expected: ["reference.identifier_over_63 2:18"],
  },
];

describe("identifiers detector", () => {
  for (const c of CASES) {
    it(c.name, () => {
      assert.deepEqual(found(c.sql, FAMILIES), c.expected);
    });
  }

  it("classifies a long identifier by target", () => {
    const sql = `CREATE TABLE ${LONG} (id int)`;
    assert.equal(statusOf(sql, "reference.identifier_over_63", target("babelfish@5.5")), "reviewSemantics");
    assert.equal(statusOf(sql, "reference.identifier_over_63", target("postgresql@17")), "notSupported");
  });
});
