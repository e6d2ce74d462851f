/**
 * The effective permissions of FIXTURE_LOGIN on the Kestrel fixture
 * server, as the permission check's functions return them: the minimal
 * read-only login that `infio grant-script` creates. It has the server
 * permissions infio reads with, a user in msdb in db_datareader, and
 * through CONNECT ANY DATABASE, VIEW ANY DEFINITION and VIEW SERVER STATE
 * the covered permissions in every database. sys.fn_my_permissions lists
 * covered permissions too ("sys.fn_my_permissions", Microsoft Learn).
 */

import type { CatalogViews, ViewRows } from "../fixture.js";
import type { FixtureArea } from "./area.js";
import { KESTREL_DATABASES } from "./databases.js";

const SERVER_PERMISSIONS = [
  "CONNECT SQL",
  "VIEW ANY DATABASE",
  "VIEW ANY DEFINITION",
  "VIEW SERVER STATE",
  "CONNECT ANY DATABASE",
  "VIEW SERVER PERFORMANCE STATE",
  "VIEW SERVER SECURITY STATE",
  "VIEW ANY SECURITY DEFINITION",
  "VIEW ANY PERFORMANCE DEFINITION",
];

const DATABASE_PERMISSIONS = ["CONNECT", "VIEW DEFINITION", "VIEW DATABASE STATE"];


function permissionRows(entity: string, names: readonly string[]): ViewRows {
  return names.map((name) => ({ entity_name: entity, subentity_name: "", permission_name: name }));
}

function databaseViews(database: string): CatalogViews {
  const roles: ViewRows = database === "msdb" ? [{ role_name: "db_datareader", is_member: 1 }] : [];
  return {
    "sys.fn_my_permissions": permissionRows("database", DATABASE_PERMISSIONS),
    is_rolemember: roles,
  };
}

export const LOGIN_PERMISSIONS: FixtureArea = {
  server: {
    "sys.fn_my_permissions": permissionRows("server", SERVER_PERMISSIONS),
    is_srvrolemember: [],
  },
  databases: Object.fromEntries(KESTREL_DATABASES.map((name) => [name, databaseViews(name)])),
};
