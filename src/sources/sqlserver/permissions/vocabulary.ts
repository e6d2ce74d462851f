/**
 * The permission names catalog queries may declare, and what each one
 * means: a server permission, a database permission, or membership of a
 * database role. The permission check, the grant script and
 * docs/permissions.md all read a query's `permission` through
 * `parsePermission`, so a name this file does not know is a bug that the
 * tests catch.
 *
 * The declared forms are:
 * - a server permission, e.g. `VIEW SERVER STATE`;
 * - a database permission, e.g. `VIEW DEFINITION`, needed in the database
 *   the query runs in (master for a server-scope query);
 * - `<database permission> in <database>`, e.g. `SELECT in msdb`, for a
 *   query that reads another database by a three-part name;
 * - `<role> role in <database>`, membership of a database role, e.g.
 *   `db_datareader role in msdb`.
 *
 * Permission names and the hierarchy come from "Permissions (Database
 * Engine)" and "GRANT Server Permissions" on Microsoft Learn, SQL Server
 * 2016 to 2022.
 */

export type PermissionKind = "server" | "database" | "role";

export interface PermissionSpec {
  /** The name as a query declares it. */
  readonly declared: string;
  readonly kind: PermissionKind;
  /** The permission or role name alone, e.g. `VIEW DEFINITION`. */
  readonly name: string;
  /**
   * Database the permission or role is needed in; undefined means the
   * database the query runs in.
   */
  readonly database?: string;
  /** Server permissions that include this one, besides CONTROL SERVER. */
  readonly coveredBy: readonly string[];
  /** The grant script grants it; false for one that can change data. */
  readonly grantable: boolean;
}

interface KnownPermission {
  readonly coveredBy: readonly string[];
  /** Description of what the permission lets a login see, for docs/permissions.md. */
  readonly description: string;
  /** False for a permission that can change data, which the grant script never grants. */
  readonly grantable?: boolean;
}

/**
 * Read-only server permissions. CONTROL SERVER (and sysadmin, which has
 * it) covers every permission, so it is not repeated below. The four
 * `VIEW ... STATE` and `VIEW ANY ... DEFINITION` splits are SQL Server
 * 2022's; VIEW SERVER STATE and VIEW ANY DEFINITION cover them.
 */
const SERVER_PERMISSIONS: Readonly<Record<string, KnownPermission>> = {
  "CONNECT SQL": {
    coveredBy: [],
    description: "Log in. Every login has it; server properties and `@@SERVERNAME` need nothing more.",
  },
  "VIEW ANY DATABASE": {
    coveredBy: [],
    description: "See every database in `sys.databases`. The public role has it unless a DBA revoked it.",
  },
  "VIEW ANY DEFINITION": {
    coveredBy: [],
    description:
      "See the metadata of every server-level object and, through the permission hierarchy, " +
      "`VIEW DEFINITION` in every database: logins, linked servers, endpoints, server triggers, module definitions.",
  },
  "VIEW SERVER STATE": {
    coveredBy: [],
    description:
      "Read server-scoped dynamic management views (`sys.dm_*`) and, through the hierarchy, " +
      "`VIEW DATABASE STATE` in every database.",
  },
  "CONNECT ANY DATABASE": {
    coveredBy: [],
    description:
      "Connect to every database, present and future, without a user in each (SQL Server 2014 and later).",
  },
  "VIEW SERVER PERFORMANCE STATE": {
    coveredBy: ["VIEW SERVER STATE"],
    description: "SQL Server 2022: the performance half of `VIEW SERVER STATE`.",
  },
  "VIEW SERVER SECURITY STATE": {
    coveredBy: ["VIEW SERVER STATE"],
    description: "SQL Server 2022: the security half of `VIEW SERVER STATE`.",
  },
  "VIEW ANY SECURITY DEFINITION": {
    coveredBy: ["VIEW ANY DEFINITION"],
    description: "SQL Server 2022: the security half of `VIEW ANY DEFINITION`.",
  },
  "VIEW ANY PERFORMANCE DEFINITION": {
    coveredBy: ["VIEW ANY DEFINITION"],
    description: "SQL Server 2022: the performance half of `VIEW ANY DEFINITION`.",
  },
};

/** Read-only database permissions, with the server permissions covering them. */
const DATABASE_PERMISSIONS: Readonly<Record<string, KnownPermission>> = {
  CONNECT: {
    coveredBy: ["CONNECT ANY DATABASE"],
    description: "Open the database. Needs a user in it, or `CONNECT ANY DATABASE` on the server.",
  },
  "VIEW DEFINITION": {
    coveredBy: ["VIEW ANY DEFINITION"],
    description:
      "See the metadata of every object in the database, and module definitions in `sys.sql_modules`.",
  },
  "VIEW DATABASE STATE": {
    coveredBy: ["VIEW SERVER STATE"],
    description: "Read database-scoped dynamic management views, such as row counts and sizes.",
  },
  SELECT: {
    coveredBy: ["SELECT ALL USER SECURABLES"],
    description: "Read the tables of the database, such as the SQL Agent and Database Mail tables of msdb.",
  },
  CONTROL: {
    coveredBy: [],
    description:
      "Full control of the database. infio never asks for it: the one part that declares it " +
      "reads what SQL Server shows only to owners, and reads an empty list without it.",
    grantable: false,
  },
};

