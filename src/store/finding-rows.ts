/**
 * Reads and writes the `finding_chunks` table (finding-chunks.ts gives the
 * format of a chunk).
 */

import type { Finding } from "../assessment/model.js";
import type { SqlSession } from "./connection.js";
import { decodeFindings, type FindingChunk } from "./finding-chunks.js";

/** Chunk rows fetched per statement while reading. */
const CHUNKS_PER_READ = 16;

/** Stores one chunk whose first finding has ordinal `firstOrdinal`. */
export async function insertFindingChunk(
  session: SqlSession,
  assessmentKey: number,
  firstOrdinal: number,
  chunk: FindingChunk,
): Promise<void> {
  if (chunk.count === 0) {
    return;
  }

  await session.query(
    "insert into finding_chunks " +
      "(assessment_key, first_ordinal, row_count, data) " +
      "values ($1, $2, $3, $4)",
    [assessmentKey, firstOrdinal, chunk.count, chunk.data],
  );
}

/** Yields the findings of an assessment in saved order, a stored chunk at a time. */
export async function* readFindingChunks(
  session: SqlSession,
  assessmentKey: number,
): AsyncGenerator<Finding[]> {
  let from = 0;
  for (;;) {
    const rows = await session.query<{
      first_ordinal: number;
      row_count: number;
      data: string;
    }>(
      "select first_ordinal, row_count, data from finding_chunks " +
        "where assessment_key = $1 and first_ordinal >= $2 " +
        "order by first_ordinal limit $3",
      [assessmentKey, from, CHUNKS_PER_READ],
    );

    for (const row of rows) {
      yield decodeFindings(row.data);
      from = Number(row.first_ordinal) + Number(row.row_count);
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
): Promise<Finding[]> {
  const all: Finding[] = [];
  for await (const chunk of readFindingChunks(session, assessmentKey)) {
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
