/**
 * Collects a live server as an ordered stream of items:
 *
 * 1. the server header;
 * 2. the permission check: the `permissions` item for the server, then
 *    `permission-missing` problems and `over-privileged` warnings;
 * 3. problems of the database list: a failure to read it, and `not-found`
 *    for names in the database filter the server does not have;
 * 4. the server-scope inventory parts, in SERVER_PARTS order, each
 *    followed by the modules it found (Agent job steps);
 * 5. the server triggers;
 * 6. each database in sys.databases order: its `permissions` item and
 *    warnings, its inventory parts in DATABASE_PARTS order, its modules,
 *    then its tables rebuilt as DDL.
 *
 * Failures and what becomes of them:
 * - the session cannot open master or read the server header (login, TLS,
 *   unreachable server): the iteration rejects before any item;
 * - an error of a kind in `stopOn` (by default login-failed, tls and
 *   unreachable) anywhere later: the iteration rejects with it;
 * - any other SqlServerError of a part, of the modules or of the table
 *   definitions (permission denied, timeout, connection lost, failed): a
 *   problem item for that part and database, and collection goes on. A
 *   caller that cannot accept a gap of unknown extent fails the run on
 *   the `timeout` and `connection-lost` problems, or puts those kinds in
 *   `stopOn`;
 * - a database that is not ONLINE, that HAS_DBACCESS reports the login cannot
 *   open, or whose reader rejects with database-unavailable: one problem,
 *   and the database is skipped;
 * - an error that is not a SqlServerError is a bug and rejects.
 *
 * The stream is the same whatever `parallelism` is; see
 * collect/ordered-databases.ts for how databases run ahead and the memory
 * bound.
 *
 * Aborting `signal` cancels the queries still running, which reject with
 * the signal's reason, so the iteration rejects with it at once.
 */

import { readServerModules, SERVER_MODULES_PART } from "./code/modules.js";
import type { CollectedItem, ServerHeader } from "./collected.js";
import { textOf } from "./code/row-values.js";
import { COLLECTOR_GROUPS, DATABASE_LIST_QUERY, SERVER_HEADER_QUERY, type QueryGroup } from "./collector-queries.js";
import {
  databaseEntryOf,
  DATABASE_LIST_PART,
  excludeDatabases,
  selectDatabases,
  type DatabaseEntry,
} from "./collect/databases.js";
import { collectDatabases } from "./collect/ordered-databases.js";
import {
  DEFAULT_PARALLELISM,
  DEFAULT_STOP_ON,
  type CollectOptions,
  type CollectProgress,
  type CollectionStats,
} from "./collect/options.js";
import { problemOrThrow } from "./collect/problems.js";
import { runPart, type PartRun } from "./collect/run-part.js";
import { checkServerPermissions } from "./collect/server-permissions.js";
import { openReader } from "./collect/signal-reader.js";
import { DATABASE_PARTS, SERVER_PARTS } from "./inventory/index.js";
import type { ServerSession, SqlReader } from "./reader.js";

export type { CollectOptions, CollectProgress, CollectionStats } from "./collect/options.js";

/** A collection: iterate it once; `stats` counts what has been emitted so far. */
export interface ServerCollection extends AsyncIterable<CollectedItem> {
  readonly stats: Readonly<CollectionStats>;
}

/**
 * Starts collecting `session`'s server when iterated. The caller owns the
 * session and closes it; the collector releases each database it opened.
 */
export function collectServer(session: ServerSession, options: CollectOptions = {}): ServerCollection {
  checkCount("parallelism", options.parallelism);
  checkCount("tablePageSize", options.tablePageSize);
  const stats: CollectionStats = {
    problems: 0,
    problemsByReason: {},
    modules: 0,
    encryptedModules: 0,
    rebuiltTables: 0,
    databasesCollected: 0,
    databasesSkipped: 0,
  };
  let iterated = false;

  return {
    stats,
    [Symbol.asyncIterator]() {
      if (iterated) {
        throw new Error("a server collection can be iterated once; call collectServer again to collect again");
      }
      iterated = true;
      return counted(collect(session, options, stats), stats)[Symbol.asyncIterator]();
    },
  };
}

/** Throws a RangeError unless `value` is absent or a whole number of at least 1. */
function checkCount(option: string, value: number | undefined): void {
  if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
    throw new RangeError(`invalid ${option} ${value}: give a whole number of at least 1`);
  }
}

