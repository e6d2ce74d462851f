/**
 * Timeouts, retries and parallelism from the command line and the
 * connection string, with their defaults.
 */

import type { ConnectionStringSettings } from "./connection-string.js";
import {
  CONNECT_TIMEOUT_RANGE,
  CONNECTIONS_PER_DATABASE_RANGE,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_CONNECTIONS_PER_DATABASE,
  DEFAULT_MAX_OPEN_DATABASES,
  DEFAULT_RETRY_COUNT,
  DEFAULT_RETRY_DELAY_MS,
  DEFAULT_STATEMENT_TIMEOUT_MS,
  MAX_RETRY_DELAY_MS,
  OPEN_DATABASES_RANGE,
  RETRY_COUNT_RANGE,
  RETRY_DELAY_RANGE,
  STATEMENT_TIMEOUT_RANGE,
} from "./defaults.js";
import { parseCount, parseDuration } from "./numbers.js";
import { pickSetting } from "./pick-setting.js";

export interface LimitOptions {
  /** `--connect-timeout`, seconds or with a unit (`30s`, `500ms`). */
  readonly connectTimeout?: string | number;
  /** `--timeout`: the statement timeout, seconds or with a unit. */
  readonly statementTimeout?: string | number;
  /** `--retries`: attempts after the first on a transient error. */
  readonly retries?: string | number;
  /** `--retry-delay`: first backoff delay, milliseconds or with a unit. */
  readonly retryDelay?: string | number;
  /** `--max-databases`: databases read at once. */
  readonly maxOpenDatabases?: string | number;
  /** `--connections-per-database`. */
  readonly connectionsPerDatabase?: string | number;
}

export interface RetrySettings {
  /** Attempts after the first one; 0 turns retries off. */
  readonly count: number;
  /** Delay before the first retry; it doubles for each further one. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export interface Limits {
  readonly connectTimeoutMs: number;
  /** Limit on the wait for a query's next rows. */
  readonly statementTimeoutMs: number;
  readonly retry: RetrySettings;
  /** Databases with open connections at once, master not counted. */
  readonly maxOpenDatabases: number;
  readonly connectionsPerDatabase: number;
}

export function parseLimits(options: LimitOptions, fromString: ConnectionStringSettings): Limits {
  // Connection string timeouts are whole seconds, so both values are
  // shown in seconds when they differ.
  const connectTimeoutMs = pickSetting(
    "--connect-timeout",
    optional(options.connectTimeout, (value) =>
      parseDuration("--connect-timeout", value, { ...CONNECT_TIMEOUT_RANGE, unit: "s" }),
    ),
    "Connect Timeout",
    fromString.connectTimeoutMs,
    undefined,
    inSeconds,
  );
  const statementTimeoutMs = pickSetting(
    "--timeout",
    optional(options.statementTimeout, (value) =>
      parseDuration("--timeout", value, { ...STATEMENT_TIMEOUT_RANGE, unit: "s" }),
    ),
    "Command Timeout",
    fromString.statementTimeoutMs,
    undefined,
    inSeconds,
  );

  const retryCount = optional(options.retries, (value) =>
    parseCount("--retries", value, RETRY_COUNT_RANGE.min, RETRY_COUNT_RANGE.max),
  );
  const retryDelayMs = optional(options.retryDelay, (value) =>
    parseDuration("--retry-delay", value, { ...RETRY_DELAY_RANGE, unit: "ms" }),
  );

  const maxOpenDatabases = optional(options.maxOpenDatabases, (value) =>
    parseCount("--max-databases", value, OPEN_DATABASES_RANGE.min, OPEN_DATABASES_RANGE.max),
  );
  const connectionsPerDatabase = optional(options.connectionsPerDatabase, (value) =>
    parseCount(
      "--connections-per-database",
      value,
      CONNECTIONS_PER_DATABASE_RANGE.min,
      CONNECTIONS_PER_DATABASE_RANGE.max,
    ),
  );

  return {
    connectTimeoutMs: connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
    retry: {
      count: retryCount ?? DEFAULT_RETRY_COUNT,
      baseDelayMs: retryDelayMs ?? DEFAULT_RETRY_DELAY_MS,
      maxDelayMs: MAX_RETRY_DELAY_MS,
    },
    maxOpenDatabases: maxOpenDatabases ?? DEFAULT_MAX_OPEN_DATABASES,
    connectionsPerDatabase: connectionsPerDatabase ?? DEFAULT_CONNECTIONS_PER_DATABASE,
  };
}

function inSeconds(ms: number): string {
  return String(ms / 1000);
}

function optional<T>(value: string | number | undefined, parse: (value: string | number) => T): T | undefined {
  return value === undefined ? undefined : parse(value);
}
