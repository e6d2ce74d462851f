import type { AssessedObject, Assessment, AssessmentSummary } from "../assessment/model.js";
import { readRows } from "./bulk.js";
import { readChunks } from "./chunk-rows.js";
import type { SqlSession } from "./connection.js";
import { StoreError } from "./errors.js";
import { readAllFindings } from "./finding-rows.js";
import { readLiveSource } from "./live-inventory.js";
import { readWorkloadSource } from "./workload-inventory.js";
import { readCostSection } from "./cost-inventory.js";
import { readAppCodeSource } from "./app-code-inventory.js";
import { readReadiness } from "./readiness-inventory.js";
import { readDependencyGraph } from "./dependency-inventory.js";
import { decodeObjects } from "./object-chunks.js";
import { openDetails, openError, openSources } from "./sealed-header.js";
import type { RowSealer } from "./sealing.js";
import type { AssessmentListing, AssessmentStatus } from "./store.js";
import {
  INVENTORY,
  OBJECTS,
  PARSE_ERRORS,
  SKIPPED_INPUTS,
  UNITS,
  type TableSpec,
} from "./tables.js";
import { escapeText, unescapeJson, unescapeText } from "./text-escape.js";

/** Rows read per statement. */
export const READ_CHUNK_ROWS = 10_000;

/** Opens the data key of an assessment; rejects with a StoreError. */
export type SealerSource = (assessmentId: string) => Promise<RowSealer>;

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
  readonly error: Uint8Array | null;
  readonly sources: Uint8Array | null;
};

const HEADER_COLUMNS =
  "assessment_key, id, status, " +
  `to_char(started_at at time zone 'UTC', ${ISO_UTC}) as started_at, ` +
  `to_char(finished_at at time zone 'UTC', ${ISO_UTC}) as finished_at, ` +
  "infio_version, target, summary::text as summary, error, sources";

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
  openSealer: SealerSource,
): Promise<Assessment | undefined> {
  // The details name every object, so they travel as base64, for the
  // reason that bulk.ts gives.
  const rows = await session.query<HeaderRow & { details: string | null }>(
    `select ${HEADER_COLUMNS}, encode(details, 'base64') as details ` +
      "from assessments a where id = $1 and status = 'complete'",
    [escapeText(id)],
  );
  if (rows.length === 0) {
    return undefined;
  }

  const header = rows[0];
  const key = Number(header.assessment_key);
  const sealer = await openSealer(unescapeText(header.id));
  const live = await readLiveSource((kind) => readInventory(session, key, kind, sealer));
  const workload = await readWorkloadSource((kind) => readInventory(session, key, kind, sealer));
  const cost = await readCostSection((kind) => readInventory(session, key, kind, sealer));
  const applicationCode = await readAppCodeSource((kind) => readInventory(session, key, kind, sealer));
  const readiness = await readReadiness((kind) => readInventory(session, key, kind, sealer));
  const dependencies = await readDependencyGraph((kind) => readInventory(session, key, kind, sealer));
  return {
    id: unescapeText(header.id),
    startedAt: header.started_at,
    infioVersion: unescapeText(header.infio_version),
    target: unescapeText(header.target),
    sources: openSources(sealer, header.sources),
    summary: parseSummary(header.summary) as AssessmentSummary,
    units: await readAll(session, UNITS, key, sealer),
    objects: await readAllObjects(session, key, sealer),
    findings: await readAllFindings(session, key, sealer),
    parseErrors: await readAll(session, PARSE_ERRORS, key, sealer),
    skipped: await readAll(session, SKIPPED_INPUTS, key, sealer),
    ...openDetails(sealer, header.details === null ? null : Buffer.from(header.details, "base64")),
    ...(live === undefined ? {} : { live }),
    ...(workload === undefined ? {} : { workload }),
    ...(cost === undefined ? {} : { cost }),
    ...(applicationCode === undefined ? {} : { applicationCode }),
    ...(readiness === undefined ? {} : { readiness }),
    ...(dependencies === undefined ? {} : { dependencies }),
  };
}

/**
 * Lists every assessment, newest first. An assessment whose data key cannot
 * be opened is listed without its sources and error, and with the reason in
 * `unreadable`; any other failure rejects.
 */
export async function readListings(
  session: SqlSession,
  openSealer: SealerSource,
): Promise<AssessmentListing[]> {
  const rows = await session.query<HeaderRow>(
    `select ${HEADER_COLUMNS} from assessments a ` +
      "order by started_at desc, assessment_key desc",
  );

  const listings: AssessmentListing[] = [];
  for (const row of rows) {
    const id = unescapeText(row.id);
    const summary = parseSummary(row.summary);
    const base = {
      id,
      status: row.status,
      startedAt: row.started_at,
      ...(row.finished_at === null ? {} : { finishedAt: row.finished_at }),
      infioVersion: unescapeText(row.infio_version),
      target: unescapeText(row.target),
      ...(summary === undefined ? {} : { summary: summary as AssessmentSummary }),
    };

    let sealer: RowSealer;
    try {
      sealer = await openSealer(id);
    } catch (error) {
      if (!(error instanceof StoreError) || error.code !== "key-unavailable") {
        throw error;
      }
      listings.push({ ...base, sources: [], unreadable: error.message });
      continue;
    }
    listings.push({
      ...base,
      sources: openSources(sealer, row.sources),
      ...(row.error === null ? {} : { error: openError(sealer, row.error) }),
    });
  }
  return listings;
}

/** Reads inventory items of one kind in saved order. */
export async function readInventory(
  session: SqlSession,
  key: number,
  kind: string,
  sealer: RowSealer,
): Promise<unknown[]> {
  const rows = await readAll(session, INVENTORY, key, sealer, escapeText(kind));
  return rows.map((row) => unescapeJson(JSON.parse(row.json)));
}

/** Reads all rows of one child table in chunks of {@link READ_CHUNK_ROWS}. */
export async function readAll<T>(
  session: SqlSession,
  spec: TableSpec<T>,
  key: number,
  sealer: RowSealer,
  kind?: string,
): Promise<T[]> {
  const all: T[] = [];
  for (let from = 0; ; from += READ_CHUNK_ROWS) {
    const chunk = await readRows(session, spec, key, from, READ_CHUNK_ROWS, sealer, kind);
    for (const row of chunk) {
      all.push(row);
    }
    // Ordinals are dense from 0, so a short chunk is the last one.
    if (chunk.length < READ_CHUNK_ROWS) {
      return all;
    }
  }
}

/**
 * Reads the objects of an assessment: the rows of `objects`, where infio
 * kept them before schema version 7, then the chunks of `object_chunks`.
 * An assessment has one or the other.
 */
async function readAllObjects(
  session: SqlSession,
  key: number,
  sealer: RowSealer,
): Promise<AssessedObject[]> {
  const all = await readAll(session, OBJECTS, key, sealer);
  for await (const chunk of readChunks(session, "object_chunks", key, sealer, decodeObjects)) {
    for (const object of chunk) {
      all.push(object);
    }
  }
  return all;
}

function parseSummary(json: string | null): unknown {
  return json === null ? undefined : unescapeJson(JSON.parse(json));
}
