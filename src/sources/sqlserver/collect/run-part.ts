/** Runs one inventory part and turns its result, or its failure, into items. */

import type { CollectedItem, InventoryItem } from "../collected.js";
import type { SqlServerErrorKind } from "../errors.js";
import type { InventoryPart, PartContext } from "../inventory/part.js";
import type { SqlReader } from "../reader.js";
import { problemOrThrow } from "./problems.js";

export interface PartRun {
  readonly server: string;
  readonly context: PartContext;
  readonly stopOn: readonly SqlServerErrorKind[];
  readonly signal: AbortSignal;
}

/**
 * Returns the part's inventory item, then the modules it found, or one
 * problem when it fails. Items of a database part get the database's
 * name when the part left it out.
 */
export async function runPart(part: InventoryPart, reader: SqlReader, run: PartRun): Promise<CollectedItem[]> {
  run.signal.throwIfAborted();
  const database = part.scope === "database" ? reader.database : undefined;

  try {
    const result = await part.collect(reader, run.context);
    const items: InventoryItem[] =
      database === undefined
        ? [...result.items]
        : result.items.map((item) => (item.database === undefined ? { database, ...item } : item));
    return [
      { kind: "inventory", part: part.name, items },
      ...(result.modules ?? []).map((module): CollectedItem => ({ kind: "module", module })),
    ];
  } catch (error) {
    return [
      problemOrThrow(error, {
        server: run.server,
        part: part.name,
        ...(database === undefined ? {} : { database }),
        stopOn: run.stopOn,
      }),
    ];
  }
}
