/**
 * Reads and writes the `finding_chunks` table (finding-chunks.ts gives the
 * format of a chunk). Each chunk is stored sealed, bound to its first
 * ordinal and row count.
 */

import type { Finding } from "../assessment/model.js";
import type { SqlSession } from "./connection.js";
import { decodeFindings, type FindingChunk } from "./finding-chunks.js";
import type { RowSealer } from "./sealing.js";

const TABLE = "finding_chunks";

/** Returns the id a chunk's sealed data is bound to. */
export function chunkId(firstOrdinal: number, count: number): string {
  return `${firstOrdinal}+${count}`;
}

/** Chunk rows fetched per statement while reading. */
const CHUNKS_PER_READ = 16;

/** Stores one chunk whose first finding has ordinal `firstOrdinal`. */
export async function insertFindingChunk(
  session: SqlSession,
  assessmentKey: number,
  firstOrdinal: number,
  chunk: FindingChunk,
  sealer: RowSealer,
): Promise<void> {
  if (chunk.count === 0) {
    return;
  }

  const id = chunkId(firstOrdinal, chunk.count);
  // Sent as base64 for PGlite's sake, as bulk.ts explains.
  const sealed = sealer.seal(TABLE, id, chunk.data).toString("base64");
  await session.query(
    "insert into finding_chunks " +
      "(assessment_key, first_ordinal, row_count, sealed) " +
      "values ($1, $2, $3, decode($4, 'base64'))",
    [assessmentKey, firstOrdinal, chunk.count, sealed],
  );
}

/** Yields the findings of an assessment in saved order, a stored chunk at a time. */
export async function* readFindingChunks(
  session: SqlSession,
  assessmentKey: number,
  sealer: RowSealer,
): AsyncGenerator<Finding[]> {
  let from = 0;
  for (;;) {
    const rows = await session.query<{
      first_ordinal: number;
      row_count: number;
      sealed: string;
    }>(
      "select first_ordinal, row_count, encode(sealed, 'base64') as sealed " +
        "from finding_chunks " +
        "where assessment_key = $1 and first_ordinal >= $2 " +
        "order by first_ordinal limit $3",
      [assessmentKey, from, CHUNKS_PER_READ],
    );

    for (const row of rows) {
      const first = Number(row.first_ordinal);
      const count = Number(row.row_count);
      // Chunks follow each other without gaps; a gap means a deleted row.
      if (first !== from) {
        throw new Error(
          `findings ${from} to ${first - 1} of assessment '${sealer.assessmentId}' ` +
            "are missing; the store was altered, so restore it from a backup",
        );
      }
      const sealed = Buffer.from(row.sealed, "base64");
      yield decodeFindings(sealer.openText(TABLE, chunkId(first, count), sealed));
      from = first + count;
    }
    if (rows.length < CHUNKS_PER_READ) {
      return;
    }
  }
}

/** Reads every finding of an assessment in saved order. */
export async function readAllFindings(
  session: SqlSession,
  assessmentKey: number,
  sealer: RowSealer,
): Promise<Finding[]> {
  const all: Finding[] = [];
  for await (const chunk of readFindingChunks(session, assessmentKey, sealer)) {
    for (const finding of chunk) {
      all.push(finding);
    }
  }
  return all;
}

/**
 * Regroups chunks of any size into chunks of exactly `size` findings,
 * the last one shorter.
 */
export async function* rechunk(
  chunks: AsyncIterable<readonly Finding[]>,
  size: number,
): AsyncGenerator<Finding[]> {
  let pending: Finding[] = [];
  for await (const chunk of chunks) {
    for (const finding of chunk) {
      pending.push(finding);
      if (pending.length === size) {
        yield pending;
        pending = [];
      }
    }
  }
  if (pending.length > 0) {
    yield pending;
  }
}
