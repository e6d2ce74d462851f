/**
 * Names of system objects: catalog views and DMVs (`sys.objects`,
 * `INFORMATION_SCHEMA.TABLES`, the compatibility views such as
 * `sysobjects`), system procedures (`sp_`, `xp_`) and the msdb tables.
 */

import type { SchemaObjectName } from "../../tsql/ast/node.js";
import { baseName, databaseOf, schemaOf } from "./support.js";

const SYSTEM_DATABASES: ReadonlySet<string> = new Set(["", "master", "msdb", "model", "tempdb"]);

/**
 * The SQL Server 2000 system tables kept as compatibility views (SQL Server
 * 2022 reference, "System compatibility views").
 */
export const COMPATIBILITY_VIEWS: ReadonlySet<string> = new Set([
  "sysaltfiles", "syscacheobjects", "syscharsets", "syscolumns", "syscomments", "sysconfigures",
  "sysconstraints", "syscurconfigs", "sysdatabases", "sysdepends", "sysdevices", "sysfilegroups",
  "sysfiles", "sysforeignkeys", "sysfulltextcatalogs", "sysindexes", "sysindexkeys", "syslanguages",
  "syslockinfo", "syslogins", "sysmembers", "sysmessages", "sysobjects", "sysoledbusers",
  "sysperfinfo", "syspermissions", "sysprocesses", "sysprotects", "sysreferences", "sysremotelogins",
  "sysservers", "systypes", "sysusers",
]);

/** True when `text` starts with `sys` in any case. */
function startsWithSys(text: string): boolean {
  return (
    text.length >= 3 &&
    (text.charCodeAt(0) | 32) === 115 &&
    (text.charCodeAt(1) | 32) === 121 &&
    (text.charCodeAt(2) | 32) === 115
  );
}

/** Returns the catalog id of a catalog view or DMV name, or undefined for other names. */
export function catalogViewId(name: SchemaObjectName): string | undefined {
  const schema = schemaOf(name);
  // Every id below needs the schema sys or INFORMATION_SCHEMA, or a name
  // that starts with sys; most names have neither.
  if (schema !== "sys" && schema !== "information_schema" && !startsWithSys(name.name.value)) {
    return undefined;
  }
  const database = databaseOf(name);
  const object = baseName(name);
  if (!SYSTEM_DATABASES.has(database) && name.database !== undefined && name.database !== null) {
    // A user database's own sys views are still catalog views.
    if (schema !== "sys" && schema !== "information_schema") {
      return undefined;
    }
  }
  if (schema === "sys" || schema === "information_schema") {
    return `catalog.${schema}_${object}`;
  }
  if (database === "msdb" && (schema === "dbo" || schema === "") && object.startsWith("sys")) {
    return `catalog.msdb_dbo_${object}`;
  }
  if ((schema === "" || schema === "dbo") && COMPATIBILITY_VIEWS.has(object)) {
    return `catalog.sys_${object}`;
  }
  return undefined;
}

/** Tests whether a procedure name is a system procedure: sp_ or xp_ in sys, dbo or no schema. */
export function isSystemProcedure(name: SchemaObjectName): boolean {
  const schema = schemaOf(name);
  const object = baseName(name);
  if (!SYSTEM_DATABASES.has(databaseOf(name)) || !["", "sys", "dbo"].includes(schema)) {
    return false;
  }
  return object.startsWith("sp_") || object.startsWith("xp_");
}

/** Tests whether the system-object detector reports this name. */
export function isSystemObject(name: SchemaObjectName): boolean {
  return SYSTEM_DATABASES.has(databaseOf(name)) && (catalogViewId(name) !== undefined || isSystemProcedure(name));
}
