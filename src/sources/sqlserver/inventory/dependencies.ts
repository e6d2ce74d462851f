/**
 * The dependencies part: what the dependency graph needs from the catalog.
 * Four kinds of item, distinguished by `source`:
 * - `object`: every user table, view, procedure, function, trigger,
 *   sequence, synonym and user-defined type, so that objects nothing
 *   references still become nodes of the graph;
 * - `expression`: one row of sys.sql_expression_dependencies, a by-name
 *   reference in a module, computed column, check or default constraint;
 * - `synonym`: a synonym's base object, split into its name parts;
 * - `trigger`: the table or view a DML trigger is defined on.
 * Foreign keys come from the constraints part.
 */

import { defineQuery } from "../catalog-query.js";
import type { InventoryItem } from "../collected.js";
import type { Row } from "../reader.js";
import type { InventoryPart, PartResult } from "./part.js";
import { flagOf, requiredTextOf, textOf } from "./row-values.js";
import { splitMultipartName } from "./multipart-name.js";

// Table types are listed from sys.types, not by their TT rows in
// sys.objects, whose names are generated ("sys.objects", Microsoft Learn,
// SQL Server 2022: type TT).
const DEPENDENCY_OBJECTS = defineQuery({
  id: "inventory.dependency-objects",
  scope: "database",
  sql: `
SELECT
    s.name AS schema_name,
    o.name AS object_name,
    RTRIM(o.type) AS type
FROM sys.objects AS o
JOIN sys.schemas AS s
    ON s.schema_id = o.schema_id
WHERE o.is_ms_shipped = 0
  AND o.type IN ('U', 'V', 'P', 'PC', 'FN', 'IF', 'TF', 'FS', 'FT', 'TR', 'TA', 'SO', 'SN')
UNION ALL
SELECT
    s.name,
    t.name,
    'TY'
FROM sys.types AS t
JOIN sys.schemas AS s
    ON s.schema_id = t.schema_id
WHERE t.is_user_defined = 1
ORDER BY schema_name, object_name;`,
  reads: ["sys.objects", "sys.schemas", "sys.types"],
  permission: "VIEW DEFINITION",
});

// Columns after "sys.sql_expression_dependencies (Transact-SQL)",
// Microsoft Learn (SQL Server 2008 to 2022): referencing_class 1 is an
// object or column, 12 a database DDL trigger; referenced_class 1 is an
// object or column, 6 a type, 10 an XML schema collection, 21 a partition
// function. referenced_id is NULL for cross-database and cross-server
// references and for names that did not resolve when the module was
// created, so the referenced object's schema is joined only when known.
// ORDER BY repeats the expressions, because two of the output names are
// also columns of sys.sql_expression_dependencies.
const EXPRESSION_DEPENDENCIES = defineQuery({
  id: "inventory.expression-dependencies",
  scope: "database",
  sql: `
SELECT
    rs.name AS referencing_schema_name,
    COALESCE(o.name, tr.name) AS referencing_entity_name,
    COALESCE(RTRIM(o.type), 'TR') AS referencing_type,
    d.referencing_class,
    d.referenced_class,
    d.referenced_server_name,
    d.referenced_database_name,
    COALESCE(d.referenced_schema_name, ds.name) AS referenced_schema_name,
    d.referenced_entity_name,
    RTRIM(ro.type) AS referenced_type,
    d.is_ambiguous,
    d.is_caller_dependent,
    d.is_schema_bound_reference
FROM sys.sql_expression_dependencies AS d
LEFT JOIN sys.objects AS o
    ON d.referencing_class = 1
    AND o.object_id = d.referencing_id
LEFT JOIN sys.schemas AS rs
    ON rs.schema_id = o.schema_id
LEFT JOIN sys.triggers AS tr
    ON d.referencing_class = 12
    AND tr.object_id = d.referencing_id
LEFT JOIN sys.objects AS ro
    ON d.referenced_class = 1
    AND ro.object_id = d.referenced_id
LEFT JOIN sys.schemas AS ds
    ON ds.schema_id = ro.schema_id
WHERE (o.object_id IS NOT NULL AND o.is_ms_shipped = 0)
   OR (tr.object_id IS NOT NULL AND tr.is_ms_shipped = 0)
ORDER BY rs.name, COALESCE(o.name, tr.name), d.referenced_database_name,
    COALESCE(d.referenced_schema_name, ds.name), d.referenced_entity_name;`,
  reads: ["sys.sql_expression_dependencies", "sys.objects", "sys.schemas", "sys.triggers"],
  permission: "VIEW DEFINITION",
});

