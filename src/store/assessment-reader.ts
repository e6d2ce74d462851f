import type { Assessment, AssessmentSummary } from "../assessment/model.js";
import { readRows } from "./bulk.js";
import type { SqlSession } from "./connection.js";
import { readAllFindings } from "./finding-rows.js";
import { readLiveSource } from "./live-inventory.js";
import type {
  AssessmentDetails,
  AssessmentListing,
  AssessmentStatus,
} from "./store.js";
import {
  INVENTORY,
  OBJECTS,
  PARSE_ERRORS,
  SKIPPED_INPUTS,
  SOURCES,
  UNITS,
  type TableSpec,
} from "./tables.js";
import { escapeText, unescapeJson, unescapeText } from "./text-escape.js";

/** Rows read per statement; about 2 MB of JSON for typical findings. */
export const READ_CHUNK_ROWS = 10_000;

/** `to_char` pattern that renders timestamps as `Date.toISOString()` does. */
const ISO_UTC = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

type HeaderRow = {
  readonly assessment_key: string | number;
  readonly id: string;
  readonly status: AssessmentStatus;
  readonly started_at: string;
  readonly finished_at: string | null;
  readonly infio_version: string;
  readonly target: string;
  readonly summary: string | null;
  readonly error: string | null;
  readonly sources: string;
};

const HEADER_COLUMNS =
  "assessment_key, id, status, " +
  `to_char(started_at at time zone 'UTC', ${ISO_UTC}) as started_at, ` +
  `to_char(finished_at at time zone 'UTC', ${ISO_UTC}) as finished_at, ` +
  "infio_version, target, summary::text as summary, error, " +
  "(select coalesce(json_agg(location order by ordinal), '[]')::text " +
  "from sources s where s.assessment_key = a.assessment_key) as sources";

/** Returns the key of a complete assessment, or undefined. */
export async function findCompleteKey(
  session: SqlSession,
  id: string,
): Promise<number | undefined> {
  const rows = await session.query<{ assessment_key: string | number }>(
    "select assessment_key from assessments " +
      "where id = $1 and status = 'complete'",
    [escapeText(id)],
  );
  return rows.length === 0 ? undefined : Number(rows[0].assessment_key);
}

/** Reads a complete assessment; run it in one snapshot for consistency. */
export async function readAssessment(
  session: SqlSession,
  id: string,
): Promise<Assessment | undefined> {
  const rows = await session.query<HeaderRow>(
    `select ${HEADER_COLUMNS} from assessments a ` +
      "where id = $1 and status = 'complete'",
    [escapeText(id)],
  );
  if (rows.length === 0) {
    return undefined;
  }

  const header = rows[0];
  const key = Number(header.assessment_key);
  const [details] = await session.query<DetailsRow>(
    "select overrides::text as overrides, effort::text as effort, " +
      "comparison::text as comparison from assessments where assessment_key = $1",
    [key],
  );
  const live = await readLiveSource((kind) => readInventory(session, key, kind));
  return {
    id: unescapeText(header.id),
    startedAt: header.started_at,
    infioVersion: unescapeText(header.infio_version),
    target: unescapeText(header.target),
    sources: parseSources(header.sources),
    summary: parseSummary(header.summary) as AssessmentSummary,
    units: await readAll(session, UNITS, key),
    objects: await readAll(session, OBJECTS, key),
    findings: await readAllFindings(session, key),
    parseErrors: await readAll(session, PARSE_ERRORS, key),
    skipped: await readAll(session, SKIPPED_INPUTS, key),
    ...readDetails(details),
    ...(live === undefined ? {} : { live }),
  };
}

type DetailsRow = {
  readonly overrides: string | null;
  readonly effort: string | null;
  readonly comparison: string | null;
};

/** Parses the detail columns; a null column leaves its field out. */
function readDetails(row: DetailsRow | undefined): AssessmentDetails {
  const details: Record<string, unknown> = {};
  for (const name of ["overrides", "effort", "comparison"] as const) {
    const json = row?.[name];
    if (json !== null && json !== undefined) {
      details[name] = unescapeJson(JSON.parse(json));
    }
  }
  return details as AssessmentDetails;
}

/** Lists every assessment, newest first. */
export async function readListings(
  session: SqlSession,
): Promise<AssessmentListing[]> {
  const rows = await session.query<HeaderRow>(
    `select ${HEADER_COLUMNS} from assessments a ` +
      "order by started_at desc, assessment_key desc",
  );

  return rows.map((row) => {
    const summary = parseSummary(row.summary);
    return {
      id: unescapeText(row.id),
      status: row.status,
      startedAt: row.started_at,
      ...(row.finished_at === null ? {} : { finishedAt: row.finished_at }),
      infioVersion: unescapeText(row.infio_version),
      target: unescapeText(row.target),
      sources: parseSources(row.sources),
      ...(summary === undefined
        ? {}
        : { summary: summary as AssessmentSummary }),
      ...(row.error === null ? {} : { error: unescapeText(row.error) }),
    };
  });
}

/** Reads inventory items of one kind in saved order. */
export async function readInventory(
  session: SqlSession,
  key: number,
  kind: string,
): Promise<unknown[]> {
  const rows = await readAll(session, INVENTORY, key, escapeText(kind));
  return rows.map((row) => unescapeJson(JSON.parse(row.json)));
}

/** Reads all rows of one child table in chunks of {@link READ_CHUNK_ROWS}. */
export async function readAll<T>(
  session: SqlSession,
  spec: TableSpec<T>,
  key: number,
  kind?: string,
): Promise<T[]> {
  const all: T[] = [];
  for (let from = 0; ; from += READ_CHUNK_ROWS) {
    const chunk = await readRows(session, spec, key, from, READ_CHUNK_ROWS, kind);
    for (const row of chunk) {
      all.push(row);
    }
    // Ordinals are dense from 0, so a short chunk is the last one.
    if (chunk.length < READ_CHUNK_ROWS) {
      return all;
    }
  }
}

function parseSources(json: string): string[] {
  return (JSON.parse(json) as string[]).map((s) => SOURCES.read([s]));
}

function parseSummary(json: string | null): unknown {
  return json === null ? undefined : unescapeJson(JSON.parse(json));
}
