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
