/** Test helpers that walk a parsed tree generically. */

import type { Batch } from "../../src/tsql/ast/statements.js";

/** Calls `visit` on every node object below `value`. */
export function forEachNode(value: unknown, visit: (node: { kind: string }) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) {
      forEachNode(item, visit);
    }
    return;
  }
  if (value === null || typeof value !== "object") {
    return;
  }
  const record = value as Record<string, unknown>;
  if (typeof record["kind"] === "string") {
    visit(record as { kind: string });
  }
  for (const child of Object.values(record)) {
    if (child !== null && typeof child === "object") {
      forEachNode(child, visit);
    }
  }
}

export function countErrorNodes(batches: readonly Batch[]): number {
  let count = 0;
  forEachNode(batches, (node) => {
    if (node.kind === "ErrorStatement") {
      count++;
    }
  });
  return count;
}
