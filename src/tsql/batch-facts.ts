/**
 * Facts the parser records about each batch as it builds the tree, kept
 * beside the tree instead of in it so the tree's shape stays as documented.
 * An analysis that would otherwise walk a batch to learn them reads them
 * here. Only `parse` makes Batch nodes, so every batch has its facts.
 */

import type { Batch } from "./ast/statements.js";

/** Only batches that read `@@` variables get an entry, to keep the map small. */
const systemVariables = new WeakMap<Batch, ReadonlySet<string>>();

const NONE: ReadonlySet<string> = new Set();

/** Stores the upper-case names of the `@@` variables that `batch` reads. */
export function recordSystemVariables(batch: Batch, names: ReadonlySet<string> | undefined): void {
  if (names !== undefined && names.size > 0) {
    systemVariables.set(batch, names);
  }
}

/**
 * Upper-case names of the `@@` variables read in `batch`, each one a
 * GlobalVariableReference node. The set may also name variables of a
 * statement that failed to parse and left no node.
 */
export function systemVariablesOf(batch: Batch): ReadonlySet<string> {
  return systemVariables.get(batch) ?? NONE;
}
