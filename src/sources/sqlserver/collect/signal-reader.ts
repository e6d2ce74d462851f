/**
 * Readers whose queries end when the collection is aborted, or stops
 * because its consumer stopped: a running request is cancelled at once
 * instead of running on until its statement timeout.
 */

import type { QueryOptions, ServerSession, SqlReader } from "../reader.js";

/** Returns `reader` with `signal` added to the options of every query. */
export function readerWithSignal(reader: SqlReader, signal: AbortSignal): SqlReader {
  const withSignal = (options: QueryOptions | undefined): QueryOptions => ({
    signal: options?.signal === undefined ? signal : AbortSignal.any([signal, options.signal]),
  });
  return {
    server: reader.server,
    database: reader.database,
    rows: (query, parameters, options) => reader.rows(query, parameters, withSignal(options)),
    all: (query, parameters, options) => reader.all(query, parameters, withSignal(options)),
  };
}

/**
 * Opens `database` (master when undefined) and returns its reader bound to
 * `signal`. A database opened after the signal aborted stays open; its
 * first query rejects, and the caller releases it as after any failure.
 */
export async function openReader(
  session: ServerSession,
  database: string | undefined,
  signal: AbortSignal,
): Promise<SqlReader> {
  signal.throwIfAborted();
  return readerWithSignal(await session.reader(database), signal);
}
