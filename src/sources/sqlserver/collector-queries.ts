/**
 * The collector's own queries, grouped the way problems and
 * docs/permissions.md name them: server header, database list, permission
 * check, server triggers, module code and rebuilt table definitions.
 */

import { defineQuery, type CatalogQuery } from "./catalog-query.js";
import { MODULES_QUERY, SERVER_MODULES_QUERY } from "./code/module-queries.js";
import { TABLE_QUERIES } from "./code/table-queries.js";
import { PERMISSION_QUERIES } from "./permissions/queries.js";

/**
 * Queries read for one purpose. An InventoryPart has the same shape, so
 * the permission check and the docs treat parts and groups alike.
 */
export interface QueryGroup {
  /** Name in problems and in docs, e.g. `modules`. */
  readonly name: string;
  readonly title: string;
  readonly queries: readonly CatalogQuery[];
}

/**
 * `@@SERVERNAME` is NULL on a server renamed without sp_addserver, so the
 * machine and instance name from SERVERPROPERTY is used instead.
 */
export const SERVER_HEADER_QUERY = defineQuery({
  id: "collector.server-header",
  scope: "server",
  sql: `
SELECT
    COALESCE(@@SERVERNAME, CAST(SERVERPROPERTY('ServerName') AS nvarchar(128))) AS server_name,
    CAST(SERVERPROPERTY('ProductVersion') AS nvarchar(128)) AS product_version,
    CAST(SERVERPROPERTY('Edition') AS nvarchar(128)) AS edition;`,
  reads: ["@@SERVERNAME", "SERVERPROPERTY"],
  permission: "CONNECT SQL",
});

/**
 * Databases in `database_id` order, which is the order of collection.
 * HAS_DBACCESS returns 1 when the login can open the database.
 */
export const DATABASE_LIST_QUERY = defineQuery({
  id: "collector.databases",
  scope: "server",
  sql: `
SELECT
    d.database_id,
    d.name,
    d.state_desc,
    d.collation_name,
    HAS_DBACCESS(d.name) AS has_dbaccess
FROM sys.databases AS d
ORDER BY d.database_id;`,
  reads: ["sys.databases", "HAS_DBACCESS"],
  permission: "VIEW ANY DATABASE",
});

export const COLLECTOR_GROUPS: readonly QueryGroup[] = [
  {
    name: "server-header",
    title: "Server name, version and edition",
    queries: [SERVER_HEADER_QUERY],
  },
  {
    name: "database-list",
    title: "Databases to collect, their state and whether the login can open them",
    queries: [DATABASE_LIST_QUERY],
  },
  {
    name: "permissions",
    title: "Effective permissions and roles of the login, on the server and in each database",
    queries: PERMISSION_QUERIES,
  },
  {
    name: "server-modules",
    title: "Code of server-level triggers",
    queries: [SERVER_MODULES_QUERY],
  },
  {
    name: "modules",
    title: "Code of procedures, functions, views, triggers, rules and defaults",
    queries: [MODULES_QUERY],
  },
  {
    name: "table-definitions",
    title: "Table definitions rebuilt as CREATE TABLE and CREATE INDEX statements",
    queries: TABLE_QUERIES,
  },
];

export const COLLECTOR_QUERIES: readonly CatalogQuery[] = COLLECTOR_GROUPS.flatMap(
  (group) => group.queries,
);
