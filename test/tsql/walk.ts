/** Test helpers that walk parsed trees and fixture folders. */

import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

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

/** Lists the `.sql` files below `dir`, sorted, at any depth. */
export function sqlFiles(dir: string): string[] {
  let files: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      files = files.concat(sqlFiles(path));
    } else if (name.endsWith(".sql")) {
      files.push(path);
    }
  }
  return files;
}
