/**
 * The SqlReader over one database's mssql pool: typed parameters, rows
 * streamed with backpressure, the statement timeout, and retries with
 * backoff on transient errors while no row has reached the caller.
 */

import type sql from "mssql";

import type { CatalogQuery } from "../catalog-query.js";
import type { SqlServerError } from "../errors.js";
import type { QueryParameters, Row, SqlReader } from "../reader.js";
import { classifyError } from "./classify.js";
import { driverErrorDetails } from "./driver-error.js";
import type { ConnectionEventListener } from "./events.js";
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
}

export function createSqlReader(context: SqlReaderContext): SqlReader {
  const { settings, database } = context;
  const server = settings.server.text;

  const attempt = (query: CatalogQuery, parameters: QueryParameters): AsyncIterableIterator<Row> => {
    const request = context.pool.request();
    bindParameters(request, parameters);
    return streamRows(request, query.text, {
      highWaterMark: context.highWaterMark ?? DEFAULT_HIGH_WATER_MARK,
      idleTimeoutMs: settings.statementTimeoutMs,
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

  async function* rows(query: CatalogQuery, parameters: QueryParameters = {}): AsyncGenerator<Row> {
    checkParameterNames(parameters);
    for (let failed = 0; ; ) {
      let yielded = 0;
      try {
        for await (const row of attempt(query, parameters)) {
          yielded += 1;
          yield row;
        }
        return;
      } catch (error) {
        failed += 1;
        const delayMs = yielded === 0 ? retryDelay(error, query, failed) : undefined;
        if (delayMs === undefined) {
          throw classify(error, query, failed);
        }
        await waitBeforeRetry(delayMs);
      }
    }
  }

  // A whole result reaches the caller only at the end, so every failure
  // before then can be retried.
  const all = async (query: CatalogQuery, parameters: QueryParameters = {}): Promise<Row[]> => {
    checkParameterNames(parameters);
    for (let failed = 0; ; ) {
      const collected: Row[] = [];
      try {
        for await (const row of attempt(query, parameters)) {
          collected.push(row);
        }
        return collected;
      } catch (error) {
        failed += 1;
        const delayMs = retryDelay(error, query, failed);
        if (delayMs === undefined) {
          throw classify(error, query, failed);
        }
        await waitBeforeRetry(delayMs);
      }
    }
  };

  return { server, database, rows, all };
}
