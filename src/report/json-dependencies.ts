/**
 * The dependency graph in JSON: the `dependencies` member of
 * assessment.json, and dependencies.json, which contains the same graph with
 * the assessment's id for tools that only want the graph. Lists have one
 * record per line, as the rest of assessment.json does.
 */

import type { DependencyGraph } from "../assessment/dependencies/model.js";
import type { Assessment } from "../assessment/model.js";

/** File name of the graph written beside assessment.json. */
export const DEPENDENCIES_FILE = "dependencies.json";

function indent(depth: number): string {
  return "  ".repeat(depth);
}

function* list(name: string, items: readonly unknown[], depth: number): Generator<string> {
  if (items.length === 0) {
    yield `${indent(depth)}${JSON.stringify(name)}: []`;
    return;
  }
  yield `${indent(depth)}${JSON.stringify(name)}: [\n`;
  let first = true;
  for (const item of items) {
    yield `${first ? "" : ",\n"}${indent(depth + 1)}${JSON.stringify(item)}`;
    first = false;
  }
  yield `\n${indent(depth)}]`;
}

/** Yields the graph's members at `depth`, separated by commas, with no closing brace. */
function* graphMembers(graph: DependencyGraph, depth: number): Generator<string> {
  const lists: [string, readonly unknown[]][] = [
    ["nodes", graph.nodes],
    ["edges", graph.edges],
    ["unused", graph.unused],
    ["mostUsed", graph.mostUsed],
    ["cycles", graph.cycles],
    ["creationOrder", graph.creationOrder],
  ];
  let first = true;
  for (const [name, items] of lists) {
    if (!first) {
      yield ",\n";
    }
    yield* list(name, items, depth);
    first = false;
  }
}

/** Yields `"dependencies": {...},` for assessment.json, followed by a comma as the other details are. */
export function* dependenciesMember(graph: DependencyGraph): Generator<string> {
  yield `${indent(1)}"dependencies": {\n`;
  yield* graphMembers(graph, 2);
  yield `\n${indent(1)}},\n`;
}

/** Yields dependencies.json; empty lists when the assessment has no graph. */
export function* dependencyJsonParts(a: Assessment): Generator<string> {
  const graph: DependencyGraph = a.dependencies ?? {
    nodes: [],
    edges: [],
    unused: [],
    mostUsed: [],
    cycles: [],
    creationOrder: [],
  };
  yield "{\n";
  yield `${indent(1)}"assessmentId": ${JSON.stringify(a.id)},\n`;
  yield `${indent(1)}"target": ${JSON.stringify(a.target)},\n`;
  yield* graphMembers(graph, 1);
  yield "\n}\n";
}