/** Database roles that grant only reading, for `<role> role in <database>`. */
const READER_ROLES: Readonly<Record<string, string>> = {
  SQLAgentReaderRole: "See every SQL Agent job and its history in msdb, without changing any.",
  DatabaseMailUserRole: "See the Database Mail profiles, accounts and queue in msdb.",
  db_datareader: "Read every table of the database.",
};

const ROLE_IN = /^(\S+) role in (\S+)$/i;
const IN_DATABASE = /^(.+?) in (\S+)$/i;

/** Parses a query's declared permission; undefined when this file does not know it. */
export function parsePermission(declared: string): PermissionSpec | undefined {
  const member = ROLE_IN.exec(declared);
  if (member !== null) {
    const role = member[1]!;
    return role in READER_ROLES
      ? { declared, kind: "role", name: role, database: member[2]!, coveredBy: [], grantable: true }
      : undefined;
  }

  const server = SERVER_PERMISSIONS[declared];
  if (server !== undefined) {
    return { declared, kind: "server", name: declared, coveredBy: server.coveredBy, grantable: true };
  }

  const inDatabase = IN_DATABASE.exec(declared);
  const name = inDatabase === null ? declared : inDatabase[1]!;
  const known = DATABASE_PERMISSIONS[name];
  if (known === undefined) {
    return undefined;
  }
  return {
    declared,
    kind: "database",
    name,
    ...(inDatabase === null ? {} : { database: inDatabase[2]! }),
    coveredBy: known.coveredBy,
    grantable: known.grantable ?? true,
  };
}

/** Describes a permission for docs/permissions.md. */
export function describePermission(spec: PermissionSpec): string {
  switch (spec.kind) {
    case "server":
      return SERVER_PERMISSIONS[spec.name]?.description ?? "";
    case "database":
      return DATABASE_PERMISSIONS[spec.name]?.description ?? "";
    case "role":
      return READER_ROLES[spec.name] ?? "";
  }
}

/**
 * Server permissions that only read or connect. Any other permission of the
 * login (ALTER ANY LOGIN, CONTROL SERVER, SHUTDOWN, ...) lets it
 * change the server, so the permission check warns about it.
 */
export function isReadOnlyServerPermission(name: string): boolean {
  return name.startsWith("VIEW ") || name.startsWith("CONNECT ") || name === "SELECT ALL USER SECURABLES";
}

/** Database permissions that only read or connect; the rest can change data or schema. */
export function isReadOnlyDatabasePermission(name: string): boolean {
  return (
    name.startsWith("VIEW ") ||
    ["CONNECT", "SELECT", "SHOWPLAN", "REFERENCES", "UNMASK"].includes(name)
  );
}

/**
 * Database permissions that membership of a fixed database role grants,
 * from "Database-level roles" on Microsoft Learn (SQL Server 2016 to
 * 2022). db_datareader has SELECT on the database, so it reads every user
 * table and view. db_owner has CONTROL, which covers every database
 * permission. Only roles that grant a permission infio declares are listed.
 */
export const FIXED_ROLE_PERMISSIONS: Readonly<Record<string, readonly string[]>> = {
  db_owner: ["CONTROL"],
  db_datareader: ["SELECT"],
};

/**
 * Database permissions that membership of a fixed database role denies
 * (same page): db_denydatareader denies SELECT, and a DENY overrides what
 * a role or a GRANT gives.
 */
export const FIXED_ROLE_DENIALS: Readonly<Record<string, readonly string[]>> = {
  db_denydatareader: ["SELECT"],
};

/**
 * Fixed server roles that can change the server. Every fixed server role
 * but public can, so any membership is worth a warning.
 */
export const WRITE_SERVER_ROLES = [
  "sysadmin",
  "securityadmin",
  "serveradmin",
  "setupadmin",
  "processadmin",
  "diskadmin",
  "dbcreator",
  "bulkadmin",
] as const;

/**
 * Database roles that can change data, schema, users or jobs. The SQL
 * Agent user and operator roles of msdb can create and start jobs.
 */
export const WRITE_DATABASE_ROLES = [
  "db_owner",
  "db_securityadmin",
  "db_accessadmin",
  "db_backupoperator",
  "db_ddladmin",
  "db_datawriter",
  "SQLAgentUserRole",
  "SQLAgentOperatorRole",
] as const;
