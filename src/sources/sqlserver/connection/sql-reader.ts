/**
 * The SqlReader over one database's mssql pool: typed parameters, rows
 * streamed with backpressure, the statement timeout, retries with
 * backoff on transient errors while no row has reached the caller, and
 * cancellation when the session closes or the caller aborts.
 */

import type sql from "mssql";

import type { CatalogQuery } from "../catalog-query.js";
import type { SqlServerError } from "../errors.js";
import type { QueryOptions, QueryParameters, Row, SqlReader } from "../reader.js";
import { classifyError } from "./classify.js";
import { driverErrorDetails } from "./driver-error.js";
import type { ConnectionEventListener } from "./events.js";
import { linkSignals } from "./linked-signal.js";
import { bindParameters, checkParameterNames } from "./parameters.js";
import { backoffDelay, waitBeforeRetry } from "./retry.js";
import { DEFAULT_HIGH_WATER_MARK, StatementTimeoutError, streamRows } from "./row-stream.js";
import type { ConnectionSettings } from "./settings.js";
import { isTransient } from "./transient.js";

export interface SqlReaderContext {
  readonly settings: ConnectionSettings;
  readonly database: string;
  readonly pool: sql.ConnectionPool;
  readonly onEvent?: ConnectionEventListener;
  /** Jitter source, in [0, 1). */
  readonly random?: () => number;
  /** Rows queued before the driver is paused. */
  readonly highWaterMark?: number;
  /** Aborted when the session closes: every query of the reader ends at once. */
  readonly signal?: AbortSignal;
}

export function createSqlReader(context: SqlReaderContext): SqlReader {
  const { settings, database } = context;
  const server = settings.server.text;

  const attempt = (
    query: CatalogQuery,
    parameters: QueryParameters,
    signal: AbortSignal | undefined,
  ): AsyncIterableIterator<Row> => {
    const request = context.pool.request();
    bindParameters(request, parameters);
    return streamRows(request, query.text, {
      highWaterMark: context.highWaterMark ?? DEFAULT_HIGH_WATER_MARK,
      idleTimeoutMs: settings.statementTimeoutMs,
      ...(signal === undefined ? {} : { signal }),
    });
  };

  const classify = (error: unknown, query: CatalogQuery, attempts: number): SqlServerError =>
    classifyError(error, {
      server,
      database,
      queryId: query.id,
      permission: query.permission,
      user: settings.user,
      statementTimeoutMs: settings.statementTimeoutMs,
      connectTimeoutMs: settings.connectTimeoutMs,
      serverName: settings.tls.serverName,
      tlsMode: settings.tls.mode,
      attempts,
      secrets: [settings.password],
    });

  /**
   * Reports a retry and returns the wait before it, or returns undefined
   * when `error` must not be retried: not transient, a timeout, or the
   * retries spent.
   */
  const retryDelay = (error: unknown, query: CatalogQuery, failed: number): number | undefined => {
    if (error instanceof StatementTimeoutError || failed > settings.retry.count) {
      return undefined;
    }
    if (!isTransient(driverErrorDetails(error))) {
      return undefined;
    }

    const delayMs = backoffDelay(settings.retry, failed, context.random);
    context.onEvent?.({
      type: "retry",
      server,
      database,
      queryId: query.id,
      attempt: failed,
      delayMs,
      error: classify(error, query, failed),
    });
    return delayMs;
  };

  async function* rows(
    query: CatalogQuery,
    parameters: QueryParameters = {},
    options: QueryOptions = {},
  ): AsyncGenerator<Row> {
    checkParameterNames(parameters);
    const { signal, dispose } = linkSignals([context.signal, options.signal]);
    try {
      for (let failed = 0; ; ) {
        signal?.throwIfAborted();
        let yielded = 0;
        try {
          for await (const row of attempt(query, parameters, signal)) {
            yielded += 1;
            yield row;
          }
          return;
        } catch (error) {
          // An abort ends the query whatever the driver made of the cancel.
          signal?.throwIfAborted();
          failed += 1;
          const delayMs = yielded === 0 ? retryDelay(error, query, failed) : undefined;
          if (delayMs === undefined) {
            throw classify(error, query, failed);
          }
          await waitBeforeRetry(delayMs, signal);
        }
      }
    } finally {
      dispose();
    }
  }

  // A whole result reaches the caller only at the end, so every failure
  // before then can be retried.
  const all = async (query: CatalogQuery, parameters: QueryParameters = {}, options: QueryOptions = {}): Promise<Row[]> => {
    checkParameterNames(parameters);
    const { signal, dispose } = linkSignals([context.signal, options.signal]);
    try {
      for (let failed = 0; ; ) {
        signal?.throwIfAborted();
        const collected: Row[] = [];
        try {
          for await (const row of attempt(query, parameters, signal)) {
            collected.push(row);
          }
          return collected;
        } catch (error) {
          signal?.throwIfAborted();
          failed += 1;
          const delayMs = retryDelay(error, query, failed);
          if (delayMs === undefined) {
            throw classify(error, query, failed);
          }
          await waitBeforeRetry(delayMs, signal);
        }
      }
    } finally {
      dispose();
    }
  };

  return { server, database, rows, all };
}
