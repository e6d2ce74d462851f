/**
 * Reads databases concurrently and emits them in order.
 *
 * Database i+k starts its prelude (permission check and inventory parts)
 * while database i is still being emitted, for k < parallelism. A
 * database keeps its slot from the start of its prelude until its last
 * item has been emitted, so at most `parallelism` databases have open
 * connections and at most `parallelism` preludes sit in memory. Modules
 * and rebuilt tables are read only for the database being emitted and are
 * streamed, so memory does not grow with the number of modules: the bound
 * is `parallelism` preludes plus one module or one page of tables.
 *
 * The output does not depend on `parallelism`: items are emitted in
 * database order, and a failure that ends the collection is raised when
 * its database's turn comes, after the same items as with parallelism 1.
 */

import type { CollectedItem } from "../collected.js";
import type { DatabaseEntry } from "./databases.js";
import { readCode, readPrelude, type DatabasePrelude, type DatabaseRun } from "./database-phase.js";
import { releaseQuietly } from "./server-permissions.js";

export async function* collectDatabases(
  entries: readonly DatabaseEntry[],
  run: DatabaseRun,
  parallelism: number,
  /** Stops preludes still running when the output ends early. */
  stop: () => void,
): AsyncGenerator<CollectedItem, void, undefined> {
  const count = entries.length;
  const pending: (Promise<DatabasePrelude> | undefined)[] = [];
  let launched = 0;
  let current = 0;

  const launchUpTo = (limit: number): void => {
    while (launched < Math.min(limit, count)) {
      const index = launched++;
      const entry = entries[index]!;
      run.progress({ kind: "database-started", database: entry.name, index, count });
      pending[index] = readPrelude(entry, run);
    }
  };

  try {
    for (; current < count; current++) {
      launchUpTo(current + parallelism);
      const prelude = await pending[current]!;
      pending[current] = undefined;
      yield* emitDatabase(prelude, current, count, run);
    }
  } finally {
    // Preludes still running get the stop signal, which cancels their
    // queries, and release their database when they settle. They are not
    // awaited, because the consumer that stopped should not wait for them.
    stop();
    for (let index = current + 1; index < launched; index++) {
      void pending[index]?.then(async (prelude) => {
        if (prelude.reader !== undefined) {
          await releaseQuietly(run.session, prelude.entry.name);
        }
      });
    }
  }
}

async function* emitDatabase(
  prelude: DatabasePrelude,
  index: number,
  count: number,
  run: DatabaseRun,
): AsyncGenerator<CollectedItem, void, undefined> {
  const { entry, reader } = prelude;
  const counts = { modules: 0, tables: 0 };

  try {
    if (prelude.failure !== undefined) {
      throw prelude.failure;
    }
    yield* prelude.items;
    if (reader !== undefined) {
      yield* readCode(entry, reader, run, counts);
    }
  } finally {
    if (reader !== undefined) {
      await releaseQuietly(run.session, entry.name);
    }
  }

  run.progress({
    kind: "database-finished",
    database: entry.name,
    index,
    count,
    modules: counts.modules,
    tables: counts.tables,
    skipped: reader === undefined,
  });
}
