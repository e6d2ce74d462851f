/**
 * Reading one database, in two phases. The prelude (permission check and
 * inventory parts) may run ahead of the output, so its items are kept in
 * memory. The code phase (modules and rebuilt tables) runs only when the
 * database's turn in the output has come, and streams its items.
 */

import { MODULES_PART, readModules } from "../code/modules.js";
import { rebuildTables, TABLE_DEFINITIONS_PART } from "../code/rebuild-tables.js";
import type { CollectedItem } from "../collected.js";
import type { QueryGroup } from "../collector-queries.js";
import type { InventoryPart } from "../inventory/part.js";
import { PERMISSIONS_PART, databasePermissionItems } from "../permissions/report.js";
import { readDatabasePermissions, type DatabasePermissions, type LoginPermissions } from "../permissions/read.js";
import type { ServerSession, SqlReader } from "../reader.js";
import type { DatabaseEntry } from "./databases.js";
import type { CollectProgress } from "./options.js";
import { problemOrThrow } from "./problems.js";
import { runPart, type PartRun } from "./run-part.js";
import { openReader } from "./signal-reader.js";

export interface DatabaseRun extends PartRun {
  readonly session: ServerSession;
  readonly parts: readonly InventoryPart[];
  /** Every part and collector group, for the permission check. */
  readonly groups: readonly QueryGroup[];
  /** Undefined when the server-level permission check failed. */
  readonly login: LoginPermissions | undefined;
  /** Permissions read in other databases during the server-level check, such as msdb. */
  readonly checkedDatabases: ReadonlyMap<string, DatabasePermissions>;
  readonly progress: (event: CollectProgress) => void;
  readonly tablePageSize?: number;
}

export interface DatabasePrelude {
  readonly entry: DatabaseEntry;
  readonly items: readonly CollectedItem[];
  /** Open reader for the code phase; absent when the database was skipped. */
  readonly reader?: SqlReader;
  /** An error that ends the collection, raised when the database's turn comes. */
  readonly failure?: unknown;
}

/** Reads the prelude of a database. Never rejects: a failure that ends the collection is returned. */
export async function readPrelude(entry: DatabaseEntry, run: DatabaseRun): Promise<DatabasePrelude> {
  const skipped = skipReason(entry, run);
  if (skipped !== undefined) {
    return { entry, items: [skipped] };
  }

  let reader: SqlReader;
  try {
    reader = await openReader(run.session, entry.name, run.signal);
  } catch (error) {
    return unopened(entry, error, run);
  }

  const items: CollectedItem[] = [];
  try {
    items.push(...(await permissionItems(reader, run)));
    for (const part of run.parts) {
      items.push(...(await runPart(part, reader, run)));
    }
  } catch (error) {
    return { entry, items, reader, failure: error };
  }
  return { entry, items, reader };
}

/** Returns a problem that skips the database without opening it, or undefined. */
function skipReason(entry: DatabaseEntry, run: DatabaseRun): CollectedItem | undefined {
  const where = `database '${entry.name}' on '${run.server}'`;
  if (entry.state !== "ONLINE") {
    return unavailable(entry, `${where} is ${entry.state}, so it was skipped; collect it again once it is ONLINE`);
  }
  if (entry.hasAccess === false) {
    const login = run.login === undefined ? "the login" : `login '${run.login.login}'`;
    return unavailable(
      entry,
      `${login} cannot open ${where} (HAS_DBACCESS returned 0), so it was skipped; ` +
        "create a user for the login in it or grant CONNECT ANY DATABASE (see `infio grant-script`)",
    );
  }
  return undefined;
}

function unavailable(entry: DatabaseEntry, message: string): CollectedItem {
  return {
    kind: "problem",
    problem: { part: "database", database: entry.name, reason: "database-unavailable", message },
  };
}

/** Turns a failure to open the database into a problem, or into a failure that ends the collection. */
function unopened(entry: DatabaseEntry, error: unknown, run: DatabaseRun): DatabasePrelude {
  try {
    const problem = problemOrThrow(error, {
      server: run.server,
      part: "database",
      database: entry.name,
      stopOn: run.stopOn,
      failed: `database '${entry.name}' on '${run.server}' was skipped`,
    });
    return { entry, items: [problem] };
  } catch (failure) {
    return { entry, items: [], failure };
  }
}

/** Reads the database's permissions and returns its `permissions` item and problems, or one problem when the check fails. */
async function permissionItems(reader: SqlReader, run: DatabaseRun): Promise<CollectedItem[]> {
  if (run.login === undefined) {
    return [];
  }
  let permissions: DatabasePermissions;
  try {
    permissions = await readDatabasePermissions(reader);
  } catch (error) {
    return [
      problemOrThrow(error, { server: run.server, part: PERMISSIONS_PART, database: reader.database, stopOn: run.stopOn }),
    ];
  }

  const databases = new Map(run.checkedDatabases);
  databases.set(reader.database.toLowerCase(), permissions);
  return databasePermissionItems({ login: run.login, databases }, permissions, run.groups, run.server);
}

export interface CodeCounts {
  modules: number;
  tables: number;
}

/**
 * Streams the modules and rebuilt tables of a database whose prelude has
 * been emitted. A failure of either becomes a problem and the other still
 * runs; a failure that ends the collection is thrown.
 */
export async function* readCode(
  entry: DatabaseEntry,
  reader: SqlReader,
  run: DatabaseRun,
  counts: CodeCounts,
): AsyncGenerator<CollectedItem, void, undefined> {
  const failure = { server: run.server, database: entry.name, stopOn: run.stopOn };

  try {
    for await (const item of readModules(reader, run.signal)) {
      if (item.kind === "module") {
        counts.modules++;
        if (counts.modules % 100 === 0) {
          run.progress({ kind: "modules-read", database: entry.name, modules: counts.modules });
        }
      }
      yield item;
    }
    run.progress({ kind: "modules-read", database: entry.name, modules: counts.modules });
  } catch (error) {
    yield problemOrThrow(error, { ...failure, part: MODULES_PART });
  }

  try {
    const tables = rebuildTables(reader, {
      database: entry.name,
      databaseCollation: entry.collation,
      majorVersion: run.context.majorVersion,
      signal: run.signal,
      ...(run.tablePageSize === undefined ? {} : { pageSize: run.tablePageSize }),
    });
    for await (const item of tables) {
      if (item.kind === "module") {
        counts.tables++;
      }
      yield item;
    }
  } catch (error) {
    yield problemOrThrow(error, { ...failure, part: TABLE_DEFINITIONS_PART });
  }
}
