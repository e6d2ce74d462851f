/**
 * Defaults and accepted ranges of the connection settings. The ranges
 * keep infio polite to a production server: no wait without end, no
 * retry storm, a bounded number of sessions.
 */

import type { DurationRange } from "./numbers.js";

/** 15 seconds, the default Connect Timeout of SqlClient. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 15_000;

/**
 * 30 seconds, the default Command Timeout of Microsoft.Data.SqlClient
 * (SqlConnection.CommandTimeout on Microsoft Learn). A catalog query that
 * needs longer on a very large database can get it with the option.
 */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;

export const DEFAULT_RETRY_COUNT = 3;
export const DEFAULT_RETRY_DELAY_MS = 500;
/** Maximum wait between two attempts, whatever the attempt number. */
export const MAX_RETRY_DELAY_MS = 30_000;

/** Databases whose connections are open at once, master not counted. */
export const DEFAULT_MAX_OPEN_DATABASES = 4;
export const DEFAULT_CONNECTIONS_PER_DATABASE = 2;

export const CONNECT_TIMEOUT_RANGE: Omit<DurationRange, "unit"> = { minMs: 1_000, maxMs: 600_000 };
export const STATEMENT_TIMEOUT_RANGE: Omit<DurationRange, "unit"> = { minMs: 100, maxMs: 3_600_000 };
export const RETRY_DELAY_RANGE: Omit<DurationRange, "unit"> = { minMs: 10, maxMs: MAX_RETRY_DELAY_MS };

export const RETRY_COUNT_RANGE = { min: 0, max: 10 } as const;
export const OPEN_DATABASES_RANGE = { min: 1, max: 64 } as const;
export const CONNECTIONS_PER_DATABASE_RANGE = { min: 1, max: 16 } as const;
