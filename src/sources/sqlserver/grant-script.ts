/**
 * Writes the T-SQL that creates a minimal read-only login for infio, and
 * the T-SQL that removes it again. The grants are derived from the
 * permissions the catalog queries declare, so the login can read exactly
 * what infio reads. Every name is quoted as QUOTENAME does, and the script
 * never contains a password: a SQL login's password is a placeholder the
 * DBA replaces, and the script stops if they do not.
 *
 * Statement forms from Microsoft Learn, SQL Server 2016 to 2022: CREATE
 * LOGIN, CREATE USER ... FOR LOGIN, GRANT (server and database
 * permissions), ALTER ROLE ... ADD MEMBER, DROP USER IF EXISTS (2016).
 */

import { quoteName } from "./catalog-query.js";
import type { QueryGroup } from "./collector-queries.js";
import { allQueryGroups } from "./permissions/groups.js";
import { FIXED_ROLE_PERMISSIONS, parsePermission } from "./permissions/vocabulary.js";
import { validateDatabaseName, validateLoginName, type Authentication } from "./permissions/login-name.js";

export type { Authentication } from "./permissions/login-name.js";

export interface GrantScriptOptions {
  readonly login: string;
  /** `sql` (default) creates a SQL login with a password placeholder; `windows` uses FROM WINDOWS. */
  readonly authentication?: Authentication;
  /**
   * Databases infio may read, each with a user for the login. When
   * absent, the login gets CONNECT ANY DATABASE and reads them all.
   */
  readonly databases?: readonly string[];
  /** Grant what the SQL Agent and Database Mail parts read in msdb. Default true. */
  readonly includeAgent?: boolean;
  /** Query groups to derive grants from; every group by default. */
  readonly groups?: readonly QueryGroup[];
}

export interface GrantScripts {
  readonly create: string;
  readonly remove: string;
}

/** The placeholder a SQL login's password starts as. */
export const PASSWORD_PLACEHOLDER = "<strong password>";

/**
 * Database permissions that a server permission covers in every
 * database, for a login that reads all databases. Other database
 * permissions (SELECT) are granted only where a query names a database.
 */
const SERVER_WIDE: Readonly<Record<string, string>> = {
  CONNECT: "CONNECT ANY DATABASE",
  "VIEW DEFINITION": "VIEW ANY DEFINITION",
  "VIEW DATABASE STATE": "VIEW SERVER STATE",
};

/** Parts that need each permission or role, by its name. */
type Needs = Map<string, Set<string>>;

interface DatabaseGrants {
  readonly permissions: Needs;
  readonly roles: Needs;
}

interface Plan {
  readonly server: Needs;
  /** By database name as written, in first-use order. */
  readonly databases: Map<string, DatabaseGrants>;
  /** Declared permissions left out, with why. */
  readonly leftOut: Map<string, string>;
}

/** Returns the create and remove scripts; throws a RangeError for an invalid name. */
export function grantScript(options: GrantScriptOptions): GrantScripts {
  const authentication = options.authentication ?? "sql";
  validateLoginName(options.login, authentication);
  const databases = [...new Set(options.databases ?? [])];
  databases.forEach(validateDatabaseName);

  const plan = planGrants(options.groups ?? allQueryGroups(), databases, options.includeAgent ?? true);
  return {
    create: createScript(options.login, authentication, plan),
    remove: removeScript(options.login, plan),
  };
}

function need(needs: Needs, name: string, part: string): void {
  let parts = needs.get(name);
  if (parts === undefined) {
    parts = new Set();
    needs.set(name, parts);
  }
  parts.add(part);
}

function planGrants(groups: readonly QueryGroup[], listed: readonly string[], includeAgent: boolean): Plan {
  const plan: Plan = { server: new Map(), databases: new Map(), leftOut: new Map() };
  const inDatabase = (database: string): DatabaseGrants => {
    const key = [...plan.databases.keys()].find((name) => name.toLowerCase() === database.toLowerCase()) ?? database;
    let grants = plan.databases.get(key);
    if (grants === undefined) {
      grants = { permissions: new Map(), roles: new Map() };
      plan.databases.set(key, grants);
    }
    return grants;
  };
  for (const database of listed) {
    inDatabase(database);
  }

  for (const group of groups) {
    for (const query of group.queries) {
      const spec = parsePermission(query.permission);
      if (spec === undefined) {
        throw new Error(`query ${query.id} declares permission '${query.permission}', which the grant script does not know`);
      }
      if (!spec.grantable) {
        plan.leftOut.set(spec.declared, "it can change data, so infio never asks for it");
        continue;
      }
      if (spec.kind === "server") {
        if (spec.name !== "CONNECT SQL") {
          need(plan.server, spec.name, group.name);
        }
        continue;
      }

      const target = spec.database ?? (query.scope === "server" ? "master" : undefined);
      if (target !== undefined && target.toLowerCase() === "msdb" && !includeAgent) {
        plan.leftOut.set(spec.declared, "msdb grants were not requested");
        continue;
      }
      const targets = target !== undefined ? [target] : listed;
      if (targets.length === 0) {
        const covering = spec.kind === "database" ? SERVER_WIDE[spec.name] : undefined;
        if (covering === undefined) {
          plan.leftOut.set(spec.declared, "it would have to be granted in every database; list the databases");
        } else {
          need(plan.server, covering, group.name);
        }
        continue;
      }
      for (const database of targets) {
        const grants = inDatabase(database);
        need(spec.kind === "role" ? grants.roles : grants.permissions, spec.name, group.name);
      }
    }
  }

  for (const grants of plan.databases.values()) {
    foldIntoRoles(grants);
  }
  return plan;
}

