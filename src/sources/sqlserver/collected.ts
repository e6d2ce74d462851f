/**
 * What a collection from a live server yields, in a fixed order: the
 * server header first, then inventory, modules and problems. A bundle
 * stores the same items, so assessing a bundle gives the same findings
 * as assessing the server.
 */

export type CollectedItem =
  | { readonly kind: "server"; readonly server: ServerHeader }
  | { readonly kind: "inventory"; readonly part: string; readonly items: readonly InventoryItem[] }
  | { readonly kind: "module"; readonly module: CollectedModule }
  | { readonly kind: "problem"; readonly problem: CollectionProblem };

export interface ServerHeader {
  /** Server as the user named it, e.g. `sql01,1433` or `sql01\PROD`. */
  readonly address: string;
  /** `@@SERVERNAME`. */
  readonly name: string;
  /** `SERVERPROPERTY('ProductVersion')`, e.g. `16.0.4135.4`. */
  readonly version: string;
  readonly edition: string;
  /** When collection started, ISO 8601. */
  readonly collectedAt: string;
  /** Certificate checks were turned off by the user; stated in reports. */
  readonly tlsVerificationDisabled: boolean;
}

/**
 * One inventory row, for example one table or one login: plain JSON, with
 * the database it belongs to unless it is server-level.
 */
export interface InventoryItem {
  readonly database?: string;
  readonly [field: string]: unknown;
}

export type ModuleOrigin =
  /** `sys.sql_modules` or `sys.server_sql_modules`. */
  | "module"
  /** A CREATE TABLE written by infio from the catalog views. */
  | "rebuilt-table"
  /** The command of a SQL Agent job step of the T-SQL subsystem. */
  | "agent-step";

export interface CollectedModule {
  /** Empty for server-level objects (server triggers, Agent job steps). */
  readonly database: string;
  /** Empty for server-level objects. */
  readonly schema: string;
  readonly name: string;
  /** `procedure`, `function`, `view`, `trigger`, `table`, `agent-step`, ... */
  readonly type: string;
  /** `sys.objects.type`, e.g. `P`, `FN`, `TR`; empty when not an object. */
  readonly typeCode: string;
  readonly origin: ModuleOrigin;
  /**
   * NULL in sys.sql_modules: created WITH ENCRYPTION, so unreadable. The
   * collector yields such a module with a null definition and no problem
   * item, so the pipeline counts it once, as unreadable. A definition
   * hidden because the login lacks VIEW DEFINITION is not a module item
   * but a problem of reason `permission-denied`.
   */
  readonly definition: string | null;
  /**
   * `uses_quoted_identifier` of sys.sql_modules: QUOTED_IDENTIFIER when
   * the module was created. When false, `"text"` in the definition is a
   * string, so the parser must start with QUOTED_IDENTIFIER OFF. Absent
   * for code that is not a module (rebuilt tables, Agent job steps).
   */
  readonly usesQuotedIdentifier?: boolean;
  /** `uses_ansi_nulls` of sys.sql_modules: ANSI_NULLS when the module was created. */
  readonly usesAnsiNulls?: boolean;
}

/** A part of the inventory, a database or a module that could not be read. */
export interface CollectionProblem {
  /** Inventory part or query id, e.g. `agent` or `inventory.agent-jobs`. */
  readonly part: string;
  readonly database?: string;
  /**
   * A SqlServerErrorKind (`permission-denied`, `database-unavailable`,
   * `timeout`, `connection-lost`, `failed`, ...), or one of the
   * collector's own: `not-found` (a database named in the filter does not
   * exist), `permission-missing` (the permission check found a permission
   * missing, so parts will be incomplete) and `over-privileged` (a
   * warning: the login is sysadmin or can change the server or a
   * database; nothing is missing).
   */
  readonly reason: string;
  /** A full sentence naming the server, the database and the fix. */
  readonly message: string;
}

/**
 * Names a module's code unit as findings show it: `database.schema.name`
 * for database objects, `server.name` for server triggers and
 * `agent.job name.step N` for job steps, so names never collide.
 */
export function moduleUnitName(module: CollectedModule): string {
  if (module.origin === "agent-step") {
    return `agent.${module.name}`;
  }
  if (module.database === "") {
    return `server.${module.name}`;
  }
  return `${module.database}.${module.schema}.${module.name}`;
}
