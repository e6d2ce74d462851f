/**
 * Readiness from scripts: the items that the findings inside CREATE TABLE
 * statements give, and the key rule left out when a key was added by a
 * statement whose finding names no table.
 */

import assert from "node:assert/strict";
import { test } from "node:test";

import type { AssessedObject, Finding } from "../../../src/assessment/model.js";
import { assessScriptReadiness } from "../../../src/assessment/readiness/from-scripts.js";

function table(name: string): AssessedObject {
  return { name, type: "table", file: "tables.sql", line: 1, lines: 5 } as AssessedObject;
}

function finding(featureId: string, object: string, message: string): Finding {
  return { featureId, object, message, status: "supported", file: "tables.sql", line: 1, column: 1 } as Finding;
}

const OBJECTS = [table("dbo.Heap"), table("dbo.Orders"), table("sales.Site")];

const FINDINGS = [
  finding("datatype.sql_variant", "dbo.Heap", "data type sql_variant"),
  finding("datatype.money", "dbo.Heap", "data type smallmoney"),
  finding("ddl.constraint.primary_key", "dbo.Orders", "CONSTRAINT PK_Orders PRIMARY KEY"),
  finding("ddl.column.identity", "dbo.Orders", "column OrderId IDENTITY(1,1)"),
  finding("ddl.column.computed_persisted", "dbo.Orders", "computed column Total ... PERSISTED"),
  finding("ddl.constraint.unique", "sales.Site", "UNIQUE"),
  finding("datatype.hierarchyid", "sales.Site", "data type hierarchyid"),
  finding("datatype.geography", "sales.Site", "data type geography"),
  // Outside any table: not a column.
  finding("datatype.sql_variant", "dbo.usp_Load", "data type sql_variant"),
];

test("script readiness items", () => {
  const readiness = assessScriptReadiness(OBJECTS, FINDINGS, { target: "postgresql@17" });

  assert.ok(readiness);
  assert.equal(readiness.source, "scripts");
  assert.deepEqual(
    readiness.items.map((i) => `${i.severity} ${i.id}`),
    [
      "blocker readiness.column.sql-variant:dbo.Heap",
      "blocker readiness.table.no-key:dbo.Heap",
      "warning readiness.table.computed:dbo.Orders",
      "warning readiness.column.clr-type:sales.Site",
      "warning readiness.table.no-key:sales.Site",
      "info readiness.table.converted-types:dbo.Heap",
      "info readiness.table.identity:dbo.Orders",
    ],
  );
  assert.ok(readiness.items.every((i) => i.database === null));
  assert.deepEqual(readiness.missingParts, ["databases", "backup-history", "tde", "table sizes"]);
});

test("script readiness merges column evidence", () => {
  const readiness = assessScriptReadiness(OBJECTS, FINDINGS, { target: "babelfish@5.5" });
  const clr = readiness?.items.find((i) => i.id === "readiness.column.clr-type:sales.Site");

  assert.equal(clr?.evidence, "column of type hierarchyid; column of type geography");
  assert.equal(clr?.objectType, "table");
});

test("script readiness names the identity column", () => {
  const readiness = assessScriptReadiness(OBJECTS, FINDINGS, { target: "postgresql@17" });
  const identity = readiness?.items.find((i) => i.rule === "readiness.table.identity");

  assert.match(identity?.action ?? "", /pg_get_serial_sequence\('"dbo"\."Orders"', 'OrderId'\)/);
});

test("script readiness without placed keys", () => {
  const alter = finding("ddl.constraint.primary_key", "", "CONSTRAINT PK_Heap PRIMARY KEY");

  const readiness = assessScriptReadiness(OBJECTS, [...FINDINGS, alter], { target: "postgresql@17" });

  assert.ok(readiness);
  assert.equal(readiness.items.some((i) => i.rule === "readiness.table.no-key"), false);
  assert.deepEqual(readiness.missingParts, ["databases", "backup-history", "tde", "table sizes", "table keys"]);
});

test("script readiness needs a table", () => {
  const readiness = assessScriptReadiness([], FINDINGS, { target: "postgresql@17" });

  assert.equal(readiness, undefined);
});

test("script readiness leaves temporary tables out", () => {
  const objects = [table("dbo.#work"), table("##shared")];
  const findings = [finding("datatype.sql_variant", "dbo.#work", "data type sql_variant")];

  assert.equal(assessScriptReadiness(objects, findings, { target: "babelfish" }), undefined);
});
