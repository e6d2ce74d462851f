/**
 * Responders of the collector's server header, database list and
 * permission check. Function results that are no catalog view come from
 * fixture views named after the function:
 * - `serverproperty`: rows whose columns are property names
 *   (`ProductVersion`, `Edition`, ...); several rows merge into one;
 * - `sys.fn_my_permissions`: rows of `permission_name`, on the server for
 *   the SERVER class and in each database for the DATABASE class;
 * - `is_srvrolemember` (server) and `is_rolemember` (each database): rows
 *   of `role_name` and `is_member` for the roles the login belongs to;
 * - `suser_sname`: one row of `login_name`, FIXTURE_LOGIN's name when absent.
 * The database list comes from database-list.ts, which reads the
 * fixture's `sys.databases` rows.
 */

import { CHECKED_DATABASE_ROLES } from "../../../../src/sources/sqlserver/permissions/queries.js";
import { WRITE_SERVER_ROLES } from "../../../../src/sources/sqlserver/permissions/vocabulary.js";
import { listedDatabases } from "../database-list.js";
import type { ResponderInput, ResponderTable } from "../responder.js";
import { databaseView, isOn, orderBy, resultTable, serverView, type NamedRow } from "./result-table.js";

/** The user name of FIXTURE_LOGIN, which index.ts cannot lend here without an import cycle. */
const DEFAULT_LOGIN = "infio_reader";

function serverProperties(input: ResponderInput): NamedRow {
  return Object.assign({}, ...serverView(input.server, "serverproperty")) as NamedRow;
}

function serverHeader(input: ResponderInput) {
  const properties = serverProperties(input);
  return resultTable(
    [
      ["server_name", "nvarchar(128)"],
      ["product_version", "nvarchar(128)"],
      ["edition", "nvarchar(128)"],
    ],
    [
      {
        server_name: input.server.name,
        product_version: properties["ProductVersion"] ?? null,
        edition: properties["Edition"] ?? null,
      },
    ],
  );
}

function databases(input: ResponderInput) {
  return resultTable(
    [
      ["database_id", "int"],
      ["name", "nvarchar(128)"],
      ["state_desc", "nvarchar(60)"],
      ["collation_name", "nvarchar(128)"],
      ["has_dbaccess", "int"],
    ],
    listedDatabases(input.server),
  );
}

function loginName(input: ResponderInput): string {
  const row = serverView(input.server, "suser_sname")[0];
  return typeof row?.["login_name"] === "string" ? row["login_name"] : DEFAULT_LOGIN;
}

function memberOf(rows: readonly NamedRow[], role: string): boolean {
  return rows.some((row) => row["role_name"] === role && isOn(row["is_member"]));
}

function serverRoles(input: ResponderInput) {
  const members = serverView(input.server, "is_srvrolemember");
  const login = loginName(input);
  return resultTable(
    [
      ["login_name", "nvarchar(128)"],
      ["role_name", "nvarchar(128)"],
      ["is_member", "int"],
    ],
    orderBy(
      WRITE_SERVER_ROLES.map((role) => ({ login_name: login, role_name: role, is_member: memberOf(members, role) ? 1 : 0 })),
      "role_name",
    ),
  );
}

function permissionsOf(rows: readonly NamedRow[]) {
  return resultTable(
    [["permission_name", "nvarchar(128)"]],
    orderBy(rows.map((row) => ({ permission_name: row["permission_name"] })), "permission_name"),
  );
}

function databaseRoles(input: ResponderInput) {
  const members = databaseView(input.database, "is_rolemember");
  return resultTable(
    [
      ["role_name", "nvarchar(128)"],
      ["is_member", "int"],
    ],
    orderBy(
      CHECKED_DATABASE_ROLES.map((role) => ({ role_name: role, is_member: memberOf(members, role) ? 1 : 0 })),
      "role_name",
    ),
  );
}

export const COLLECTOR_RESPONDERS: ResponderTable = {
  "collector.server-header": serverHeader,
  "collector.databases": databases,
  "collector.permissions.server-roles": serverRoles,
  "collector.permissions.server": (input) => permissionsOf(serverView(input.server, "sys.fn_my_permissions")),
  "collector.permissions.database": (input) => permissionsOf(databaseView(input.database, "sys.fn_my_permissions")),
  "collector.permissions.database-roles": databaseRoles,
};
