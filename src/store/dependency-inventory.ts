/**
 * The storage of an assessment's dependency graph in the inventory table,
 * under kinds named `dependencies.*`: nodes and edges in chunks of up to
 * CHUNK_SIZE each (one inventory row per node would make a large graph
 * thousands of sealed rows), and the computed results as one item. The
 * live part named `dependencies` keeps the catalog rows under its own kind.
 */

import type { DependencyGraph, DependencyEdge, DependencyNode } from "../assessment/dependencies/model.js";
import type { AssessmentWriter } from "./store.js";

/** `{ nodes: DependencyNode[] }` items. Their presence marks an assessment with a graph. */
export const DEPENDENCY_NODES_KIND = "dependencies.nodes";
/** `{ edges: DependencyEdge[] }` items. */
export const DEPENDENCY_EDGES_KIND = "dependencies.edges";
/** One item: unused, mostUsed, cycles and creationOrder. */
export const DEPENDENCY_RESULTS_KIND = "dependencies.results";

const CHUNK_SIZE = 2000;

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let at = 0; at < items.length; at += CHUNK_SIZE) {
    result.push(items.slice(at, at + CHUNK_SIZE));
  }
  return result;
}

export async function writeDependencyGraph(writer: AssessmentWriter, graph: DependencyGraph): Promise<void> {
  await writer.addInventory(DEPENDENCY_NODES_KIND, chunks(graph.nodes).map((nodes) => ({ nodes })));
  await writer.addInventory(DEPENDENCY_EDGES_KIND, chunks(graph.edges).map((edges) => ({ edges })));
  await writer.addInventory(DEPENDENCY_RESULTS_KIND, [
    {
      unused: graph.unused,
      mostUsed: graph.mostUsed,
      cycles: graph.cycles,
      creationOrder: graph.creationOrder,
    },
  ]);
}

/**
 * Reads the graph with `readKind`, which returns the items of one kind in
 * saved order; undefined for an assessment stored without one.
 */
export async function readDependencyGraph(
  readKind: (kind: string) => Promise<unknown[]>,
): Promise<DependencyGraph | undefined> {
  const [results] = (await readKind(DEPENDENCY_RESULTS_KIND)) as Omit<DependencyGraph, "nodes" | "edges">[];
  if (results === undefined) {
    return undefined;
  }
  const nodes: DependencyNode[] = [];
  for (const chunk of (await readKind(DEPENDENCY_NODES_KIND)) as { nodes: DependencyNode[] }[]) {
    nodes.push(...chunk.nodes);
  }
  const edges: DependencyEdge[] = [];
  for (const chunk of (await readKind(DEPENDENCY_EDGES_KIND)) as { edges: DependencyEdge[] }[]) {
    edges.push(...chunk.edges);
  }
  return { nodes, edges, ...results };
}
