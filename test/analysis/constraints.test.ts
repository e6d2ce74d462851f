import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { found, statusOf, target } from "./detector-cases.js";

const FAMILIES = ["ddl.constraint", "ddl.table.graph_edge", "ddl.table.nocheck_constraint"];

const CASES: readonly { name: string; sql: string; expected: readonly string[] }[] = [
  {
    name: "column constraints of every kind",
    sql: [
      "CREATE TABLE t (",
      "  id int CONSTRAINT pk PRIMARY KEY,",
      "  code char(3) UNIQUE,",
      "  qty int CHECK (qty > 0) DEFAULT 0,",
      "  ref int REFERENCES dbo.o (id) ON DELETE CASCADE ON UPDATE CASCADE)",
    ].join("\n"),
    expected: [
      "ddl.constraint.primary_key 2:10", "ddl.constraint.unique 3:16", "ddl.constraint.check 4:11",
      "ddl.constraint.default 4:27", "ddl.constraint.foreign_key 5:11", "ddl.constraint.cascade 5:36",
      "ddl.constraint.cascade 5:54",
    ],
  },
  {
    name: "table constraints, a named default and NOT FOR REPLICATION",
    sql: [
      "CREATE TABLE t (a int CONSTRAINT df_a DEFAULT (1), b int,",
      "  CONSTRAINT fk FOREIGN KEY (b) REFERENCES o (id) NOT FOR REPLICATION,",
      "  CONSTRAINT ck CHECK NOT FOR REPLICATION (a < b))",
    ].join("\n"),
    expected: [
      "ddl.constraint.default_named 1:23", "ddl.constraint.foreign_key 2:3",
      "ddl.constraint.not_for_replication 2:51", "ddl.constraint.check 3:3",
      "ddl.constraint.not_for_replication 3:23",
    ],
  },
  {
    name: "a foreign key to another database",
    sql: "CREATE TABLE t (b int REFERENCES other.dbo.o (id))",
    expected: ["ddl.constraint.foreign_key 1:23", "ddl.constraint.foreign_key_cross_database 1:34"],
  },
  {
    name: "ALTER TABLE ADD with NOCHECK and DEFAULT ... FOR",
    sql: "ALTER TABLE t WITH NOCHECK ADD CONSTRAINT ck CHECK (a > 0)\nALTER TABLE t ADD CONSTRAINT df DEFAULT 0 FOR a",
    expected: ["ddl.table.nocheck_constraint 1:20", "ddl.constraint.check 1:32", "ddl.constraint.default_named 2:19"],
  },
  {
    name: "ON DELETE SET NULL is not a cascade",
    sql: "CREATE TABLE t (b int REFERENCES o (id) ON DELETE SET NULL)",
    expected: ["ddl.constraint.foreign_key 1:23"],
  },
  {
    name: "the CONNECTION constraint of an edge table",
    sql: "CREATE TABLE likes (CONSTRAINT ec CONNECTION (person TO product)) AS EDGE",
    expected: ["ddl.table.graph_edge 1:21", "ddl.table.graph_edge 1:70"],
  },
];

describe("constraints detector", () => {
  for (const c of CASES) {
    it(c.name, () => {
      assert.deepEqual(found(c.sql, FAMILIES), c.expected);
    });
  }

  it("classifies UNIQUE as a semantic difference on PostgreSQL only", () => {
    const sql = "CREATE TABLE t (a int UNIQUE)";
    assert.equal(statusOf(sql, "ddl.constraint.unique", target("babelfish@5.5")), "supported");
    assert.equal(statusOf(sql, "ddl.constraint.unique", target("postgresql@16")), "reviewSemantics");
  });
});