async function* counted(
  items: AsyncIterable<CollectedItem>,
  stats: CollectionStats,
): AsyncGenerator<CollectedItem, void, undefined> {
  for await (const item of items) {
    if (item.kind === "problem") {
      stats.problems++;
      const reason = item.problem.reason;
      stats.problemsByReason[reason] = (stats.problemsByReason[reason] ?? 0) + 1;
    } else if (item.kind === "module" && item.module.origin === "rebuilt-table") {
      stats.rebuiltTables++;
    } else if (item.kind === "module" && item.module.origin === "module") {
      stats.modules++;
      if (item.module.definition === null) {
        stats.encryptedModules++;
      }
    }
    yield item;
  }
}

async function* collect(
  session: ServerSession,
  options: CollectOptions,
  stats: CollectionStats,
): AsyncGenerator<CollectedItem, void, undefined> {
  const internal = new AbortController();
  const signal = options.signal === undefined ? internal.signal : AbortSignal.any([options.signal, internal.signal]);
  const parts = options.parts ?? { server: SERVER_PARTS, database: DATABASE_PARTS };
  const groups: readonly QueryGroup[] = [...COLLECTOR_GROUPS, ...parts.server, ...parts.database];
  const stopOn = options.stopOn ?? DEFAULT_STOP_ON;
  const progress = progressCounter(options.onProgress, stats);

  try {
    const master = await openReader(session, undefined, signal);
    const header = await readHeader(master, session.server, options.tlsVerificationDisabled ?? false);
    yield { kind: "server", server: header };

    const run: PartRun = {
      server: session.server,
      context: { majorVersion: majorVersionOf(header.version), edition: header.edition },
      stopOn,
      signal,
    };

    const list = await readDatabaseList(master, run);
    const check = await checkServerPermissions(master, session, list.entries, groups, run);
    yield* check.items;
    yield* list.problems;
    const selection = excludeDatabases(
      selectDatabases(list.entries, options.databases, options.includeSystemDatabases ?? false, session.server),
      options.excludeDatabases,
    );
    yield* selection.problems;

    for (const part of parts.server) {
      yield* await runPart(part, master, run);
    }
    yield* serverModules(master, run, progress);

    const databaseRun = {
      ...run,
      session,
      parts: parts.database,
      groups,
      login: check.login,
      checkedDatabases: check.checkedDatabases,
      progress,
      ...(options.tablePageSize === undefined ? {} : { tablePageSize: options.tablePageSize }),
    };
    const parallelism = options.parallelism ?? DEFAULT_PARALLELISM;
    yield* collectDatabases(selection.selected, databaseRun, parallelism, () => internal.abort());
  } finally {
    internal.abort();
  }
}

async function readHeader(master: SqlReader, address: string, tlsVerificationDisabled: boolean): Promise<ServerHeader> {
  const collectedAt = new Date().toISOString();
  const [row = {}] = await master.all(SERVER_HEADER_QUERY);
  return {
    address,
    name: textOf(row, "server_name") ?? "",
    version: textOf(row, "product_version") ?? "",
    edition: textOf(row, "edition") ?? "",
    collectedAt,
    tlsVerificationDisabled,
  };
}

/** `16.0.4135.4` is 16; 0 when the version cannot be read. */
function majorVersionOf(version: string): number {
  const major = Number.parseInt(version.split(".")[0] ?? "", 10);
  return Number.isNaN(major) ? 0 : major;
}

async function readDatabaseList(
  master: SqlReader,
  run: PartRun,
): Promise<{ entries: DatabaseEntry[]; problems: CollectedItem[] }> {
  try {
    const rows = await master.all(DATABASE_LIST_QUERY);
    return { entries: rows.map(databaseEntryOf), problems: [] };
  } catch (error) {
    const problem = problemOrThrow(error, { server: run.server, part: DATABASE_LIST_PART, stopOn: run.stopOn });
    return { entries: [], problems: [problem] };
  }
}

async function* serverModules(
  master: SqlReader,
  run: PartRun,
  progress: (event: CollectProgress) => void,
): AsyncGenerator<CollectedItem, void, undefined> {
  let modules = 0;
  try {
    for await (const item of readServerModules(master, run.signal)) {
      modules += item.kind === "module" ? 1 : 0;
      yield item;
    }
    progress({ kind: "modules-read", database: "", modules });
  } catch (error) {
    yield problemOrThrow(error, { server: run.server, part: SERVER_MODULES_PART, stopOn: run.stopOn });
  }
}

function progressCounter(
  onProgress: ((event: CollectProgress) => void) | undefined,
  stats: CollectionStats,
): (event: CollectProgress) => void {
  return (event) => {
    if (event.kind === "database-finished") {
      if (event.skipped) {
        stats.databasesSkipped++;
      } else {
        stats.databasesCollected++;
      }
    }
    onProgress?.(event);
  };
}
