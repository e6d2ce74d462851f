/**
 * The storage of an assessment's data-migration readiness in the
 * inventory table, computed when the assessment ran: one `readiness.summary`
 * item (target, thresholds, biggest tables, strategy counts, missing parts)
 * and the items under `readiness.items`. Scripts with thousands of tables
 * give tens of thousands of items whose texts repeat. So each row contains
 * a chunk of items as zlib-compressed JSON in base64, and the store seals
 * it like every inventory row.
 */

import type { Readiness, ReadinessItem } from "../assessment/readiness/model.js";
import { packChunk, unpackChunk } from "./chunk-packing.js";
import { StoreError } from "./errors.js";
import type { AssessmentWriter } from "./store.js";

/** One item: the Readiness without its items. Its presence marks an assessment with readiness. */
export const READINESS_SUMMARY_KIND = "readiness.summary";
/** Rows of `{ zlib }`: base64 of the compressed JSON array of up to ITEMS_PER_ROW items, in report order. */
export const READINESS_ITEMS_KIND = "readiness.items";

const ITEMS_PER_ROW = 2000;

interface ItemsRow {
  readonly zlib: string;
}

export async function writeReadiness(writer: AssessmentWriter, readiness: Readiness): Promise<void> {
  const { items, ...summary } = readiness;
  const rows: ItemsRow[] = [];
  for (let start = 0; start < items.length; start += ITEMS_PER_ROW) {
    const json = JSON.stringify(items.slice(start, start + ITEMS_PER_ROW));
    rows.push({ zlib: Buffer.from(packChunk(json)).toString("base64") });
  }
  await writer.addInventory(READINESS_SUMMARY_KIND, [summary]);
  await writer.addInventory(READINESS_ITEMS_KIND, rows);
}

/**
 * Reads the readiness with `readKind`, which returns the items of one kind
 * in saved order; undefined for an assessment without it.
 */
export async function readReadiness(
  readKind: (kind: string) => Promise<unknown[]>,
): Promise<Readiness | undefined> {
  const [summary] = await readKind(READINESS_SUMMARY_KIND);
  if (summary === undefined) {
    return undefined;
  }

  const items: ReadinessItem[] = [];
  for (const row of await readKind(READINESS_ITEMS_KIND)) {
    const packed = (row as Partial<ItemsRow>).zlib;
    if (typeof packed !== "string") {
      throw new StoreError("invalid-data", `invalid row of inventory kind '${READINESS_ITEMS_KIND}': the zlib text is missing; the store is damaged or was written by another program`);
    }
    items.push(...(JSON.parse(unpackChunk(Buffer.from(packed, "base64"))) as ReadinessItem[]));
  }
  return { ...(summary as Omit<Readiness, "items">), items };
}
