/**
 * The server-level permission check: the login's roles and server
 * permissions, and its permissions in the databases that declared
 * permissions name (msdb for the SQL Agent and Database Mail parts).
 */

import type { CollectedItem } from "../collected.js";
import type { QueryGroup } from "../collector-queries.js";
import { namedDatabases } from "../permissions/evaluate.js";
import {
  readDatabasePermissions,
  readLoginPermissions,
  type DatabasePermissions,
  type LoginPermissions,
} from "../permissions/read.js";
import { PERMISSIONS_PART, serverPermissionItems } from "../permissions/report.js";
import type { ServerSession, SqlReader } from "../reader.js";
import type { DatabaseEntry } from "./databases.js";
import { problemOrThrow } from "./problems.js";
import type { PartRun } from "./run-part.js";
import { openReader } from "./signal-reader.js";

export interface ServerPermissionCheck {
  /** Undefined when the login's permissions could not be read. */
  readonly login: LoginPermissions | undefined;
  readonly checkedDatabases: ReadonlyMap<string, DatabasePermissions>;
  readonly items: readonly CollectedItem[];
}

export async function checkServerPermissions(
  master: SqlReader,
  session: ServerSession,
  databases: readonly DatabaseEntry[],
  groups: readonly QueryGroup[],
  run: PartRun,
): Promise<ServerPermissionCheck> {
  const failure = { server: run.server, part: PERMISSIONS_PART, stopOn: run.stopOn };
  let login: LoginPermissions;
  try {
    login = await readLoginPermissions(master);
  } catch (error) {
    return { login: undefined, checkedDatabases: new Map(), items: [problemOrThrow(error, failure)] };
  }

  const checkedDatabases = new Map<string, DatabasePermissions>();
  const problems: CollectedItem[] = [];
  for (const name of namedDatabases(groups)) {
    // A database that is missing, offline or closed to the login stays
    // unchecked, so the permissions it needs count as missing.
    const entry = databases.find((d) => d.name.toLowerCase() === name.toLowerCase());
    if (entry === undefined || entry.state !== "ONLINE" || entry.hasAccess === false) {
      continue;
    }
    try {
      const permissions =
        entry.name.toLowerCase() === "master"
          ? await readDatabasePermissions(master)
          : await readOtherDatabase(session, entry.name, run.signal);
      checkedDatabases.set(name.toLowerCase(), permissions);
    } catch (error) {
      problems.push(problemOrThrow(error, { ...failure, database: entry.name }));
    }
  }

  const state = { login, databases: checkedDatabases };
  return {
    login,
    checkedDatabases,
    items: [...serverPermissionItems(state, groups, run.server), ...problems],
  };
}

/** Reads the permissions in a database other than master, which the collection keeps open. */
async function readOtherDatabase(
  session: ServerSession,
  database: string,
  signal: AbortSignal,
): Promise<DatabasePermissions> {
  const reader = await openReader(session, database, signal);
  try {
    return await readDatabasePermissions(reader);
  } finally {
    await releaseQuietly(session, database);
  }
}

/**
 * Closes a database's connections once it has been read. A failure to
 * close changes nothing that was read, so it is not a problem of the
 * collection. The session closes what is left at the end.
 */
export async function releaseQuietly(session: ServerSession, database: string): Promise<void> {
  try {
    await session.release(database);
  } catch {
    // Nothing to report: see above.
  }
}
