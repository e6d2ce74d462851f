/**
 * The constraints part: primary keys, unique constraints, foreign keys,
 * check constraints and default constraints of user tables. Untrusted and
 * disabled constraints are shown as such: a migration that re-creates
 * them trusted can fail on rows that break them.
 */

import { defineQuery } from "../catalog-query.js";
import type { InventoryItem } from "../collected.js";
import type { Row } from "../reader.js";
import type { InventoryPart, PartResult } from "./part.js";
import { countOf } from "./row-numbers.js";
import { flagOf, requiredTextOf, textOf } from "./row-values.js";

const KEY_CONSTRAINTS = defineQuery({
  id: "inventory.key-constraints",
  scope: "database",
  sql: `
SELECT
    s.name AS schema_name,
    t.name AS table_name,
    k.name AS constraint_name,
    RTRIM(k.type) AS constraint_type,
    k.is_system_named,
    i.type_desc AS index_type_desc,
    (SELECT COUNT(*)
     FROM sys.index_columns AS ic
     WHERE ic.object_id = k.parent_object_id
       AND ic.index_id = k.unique_index_id
       AND ic.is_included_column = 0) AS column_count
FROM sys.key_constraints AS k
JOIN sys.tables AS t
    ON t.object_id = k.parent_object_id
JOIN sys.schemas AS s
    ON s.schema_id = t.schema_id
JOIN sys.indexes AS i
    ON i.object_id = k.parent_object_id
    AND i.index_id = k.unique_index_id
WHERE t.is_ms_shipped = 0
ORDER BY s.name, t.name, k.name;`,
  reads: ["sys.key_constraints", "sys.tables", "sys.schemas", "sys.indexes", "sys.index_columns"],
  permission: "VIEW DEFINITION",
});

const FOREIGN_KEYS = defineQuery({
  id: "inventory.foreign-keys",
  scope: "database",
  sql: `
SELECT
    s.name AS schema_name,
    t.name AS table_name,
    fk.name AS constraint_name,
    fk.is_system_named,
    rs.name AS referenced_schema_name,
    ro.name AS referenced_table_name,
    fk.delete_referential_action_desc,
    fk.update_referential_action_desc,
    fk.is_disabled,
    fk.is_not_trusted,
    fk.is_not_for_replication,
    (SELECT COUNT(*)
     FROM sys.foreign_key_columns AS fkc
     WHERE fkc.constraint_object_id = fk.object_id) AS column_count
FROM sys.foreign_keys AS fk
JOIN sys.tables AS t
    ON t.object_id = fk.parent_object_id
JOIN sys.schemas AS s
    ON s.schema_id = t.schema_id
JOIN sys.objects AS ro
    ON ro.object_id = fk.referenced_object_id
JOIN sys.schemas AS rs
    ON rs.schema_id = ro.schema_id
WHERE t.is_ms_shipped = 0
ORDER BY s.name, t.name, fk.name;`,
  reads: [
    "sys.foreign_keys",
    "sys.tables",
    "sys.schemas",
    "sys.objects",
    "sys.foreign_key_columns",
  ],
  permission: "VIEW DEFINITION",
});

// parent_column_id is 0 for a table-level check constraint, which then
// matches no column.
const CHECK_CONSTRAINTS = defineQuery({
  id: "inventory.check-constraints",
  scope: "database",
  sql: `
SELECT
    s.name AS schema_name,
    t.name AS table_name,
    cc.name AS constraint_name,
    cc.is_system_named,
    c.name AS column_name,
    cc.definition,
    cc.is_disabled,
    cc.is_not_trusted,
    cc.is_not_for_replication
FROM sys.check_constraints AS cc
JOIN sys.tables AS t
    ON t.object_id = cc.parent_object_id
JOIN sys.schemas AS s
    ON s.schema_id = t.schema_id
LEFT JOIN sys.columns AS c
    ON c.object_id = cc.parent_object_id
    AND c.column_id = cc.parent_column_id
WHERE t.is_ms_shipped = 0
ORDER BY s.name, t.name, cc.name;`,
  reads: ["sys.check_constraints", "sys.tables", "sys.schemas", "sys.columns"],
  permission: "VIEW DEFINITION",
});

