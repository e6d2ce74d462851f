/**
 * One page of findings as `GET /api/assessments/ID/findings` returns it:
 * `{ total, findings: [...] }`, where `total` counts every finding that
 * matches the filter and `findings` contains those of the requested page.
 */

import { findingsApiUrl, type FindingsQuery } from "./findings-query";

export interface FindingRow {
  readonly featureId: string;
  readonly status: string;
  readonly group: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly object: string;
  readonly message: string;
  /** Link to the finding's source line. */
  readonly href: string;
}

export interface FindingsPage {
  readonly total: number;
  readonly findings: readonly FindingRow[];
}

const TEXT_FIELDS = [
  "featureId",
  "status",
  "group",
  "file",
  "object",
  "message",
  "href",
] as const;

/**
 * Checks a decoded response body and returns it as a page, or throws an
 * error naming the first invalid field.
 */
export function parseFindingsPage(value: unknown): FindingsPage {
  if (typeof value !== "object" || value === null) {
    throw new Error("invalid findings response: expected a JSON object");
  }

  const record = value as Record<string, unknown>;
  if (!isCount(record.total)) {
    throw new Error("invalid findings response: total is not a count");
  }

  if (!Array.isArray(record.findings)) {
    throw new Error("invalid findings response: findings is not an array");
  }

  return {
    total: record.total,
    findings: record.findings.map((item, index) => parseRow(item, index)),
  };
}

function parseRow(value: unknown, index: number): FindingRow {
  if (typeof value !== "object" || value === null) {
    throw new Error(`invalid findings response: findings[${index}] is not an object`);
  }

  const record = value as Record<string, unknown>;
  for (const name of TEXT_FIELDS) {
    if (typeof record[name] !== "string") {
      throw new Error(
        `invalid findings response: findings[${index}].${name} is not a string`,
      );
    }
  }

  for (const name of ["line", "column"] as const) {
    if (!isCount(record[name])) {
      throw new Error(
        `invalid findings response: findings[${index}].${name} is not a count`,
      );
    }
  }

  const text = (name: (typeof TEXT_FIELDS)[number]) => record[name] as string;
  return {
    featureId: text("featureId"),
    status: text("status"),
    group: text("group"),
    file: text("file"),
    line: record.line as number,
    column: record.column as number,
    object: text("object"),
    message: text("message"),
    href: text("href"),
  };
}

function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}

/**
 * Fetches the page of findings that matches `query`, or throws an error
 * with a message to show the user. An aborted request rejects with the
 * signal's reason.
 */
export async function fetchFindingsPage(
  assessmentId: string,
  query: FindingsQuery,
  signal: AbortSignal,
): Promise<FindingsPage> {
  let response: Response;
  try {
    response = await fetch(findingsApiUrl(assessmentId, query), {
      headers: { accept: "application/json" },
      cache: "no-store",
      signal,
    });
  } catch (error) {
    if (signal.aborted) {
      throw error;
    }

    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Could not load findings: the server could not be reached (${reason}).`);
  }

  if (response.status === 401) {
    throw new Error("You are signed out. Sign in again to see the findings.");
  }

  if (!response.ok) {
    throw new Error(
      `Could not load findings: the server returned HTTP ${response.status}.`,
    );
  }

  return parseFindingsPage(await response.json());
}
