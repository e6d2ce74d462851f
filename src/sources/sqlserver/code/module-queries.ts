/**
 * Queries for module code: every T-SQL module of a database and the
 * server-level triggers. Catalog facts from Microsoft Learn, SQL Server
 * 2016 to 2022:
 * - sys.sql_modules has a row for procedures, functions, views, triggers,
 *   rules and stand-alone defaults; `definition` is NULL when the module
 *   was created WITH ENCRYPTION, and also when the login lacks VIEW
 *   DEFINITION on it, which OBJECTPROPERTY(..., 'IsEncrypted') tells apart.
 * - Database DDL triggers are not schema-scoped, so sys.objects leaves
 *   them out; sys.triggers lists them with parent_class 0.
 * - Server triggers live in sys.server_triggers and their code in
 *   sys.server_sql_modules.
 */

import { defineQuery } from "../catalog-query.js";

export const MODULES_QUERY = defineQuery({
  id: "collector.modules",
  scope: "database",
  sql: `
SELECT
    m.object_id,
    COALESCE(SCHEMA_NAME(o.schema_id), N'') AS module_schema,
    COALESCE(o.name, tr.name) AS module_name,
    COALESCE(o.type, tr.type) AS type_code,
    OBJECTPROPERTY(m.object_id, 'IsEncrypted') AS is_encrypted,
    m.uses_ansi_nulls,
    m.uses_quoted_identifier,
    m.definition
FROM sys.sql_modules AS m
LEFT JOIN sys.objects AS o
    ON o.object_id = m.object_id
LEFT JOIN sys.triggers AS tr
    ON tr.object_id = m.object_id AND tr.parent_class = 0
WHERE (o.object_id IS NOT NULL AND o.is_ms_shipped = 0 AND (o.type <> 'D' OR o.parent_object_id = 0))
   OR (tr.object_id IS NOT NULL AND tr.is_ms_shipped = 0)
ORDER BY module_schema, module_name, m.object_id;`,
  reads: ["sys.sql_modules", "sys.objects", "sys.triggers", "SCHEMA_NAME", "OBJECTPROPERTY"],
  permission: "VIEW DEFINITION",
});

export const SERVER_MODULES_QUERY = defineQuery({
  id: "collector.server-modules",
  scope: "server",
  sql: `
SELECT
    t.object_id,
    t.name AS trigger_name,
    t.type AS type_code,
    m.uses_ansi_nulls,
    m.uses_quoted_identifier,
    m.definition
FROM sys.server_sql_modules AS m
JOIN sys.server_triggers AS t
    ON t.object_id = m.object_id
WHERE t.is_ms_shipped = 0
ORDER BY t.name, t.object_id;`,
  reads: ["sys.server_sql_modules", "sys.server_triggers"],
  permission: "VIEW ANY DEFINITION",
});