// base_object_name is the name as CREATE SYNONYM was given it, bracketed,
// with one to four parts ("sys.synonyms", Microsoft Learn, SQL Server 2022).
const SYNONYM_TARGETS = defineQuery({
  id: "inventory.synonym-targets",
  scope: "database",
  sql: `
SELECT
    s.name AS schema_name,
    sn.name AS synonym_name,
    sn.base_object_name
FROM sys.synonyms AS sn
JOIN sys.schemas AS s
    ON s.schema_id = sn.schema_id
ORDER BY s.name, sn.name;`,
  reads: ["sys.synonyms", "sys.schemas"],
  permission: "VIEW DEFINITION",
});

// parent_class 1 is a table or view; 0 is the database, whose DDL
// triggers have no parent object ("sys.triggers", Microsoft Learn).
const TRIGGER_PARENTS = defineQuery({
  id: "inventory.trigger-parents",
  scope: "database",
  sql: `
SELECT
    ts.name AS schema_name,
    tr.name AS trigger_name,
    ps.name AS parent_schema_name,
    p.name AS parent_name,
    RTRIM(p.type) AS parent_type
FROM sys.triggers AS tr
JOIN sys.objects AS t
    ON t.object_id = tr.object_id
JOIN sys.schemas AS ts
    ON ts.schema_id = t.schema_id
JOIN sys.objects AS p
    ON p.object_id = tr.parent_id
JOIN sys.schemas AS ps
    ON ps.schema_id = p.schema_id
WHERE tr.parent_class = 1
  AND tr.is_ms_shipped = 0
ORDER BY ts.name, tr.name;`,
  reads: ["sys.triggers", "sys.objects", "sys.schemas"],
  permission: "VIEW DEFINITION",
});

export const dependenciesPart: InventoryPart = {
  name: "dependencies",
  title: "Object dependencies: references, synonyms and trigger tables",
  scope: "database",
  queries: [DEPENDENCY_OBJECTS, EXPRESSION_DEPENDENCIES, SYNONYM_TARGETS, TRIGGER_PARENTS],

  async collect(reader): Promise<PartResult> {
    const database = reader.database;
    const items: InventoryItem[] = [];

    for (const row of await reader.all(DEPENDENCY_OBJECTS)) {
      items.push({
        database,
        source: "object",
        schema: requiredTextOf(row, "schema_name"),
        name: requiredTextOf(row, "object_name"),
        // sys.objects type, or TY for a user-defined type.
        type: requiredTextOf(row, "type"),
      });
    }

    for (const row of await reader.all(EXPRESSION_DEPENDENCIES)) {
      items.push(expressionItem(database, row));
    }

    for (const row of await reader.all(SYNONYM_TARGETS)) {
      const base = requiredTextOf(row, "base_object_name");
      const parts = splitMultipartName(base);
      items.push({
        database,
        source: "synonym",
        schema: requiredTextOf(row, "schema_name"),
        name: requiredTextOf(row, "synonym_name"),
        baseObjectName: base,
        referencedServer: parts?.server ?? null,
        referencedDatabase: parts?.database ?? null,
        referencedSchema: parts?.schema ?? null,
        referencedName: parts?.name ?? null,
      });
    }

    for (const row of await reader.all(TRIGGER_PARENTS)) {
      items.push({
        database,
        source: "trigger",
        schema: requiredTextOf(row, "schema_name"),
        name: requiredTextOf(row, "trigger_name"),
        referencedSchema: requiredTextOf(row, "parent_schema_name"),
        referencedName: requiredTextOf(row, "parent_name"),
        referencedType: requiredTextOf(row, "parent_type"),
      });
    }

    return { items };
  },
};

function expressionItem(database: string, row: Row): InventoryItem {
  const referencingClass = Number(row["referencing_class"]);
  return {
    database,
    source: "expression",
    // NULL for a database DDL trigger, which belongs to no schema.
    schema: textOf(row, "referencing_schema_name"),
    name: requiredTextOf(row, "referencing_entity_name"),
    type: referencingClass === 12 ? "DDL_TRIGGER" : requiredTextOf(row, "referencing_type"),
    referencedClass: Number(row["referenced_class"]),
    referencedServer: textOf(row, "referenced_server_name"),
    referencedDatabase: textOf(row, "referenced_database_name"),
    // NULL when the code omitted the schema and the name did not resolve.
    referencedSchema: textOf(row, "referenced_schema_name"),
    referencedName: requiredTextOf(row, "referenced_entity_name"),
    // sys.objects type of the referenced object; NULL when not resolved.
    referencedType: textOf(row, "referenced_type"),
    // The schema depends on the caller's default schema, or the name may be
    // a column or an object ("sys.sql_expression_dependencies").
    isAmbiguous: flagOf(row, "is_ambiguous"),
    isCallerDependent: flagOf(row, "is_caller_dependent"),
    isSchemaBound: flagOf(row, "is_schema_bound_reference"),
  };
}
