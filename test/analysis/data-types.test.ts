import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { found, statusOf, target } from "./detector-cases.js";

const FAMILIES = ["datatype", "syntax.timestamp_synonym"];

const CASES: readonly { name: string; sql: string; expected: readonly string[] }[] = [
  {
    name: "typed XML in a column gives the schema collection id",
    sql: "CREATE TABLE t (id int, x xml(CONTENT dbo.S))",
    expected: ["datatype.xml.schema_collection 1:27"],
  },
  {
    name: "untyped XML and XML(DOCUMENT ...)",
    sql: "DECLARE @a xml, @b xml(DOCUMENT s.c)",
    expected: ["datatype.xml 1:12", "datatype.xml.schema_collection 1:20"],
  },
  {
    name: "spatial, hierarchy and variant types",
    sql: "CREATE TABLE t (g geography, h geometry, p hierarchyid, v sql_variant)",
    expected: ["datatype.geography 1:19", "datatype.geometry 1:32", "datatype.hierarchyid 1:44", "datatype.sql_variant 1:59"],
  },
  {
    name: "TIMESTAMP is a row version and the deprecated name",
    sql: "CREATE TABLE t (a timestamp, b ROWVERSION)",
    expected: ["datatype.rowversion 1:19", "syntax.timestamp_synonym 1:19", "datatype.rowversion 1:32"],
  },
  {
    name: "a column named timestamp without a type",
    sql: "CREATE TABLE t (id int, timestamp)",
    expected: ["datatype.rowversion 1:25", "syntax.timestamp_synonym 1:25"],
  },
  {
    name: "legacy large types, money and date types",
    sql: "DECLARE @a text, @b ntext, @c image, @d money, @e smallmoney, @f datetimeoffset(3), @g smalldatetime",
    expected: [
      "datatype.text 1:12", "datatype.ntext 1:21", "datatype.image 1:31", "datatype.money 1:41",
      "datatype.money 1:51", "datatype.datetimeoffset 1:66", "datatype.datetime 1:88",
    ],
  },
  {
    name: "MAX types, and a sized varchar that is not one",
    sql: "DECLARE @a varchar(max), @b NVARCHAR(MAX), @c varbinary(MAX), @d varchar(10)",
    expected: ["datatype.nvarchar_max 1:12", "datatype.nvarchar_max 1:29", "datatype.nvarchar_max 1:47"],
  },
  {
    name: "CAST, TRY_CAST and CONVERT targets inside CASE and a subquery",
    sql: "SELECT CASE WHEN 1 = 1 THEN CAST(1 AS sql_variant) END,\n  (SELECT CONVERT(money, 1)), TRY_CAST('/' AS hierarchyid)",
    expected: ["datatype.sql_variant 1:39", "datatype.money 2:19", "datatype.hierarchyid 2:47"],
  },
  {
    name: "parameters and the result type of a function",
    sql: "CREATE FUNCTION f (@g geography) RETURNS sql_variant AS BEGIN RETURN NULL END",
    expected: ["datatype.geography 1:23", "datatype.sql_variant 1:42"],
  },
  {
    name: "user-defined types created in the unit, and their uses",
    sql: [
      "CREATE TYPE dbo.Phone FROM varchar(20) NOT NULL",
      "CREATE TYPE Rows AS TABLE (id int)",
      "CREATE TYPE Pt EXTERNAL NAME asm.[Ns.Point]",
      "GO",
      "CREATE PROCEDURE p @r Rows READONLY, @p phone, @q dbo.Pt AS SELECT 1",
    ].join("\n"),
    expected: [
      "datatype.user_defined.alias 1:1", "datatype.user_defined.table 2:1", "datatype.user_defined.clr 3:1",
      "datatype.user_defined.table 5:23", "datatype.user_defined.alias 5:41", "datatype.user_defined.clr 5:51",
    ],
  },
  {
    name: "a READONLY parameter of a type defined elsewhere is a table type",
    sql: "CREATE PROCEDURE p @r dbo.OrderLines READONLY AS SELECT 1",
    expected: ["datatype.user_defined.table 1:23"],
  },
  {
    name: "an unknown schema-qualified type is not guessed",
    sql: "DECLARE @a dbo.Whatever",
    expected: [],
  },
  {
    name: "types in dynamic SQL keep outer positions",
    sql: "EXEC ('DECLARE @g geography')",
    expected: ["datatype.geography 1:19"],
  },
  {
    name: "SQL Server 2025 vector and json",
    sql: "CREATE TABLE t (e vector(3), j json)",
    expected: ["datatype.vector 1:19", "datatype.json 1:32"],
  },
  {
    name: "basic types are not reported",
    sql: "DECLARE @a int, @b nvarchar(40), @c datetime2, @d decimal(10, 2), @e date",
    expected: [],
  },
];

describe("data types detector", () => {
  for (const c of CASES) {
    it(c.name, () => {
      assert.deepEqual(found(c.sql, FAMILIES), c.expected);
    });
  }

  it("classifies typed XML as not supported on Babelfish and PostgreSQL", () => {
    const sql = "DECLARE @x xml(CONTENT dbo.S)";
    assert.equal(statusOf(sql, "datatype.xml.schema_collection", target("babelfish@5.5")), "notSupported");
    assert.equal(statusOf(sql, "datatype.xml.schema_collection", target("postgresql@17")), "notSupported");
  });

  it("classifies GEOGRAPHY by Babelfish version", () => {
    const sql = "DECLARE @g geography";
    assert.equal(statusOf(sql, "datatype.geography", target("babelfish@3.2")), "notSupported");
    assert.equal(statusOf(sql, "datatype.geography", target("babelfish@3.3")), "reviewSemantics");
  });
});