/**
 * Drops the permissions that a planned role membership already grants, so
 * each is granted once, and adds the parts that needed them to the role.
 * In msdb, db_datareader gives the SELECT that log shipping needs.
 */
function foldIntoRoles(grants: DatabaseGrants): void {
  for (const [role, roleParts] of grants.roles) {
    for (const permission of FIXED_ROLE_PERMISSIONS[role] ?? []) {
      const parts = grants.permissions.get(permission);
      if (parts !== undefined) {
        parts.forEach((part) => roleParts.add(part));
        grants.permissions.delete(permission);
      }
    }
  }
}

/** `N'...'` with quotes doubled. */
function literal(text: string): string {
  return `N'${text.replaceAll("'", "''")}'`;
}

function partsComment(parts: ReadonlySet<string>): string {
  return `-- for ${[...parts].join(", ")}`;
}

/**
 * Returns the comment of a server grant. CONNECT ANY DATABASE replaces a
 * user in every database, which every database part needs, so its comment
 * states that instead of listing the queries that declare CONNECT.
 */
function serverGrantComment(permission: string, parts: ReadonlySet<string>): string {
  return permission === "CONNECT ANY DATABASE"
    ? "-- to open every database, present and future, without a user in each"
    : partsComment(parts);
}

function createLogin(login: string, authentication: Authentication): string[] {
  const name = quoteName(login);
  if (authentication === "windows") {
    return [`CREATE LOGIN ${name} FROM WINDOWS WITH DEFAULT_DATABASE = [master];`];
  }
  const statement = `CREATE LOGIN ${name} WITH PASSWORD = `;
  return [
    `-- Replace ${PASSWORD_PLACEHOLDER} below with a strong password. The script stops`,
    "-- while the placeholder is there, and no password is ever written for you.",
    `DECLARE @password nvarchar(128) = ${literal(PASSWORD_PLACEHOLDER)};`,
    "IF @password LIKE N'<%>'",
    "BEGIN",
    `    RAISERROR(${literal(`Replace ${PASSWORD_PLACEHOLDER} with a strong password, then run the script again.`)}, 16, 1);`,
    "    SET NOEXEC ON;",
    "END",
    "ELSE",
    "BEGIN",
    `    DECLARE @statement nvarchar(max) = ${literal(statement)}`,
    "        + QUOTENAME(@password, N'''') + N', CHECK_POLICY = ON, DEFAULT_DATABASE = [master];';",
    "    EXEC sys.sp_executesql @statement;",
    "END;",
  ];
}

function createScript(login: string, authentication: Authentication, plan: Plan): string {
  const name = quoteName(login);
  // CREATE LOGIN and the server GRANTs need securityadmin, but CREATE USER
  // needs ALTER ANY USER in the database, and ALTER ROLE on a fixed
  // database role needs db_owner ("CREATE USER", "ALTER ROLE" on
  // Microsoft Learn, SQL Server 2016 to 2022).
  const lines = [
    `-- Creates ${literal(login)}, a read-only login for infio, with the permissions`,
    "-- infio's catalog queries need and nothing more (docs/permissions.md lists",
    "-- what each one reads). Run it as a member of sysadmin. A member of",
    "-- securityadmin can run it only if it is also db_owner in each database",
    "-- below: CREATE USER needs ALTER ANY USER there, and adding a member to",
    "-- a fixed database role needs db_owner.",
    "-- `infio grant-script --drop`, with the same options, prints the script",
    "-- that removes the login and its users again.",
    "USE [master];",
    "GO",
    ...createLogin(login, authentication),
    "GO",
  ];

  for (const [permission, parts] of plan.server) {
    lines.push(`GRANT ${permission} TO ${name}; ${serverGrantComment(permission, parts)}`);
  }
  lines.push("GO");

  for (const [database, grants] of plan.databases) {
    lines.push(`USE ${quoteName(database)};`, "GO", `CREATE USER ${name} FOR LOGIN ${name};`);
    for (const [role, parts] of grants.roles) {
      lines.push(`ALTER ROLE ${quoteName(role)} ADD MEMBER ${name}; ${partsComment(parts)}`);
    }
    for (const [permission, parts] of grants.permissions) {
      if (permission !== "CONNECT") {
        lines.push(`GRANT ${permission} TO ${name}; ${partsComment(parts)}`);
      }
    }
    lines.push("GO");
  }

  for (const [declared, why] of plan.leftOut) {
    lines.push(`-- Not granted: ${declared}, because ${why}.`);
  }
  lines.push("SET NOEXEC OFF;", "GO");
  return `${lines.join("\n")}\n`;
}

function removeScript(login: string, plan: Plan): string {
  const name = quoteName(login);
  const lines = [
    `-- Removes ${literal(login)}, the read-only login created for infio, and its`,
    "-- users. Server permissions go with the login.",
  ];
  for (const database of plan.databases.keys()) {
    lines.push(`USE ${quoteName(database)};`, "GO", `DROP USER IF EXISTS ${name};`, "GO");
  }
  lines.push(
    "USE [master];",
    "GO",
    `IF SUSER_ID(${literal(login)}) IS NOT NULL`,
    `    DROP LOGIN ${name};`,
    "GO",
  );
  return `${lines.join("\n")}\n`;
}
