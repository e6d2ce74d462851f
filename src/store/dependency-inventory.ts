/**
 * The storage of an assessment's dependency graph in the inventory table,
 * under kinds named `dependencies.*`. Nodes and edges are stored as rows
 * of values in chunks of up to CHUNK_SIZE. Edges name their nodes and files
 * by position, because objects with repeated keys and names take several
 * times the space. The creation order and the unused objects are chunked
 * the same way, and the other results are one item. The live part named `dependencies` keeps the
 * catalog rows under its own kind.
 */

import type {
  CreationStep,
  DependencyEdge,
  DependencyGraph,
  DependencyNode,
  DependencyOrigin,
  NodeScope,
} from "../assessment/dependencies/model.js";
import type { AssessmentWriter } from "./store.js";

/** `{ nodes: NodeRow[] }` items, in graph order. */
export const DEPENDENCY_NODES_KIND = "dependencies.nodes";
/** `{ files: string[], edges: EdgeRow[] }` items; `files` are the chunk's own. */
export const DEPENDENCY_EDGES_KIND = "dependencies.edges";
/** One item: mostUsed and cycles. Its presence marks an assessment with a graph. */
export const DEPENDENCY_RESULTS_KIND = "dependencies.results";
/** `{ unused: number[], steps: StepRow[] }` items: node positions, in order. */
export const DEPENDENCY_ORDER_KIND = "dependencies.order";

const CHUNK_SIZE = 5000;

/** id, type, scope, server, database, schema, name, origins; null for an absent field. */
type NodeRow = [string, string, NodeScope, string | null, string | null, string | null, string, DependencyOrigin[]];

/** from and to as node positions, kind, origins, dynamic, ambiguous, file position or -1, line or 0. */
type EdgeRow = [number, number, string, DependencyOrigin[], 0 | 1, 0 | 1, number, number];

/** step, level, node positions, cycle index or -1. */
type StepRow = [number, number, number[], number];

function nodeRow(node: DependencyNode): NodeRow {
  return [
    node.id,
    node.type,
    node.scope,
    node.server ?? null,
    node.database ?? null,
    node.schema ?? null,
    node.name,
    [...node.origins],
  ];
}

function nodeOf(row: NodeRow): DependencyNode {
  const [id, type, scope, server, database, schema, name, origins] = row;
  return {
    id,
    type,
    scope,
    ...(server === null ? {} : { server }),
    ...(database === null ? {} : { database }),
    ...(schema === null ? {} : { schema }),
    name,
    origins,
  };
}

export async function writeDependencyGraph(writer: AssessmentWriter, graph: DependencyGraph): Promise<void> {
  const positions = new Map(graph.nodes.map((node, at) => [node.id, at]));

  const nodeChunks: { nodes: NodeRow[] }[] = [];
  for (let at = 0; at < graph.nodes.length; at += CHUNK_SIZE) {
    nodeChunks.push({ nodes: graph.nodes.slice(at, at + CHUNK_SIZE).map(nodeRow) });
  }

  const edgeChunks: { files: string[]; edges: EdgeRow[] }[] = [];
  for (let at = 0; at < graph.edges.length; at += CHUNK_SIZE) {
    const files: string[] = [];
    const fileAt = new Map<string, number>();
    const edges = graph.edges.slice(at, at + CHUNK_SIZE).map((edge): EdgeRow => {
      let file = -1;
      if (edge.file !== undefined) {
        file = fileAt.get(edge.file) ?? files.push(edge.file) - 1;
        fileAt.set(edge.file, file);
      }
      return [
        positions.get(edge.from)!,
        positions.get(edge.to)!,
        edge.kind,
        [...edge.origins],
        edge.dynamic === true ? 1 : 0,
        edge.ambiguous === true ? 1 : 0,
        file,
        edge.line ?? 0,
      ];
    });
    edgeChunks.push({ files, edges });
  }

  // The creation order lists every assessed object, so it is chunked and
  // names nodes by position too, rather than being one large item.
  const orderChunks: { unused: number[]; steps: StepRow[] }[] = [];
  const length = Math.max(graph.unused.length, graph.creationOrder.length);
  for (let at = 0; at < length; at += CHUNK_SIZE) {
    orderChunks.push({
      unused: graph.unused.slice(at, at + CHUNK_SIZE).map((id) => positions.get(id)!),
      steps: graph.creationOrder
        .slice(at, at + CHUNK_SIZE)
        .map((step): StepRow => [step.step, step.level, step.nodes.map((id) => positions.get(id)!), step.cycle ?? -1]),
    });
  }

  await writer.addInventory(DEPENDENCY_NODES_KIND, nodeChunks);
  await writer.addInventory(DEPENDENCY_EDGES_KIND, edgeChunks);
  await writer.addInventory(DEPENDENCY_ORDER_KIND, orderChunks);
  await writer.addInventory(DEPENDENCY_RESULTS_KIND, [{ mostUsed: graph.mostUsed, cycles: graph.cycles }]);
}

/**
 * Reads the graph with `readKind`, which returns the items of one kind in
 * saved order; undefined for an assessment stored without one.
 */
export async function readDependencyGraph(
  readKind: (kind: string) => Promise<unknown[]>,
): Promise<DependencyGraph | undefined> {
  const [results] = (await readKind(DEPENDENCY_RESULTS_KIND)) as Pick<DependencyGraph, "mostUsed" | "cycles">[];
  if (results === undefined) {
    return undefined;
  }

  const nodes: DependencyNode[] = [];
  for (const chunk of (await readKind(DEPENDENCY_NODES_KIND)) as { nodes: NodeRow[] }[]) {
    for (const row of chunk.nodes) {
      nodes.push(nodeOf(row));
    }
  }

  const edges: DependencyEdge[] = [];
  for (const chunk of (await readKind(DEPENDENCY_EDGES_KIND)) as { files: string[]; edges: EdgeRow[] }[]) {
    for (const [from, to, kind, origins, dynamic, ambiguous, file, line] of chunk.edges) {
      edges.push({
        from: nodes[from]!.id,
        to: nodes[to]!.id,
        kind,
        origins,
        ...(dynamic === 1 ? { dynamic: true as const } : {}),
        ...(ambiguous === 1 ? { ambiguous: true as const } : {}),
        ...(file === -1 ? {} : { file: chunk.files[file]! }),
        ...(line === 0 ? {} : { line }),
      });
    }
  }
  const unused: string[] = [];
  const creationOrder: CreationStep[] = [];
  for (const chunk of (await readKind(DEPENDENCY_ORDER_KIND)) as { unused: number[]; steps: StepRow[] }[]) {
    for (const at of chunk.unused) {
      unused.push(nodes[at]!.id);
    }
    for (const [step, level, members, cycle] of chunk.steps) {
      creationOrder.push({
        step,
        level,
        nodes: members.map((at) => nodes[at]!.id),
        ...(cycle === -1 ? {} : { cycle }),
      });
    }
  }
  return { nodes, edges, unused, mostUsed: results.mostUsed, cycles: results.cycles, creationOrder };
}
