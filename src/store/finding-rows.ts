/**
 * Reads the `finding_chunks` table (finding-chunks.ts gives the format of a
 * chunk, chunk-rows.ts the way chunks are stored).
 */

import type { Finding } from "../assessment/model.js";
import { readChunks } from "./chunk-rows.js";
import type { SqlSession } from "./connection.js";
import { decodeFindings } from "./finding-chunks.js";
import type { RowSealer } from "./sealing.js";

/** Yields the findings of an assessment in saved order, a stored chunk at a time. */
export function readFindingChunks(
  session: SqlSession,
  assessmentKey: number,
  sealer: RowSealer,
): AsyncGenerator<Finding[]> {
  return readChunks(session, "finding_chunks", assessmentKey, sealer, decodeFindings);
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
