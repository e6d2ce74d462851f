/** Query helpers shared by the tables of the application model. */

import type { SqlParameter, SqlRow, SqlSession } from "./connection.js";
import { StoreError, describeError } from "./errors.js";
import type { RowStamps } from "./application-model.js";

const UNIQUE_VIOLATION = "23505";

/** Runs one statement; a failure becomes a StoreError `query-failed` naming `action`. */
export async function queryRows<R extends SqlRow>(
  session: SqlSession,
  action: string,
  sql: string,
  parameters: readonly SqlParameter[] = [],
): Promise<R[]> {
  try {
    return await session.query<R>(sql, parameters);
  } catch (error) {
    throw new StoreError("query-failed", `cannot ${action}: ${describeError(error)}`, { cause: error });
  }
}

/** Returns true when `error` is PostgreSQL's unique_violation. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === UNIQUE_VIOLATION;
}

/**
 * Runs one statement that may break a unique index; returns `duplicate`
 * then instead of throwing.
 */
export async function queryUnique<R extends SqlRow>(
  session: SqlSession,
  action: string,
  sql: string,
  parameters: readonly SqlParameter[],
): Promise<R[] | "duplicate"> {
  try {
    return await session.query<R>(sql, parameters);
  } catch (error) {
    if (isUniqueViolation(error)) {
      return "duplicate";
    }
    throw new StoreError("query-failed", `cannot ${action}: ${describeError(error)}`, { cause: error });
  }
}

/** The created and updated columns as a row returns them. */
export type StampColumns = {
  readonly created_by: string;
  readonly created_at: Date | string;
  readonly updated_by: string;
  readonly updated_at: Date | string;
};

export const STAMP_COLUMNS = "created_by, created_at, updated_by, updated_at";

export function stampsOf(row: StampColumns): RowStamps {
  return {
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    updatedBy: row.updated_by,
    updatedAt: new Date(row.updated_at),
  };
}

/** Parses a jsonb value, which PGlite returns parsed and node-postgres may return as text. */
export function jsonOf(value: unknown): unknown {
  return typeof value === "string" ? JSON.parse(value) : value;
}

/** Returns a jsonb array of text as strings. */
export function textListOf(value: unknown): string[] {
  const parsed = jsonOf(value);
  return Array.isArray(parsed) ? parsed.map(String) : [];
}
