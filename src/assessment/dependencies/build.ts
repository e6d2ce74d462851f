/**
 * Builds the dependency graph of an assessment from the references the
 * workers found in the code and, for a live server or a bundle, from the
 * catalog's dependency rows.
 */

import type { InventoryItem } from "../../sources/sqlserver/collected.js";
import { usage, order } from "./analysis.js";
import { addCatalogObjects, addCatalogReferences } from "./catalog-edges.js";
import { addCodeDefinitions, addCodeReferences, type UnitReferences } from "./code-edges.js";
import type { DependencyGraph } from "./model.js";
import { NodeTable } from "./node-table.js";

/**
 * Builds the graph from every unit's references and the live inventory.
 *
 * NOTE: it runs on the main thread at the end of the run. On the
 * 1,000,000-line corpus of bench/assess.ts (47,000 objects, 70,000 edges,
 * 2 shared cores), building and storing the graph added about 1 s of main
 * thread CPU and 200 MiB of peak RSS. Building it in a worker thread would
 * keep that out of the main heap.
 */
export function buildDependencyGraph(
  units: readonly UnitReferences[],
  inventory: Readonly<Record<string, readonly InventoryItem[]>> = {},
): DependencyGraph {
  const table = new NodeTable();

  // Every definition first, so that a reference finds an object whatever
  // unit defines it.
  addCatalogObjects(table, inventory);
  for (const unit of units) {
    addCodeDefinitions(table, unit);
  }
  for (const unit of units) {
    addCodeReferences(table, unit);
  }
  addCatalogReferences(table, inventory);

  const { nodes, edges } = table.finish();
  const { unused, mostUsed } = usage(nodes, edges);
  const { cycles, creationOrder } = order(nodes, edges);
  return { nodes, edges, unused, mostUsed, cycles, creationOrder };
}
