/**
 * The stored form of the objects that code units define, such as tables,
 * procedures and views: one `object_chunks` row per chunk of consecutive
 * objects. Its plaintext is a JSON array with one array of fields per
 * object, laid out as tables.ts lays out an `objects` row, and compressed
 * by chunk-packing.ts. A million-line assessment defines tens of thousands
 * of objects, and sealing and inserting each as a row took 0.6 to 0.9 s of
 * the main thread.
 *
 * Assessments stored before schema version 7 keep their objects in
 * `objects`, one sealed row each; readers take both tables.
 */

import type { AssessedObject } from "../assessment/model.js";
import { packChunk } from "./chunk-packing.js";
import { OBJECTS } from "./tables.js";

/** Objects encoded for one `object_chunks` row. */
export interface ObjectChunk {
  readonly count: number;
  /** The JSON text, compressed as the store keeps it. */
  readonly packed: Uint8Array;
}

/** Encodes objects as one chunk; throws StoreError for a value the store cannot keep. */
export function encodeObjects(objects: readonly AssessedObject[]): ObjectChunk {
  const rows = objects.map(OBJECTS.values);
  return { count: objects.length, packed: packChunk(JSON.stringify(rows)) };
}

/** Decodes the JSON text of a chunk. */
export function decodeObjects(json: string): AssessedObject[] {
  const rows = JSON.parse(json) as unknown[][];
  return rows.map(OBJECTS.build);
}