const DEFAULT_CONSTRAINTS = defineQuery({
  id: "inventory.default-constraints",
  scope: "database",
  sql: `
SELECT
    s.name AS schema_name,
    t.name AS table_name,
    dc.name AS constraint_name,
    dc.is_system_named,
    c.name AS column_name,
    dc.definition
FROM sys.default_constraints AS dc
JOIN sys.tables AS t
    ON t.object_id = dc.parent_object_id
JOIN sys.schemas AS s
    ON s.schema_id = t.schema_id
JOIN sys.columns AS c
    ON c.object_id = dc.parent_object_id
    AND c.column_id = dc.parent_column_id
WHERE t.is_ms_shipped = 0
ORDER BY s.name, t.name, dc.name;`,
  reads: ["sys.default_constraints", "sys.tables", "sys.schemas", "sys.columns"],
  permission: "VIEW DEFINITION",
});

export const constraintsPart: InventoryPart = {
  name: "constraints",
  title: "Constraints: keys, foreign keys, checks and defaults",
  scope: "database",
  queries: [KEY_CONSTRAINTS, FOREIGN_KEYS, CHECK_CONSTRAINTS, DEFAULT_CONSTRAINTS],

  async collect(reader): Promise<PartResult> {
    const database = reader.database;
    const items: InventoryItem[] = [];

    for (const row of await reader.all(KEY_CONSTRAINTS)) {
      items.push({
        ...common(database, row, keyConstraintType(row)),
        // CLUSTERED, NONCLUSTERED or NONCLUSTERED HASH.
        indexType: textOf(row, "index_type_desc"),
        columns: countOf(row, "column_count"),
      });
    }

    for (const row of await reader.all(FOREIGN_KEYS)) {
      const referencedSchema = requiredTextOf(row, "referenced_schema_name");
      items.push({
        ...common(database, row, "FOREIGN KEY"),
        columns: countOf(row, "column_count"),
        referencedSchema,
        referencedTable: requiredTextOf(row, "referenced_table_name"),
        isCrossSchema: referencedSchema !== requiredTextOf(row, "schema_name"),
        onDelete: textOf(row, "delete_referential_action_desc"),
        onUpdate: textOf(row, "update_referential_action_desc"),
        ...enforcement(row),
      });
    }

    for (const row of await reader.all(CHECK_CONSTRAINTS)) {
      items.push({
        ...common(database, row, "CHECK"),
        // NULL for a table-level constraint.
        column: textOf(row, "column_name"),
        definition: textOf(row, "definition"),
        ...enforcement(row),
      });
    }

    for (const row of await reader.all(DEFAULT_CONSTRAINTS)) {
      items.push({
        ...common(database, row, "DEFAULT"),
        column: textOf(row, "column_name"),
        definition: textOf(row, "definition"),
      });
    }

    return { items };
  },
};

function common(database: string, row: Row, type: string): Record<string, unknown> {
  return {
    database,
    type,
    schema: requiredTextOf(row, "schema_name"),
    table: requiredTextOf(row, "table_name"),
    name: requiredTextOf(row, "constraint_name"),
    // Named by SQL Server, e.g. PK__Outbound__7944C810A1B2C3D4: the name
    // differs on every server the table is created on.
    isSystemNamed: flagOf(row, "is_system_named"),
  };
}

function keyConstraintType(row: Row): string {
  return requiredTextOf(row, "constraint_type") === "PK" ? "PRIMARY KEY" : "UNIQUE";
}

function enforcement(row: Row): Record<string, unknown> {
  return {
    isDisabled: flagOf(row, "is_disabled"),
    // Created or re-enabled WITH NOCHECK: existing rows were not checked.
    isNotTrusted: flagOf(row, "is_not_trusted"),
    isNotForReplication: flagOf(row, "is_not_for_replication"),
  };
}
