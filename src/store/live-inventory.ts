/**
 * How the inventory table stores the live part of an assessment (server
 * header, inventory, collection problems). Each inventory part is stored
 * under its own name as the kind. Three more kinds are named `live.*`, a
 * prefix that no part name may use.
 */

import type { LiveSource } from "../assessment/model.js";
import type {
  CollectionProblem,
  InventoryItem,
  ServerHeader,
} from "../sources/sqlserver/collected.js";
import { StoreError } from "./errors.js";
import type { AssessmentWriter } from "./store.js";

/** One item: the ServerHeader. Its presence marks a live assessment. */
export const LIVE_SERVER_KIND = "live.server";
/** Part names in collection order, each once. */
export const LIVE_PARTS_KIND = "live.parts";
/** CollectionProblem items in collection order. */
export const LIVE_PROBLEMS_KIND = "live.problems";

const RESERVED_PREFIX = "live.";

/** Throws when a part name would take one of the `live.*` kinds. */
export function checkPartName(part: string): void {
  if (part === "" || part.startsWith(RESERVED_PREFIX)) {
    throw new StoreError(
      "invalid-data",
      `invalid inventory part name '${part}': names are not empty and do ` +
        `not start with '${RESERVED_PREFIX}', which the store keeps for itself`,
    );
  }
}

/** Writes a whole LiveSource, for stores that save an assessment at once. */
export async function writeLiveSource(
  writer: AssessmentWriter,
  live: LiveSource,
): Promise<void> {
  await writer.addInventory(LIVE_SERVER_KIND, [live.server]);

  const parts = Object.keys(live.inventory);
  parts.forEach(checkPartName);
  await writer.addInventory(LIVE_PARTS_KIND, parts);
  for (const part of parts) {
    await writer.addInventory(part, live.inventory[part] ?? []);
  }
  await writer.addInventory(LIVE_PROBLEMS_KIND, live.problems);
}

/**
 * Reads the live part of an assessment with `readKind`, which returns the
 * items of one kind in saved order; undefined for an assessment of scripts.
 */
export async function readLiveSource(
  readKind: (kind: string) => Promise<unknown[]>,
): Promise<LiveSource | undefined> {
  const [server] = await readKind(LIVE_SERVER_KIND);
  if (server === undefined) {
    return undefined;
  }

  const parts = (await readKind(LIVE_PARTS_KIND)) as string[];
  const inventory: Record<string, readonly InventoryItem[]> = {};
  for (const part of parts) {
    inventory[part] = (await readKind(part)) as InventoryItem[];
  }
  const problems = await readKind(LIVE_PROBLEMS_KIND);

  return {
    server: server as ServerHeader,
    inventory,
    problems: problems as CollectionProblem[],
  };
}
