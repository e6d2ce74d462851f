/**
 * What the graph tells a migration: unused objects, the most used ones,
 * cycles, and the order in which to create the assessed objects.
 */

import { stronglyConnectedComponents } from "./components.js";
import type { CreationStep, DependencyCycle, DependencyEdge, DependencyNode, FanIn } from "./model.js";
import { compareText } from "./node-table.js";
import { PriorityQueue } from "./priority-queue.js";

/** The longest list of most used objects kept. */
export const MAX_MOST_USED = 25;

/**
 * Creation rank by type: types and sequences first, then tables, synonyms,
 * functions, views, procedures and triggers. The order applies between
 * objects that do not depend on each other; edges always win.
 */
const TYPE_RANK: Readonly<Record<string, number>> = {
  type: 0,
  sequence: 1,
  table: 2,
  synonym: 3,
  function: 4,
  view: 5,
  procedure: 6,
  trigger: 7,
};

function rankOf(type: string): number {
  return TYPE_RANK[type] ?? 8;
}

/** Edges that do not count as a use: a trigger's table does not use the trigger, nor the reverse. */
function countsAsUse(edge: DependencyEdge): boolean {
  return edge.from !== edge.to && edge.kind !== "trigger";
}

export function usage(nodes: readonly DependencyNode[], edges: readonly DependencyEdge[]): { unused: string[]; mostUsed: FanIn[] } {
  const users = new Map<string, Set<string>>();
  for (const edge of edges) {
    if (!countsAsUse(edge)) {
      continue;
    }
    let set = users.get(edge.to);
    if (set === undefined) {
      set = new Set();
      users.set(edge.to, set);
    }
    set.add(edge.from);
  }

  const unused = nodes
    .filter((node) => node.scope === "assessed" && node.type !== "trigger" && !users.has(node.id))
    .map((node) => node.id);
  const mostUsed = nodes
    .map((node) => ({ id: node.id, type: node.type, usedBy: users.get(node.id)?.size ?? 0 }))
    .filter((entry) => entry.usedBy >= 2)
    .sort((a, b) => b.usedBy - a.usedBy || compareText(a.id, b.id))
    .slice(0, MAX_MOST_USED);
  return { unused, mostUsed };
}

export interface Ordering {
  readonly cycles: DependencyCycle[];
  readonly creationOrder: CreationStep[];
}

/** Finds the cycles among assessed objects and orders them for creation. */
export function order(nodes: readonly DependencyNode[], edges: readonly DependencyEdge[]): Ordering {
  const assessed = nodes.filter((node) => node.scope === "assessed");
  const position = new Map(assessed.map((node, at) => [node.id, at]));
  const next: number[][] = assessed.map(() => []);
  const internal: DependencyEdge[] = [];
  for (const edge of edges) {
    const from = position.get(edge.from);
    const to = position.get(edge.to);
    if (from !== undefined && to !== undefined) {
      next[from]!.push(to);
      internal.push(edge);
    }
  }

  const component = stronglyConnectedComponents(assessed.length, next);
  let count = 0;
  for (const c of component) {
    count = Math.max(count, c + 1);
  }
  const members: DependencyNode[][] = Array.from({ length: count }, () => []);
  assessed.forEach((node, at) => members[component[at]!]!.push(node));
  for (const group of members) {
    group.sort((a, b) => rankOf(a.type) - rankOf(b.type) || compareText(a.id, b.id));
  }

  // Dependencies between components, and the edges inside each.
  const needs: Set<number>[] = members.map(() => new Set());
  const dependents: number[][] = members.map(() => []);
  const inside: DependencyEdge[][] = members.map(() => []);
  for (const edge of internal) {
    const from = component[position.get(edge.from)!]!;
    const to = component[position.get(edge.to)!]!;
    if (from === to) {
      inside[from]!.push(edge);
    } else if (!needs[from]!.has(to)) {
      needs[from]!.add(to);
      dependents[to]!.push(from);
    }
  }

  const cycleOf = new Map<number, number>();
  const cycles: DependencyCycle[] = [];
  const steps: CreationStep[] = [];
  const level = new Int32Array(count);
  const waiting = needs.map((set) => set.size);
  const first = (c: number): DependencyNode => members[c]![0]!;
  const ready = new PriorityQueue<number>(
    (a, b) => rankOf(first(a).type) - rankOf(first(b).type) || compareText(first(a).id, first(b).id),
  );
  waiting.forEach((n, c) => {
    if (n === 0) {
      ready.push(c);
    }
  });

  while (ready.size > 0) {
    const c = ready.pop()!;
    let depth = 0;
    for (const dependency of needs[c]!) {
      depth = Math.max(depth, level[dependency]! + 1);
    }
    level[c] = depth;

    const group = members[c]!;
    if (group.length > 1 || inside[c]!.length > 0) {
      cycleOf.set(c, cycles.length);
      cycles.push(describeCycle(group, inside[c]!));
    }
    const cycle = cycleOf.get(c);
    steps.push({
      step: steps.length + 1,
      level: depth,
      nodes: group.map((node) => node.id),
      ...(cycle === undefined ? {} : { cycle }),
    });

    for (const dependent of dependents[c]!) {
      waiting[dependent]!--;
      if (waiting[dependent] === 0) {
        ready.push(dependent);
      }
    }
  }
  return { cycles, creationOrder: steps };
}

function describeCycle(group: readonly DependencyNode[], edges: readonly DependencyEdge[]): DependencyCycle {
  const at = new Map(group.map((node, index) => [node.id, index]));
  const plain = edges
    .map((edge) => ({ from: edge.from, to: edge.to, kind: edge.kind }))
    .sort((a, b) => compareText(a.from, b.from) || compareText(a.to, b.to) || compareText(a.kind, b.kind));
  // An edge to a member created later cannot exist when its object is created.
  const deferred = plain.filter((edge) => edge.from !== edge.to && at.get(edge.to)! > at.get(edge.from)!);
  return { nodes: group.map((node) => node.id), edges: plain, deferred, advice: adviceFor(group, plain, deferred) };
}

function adviceFor(
  group: readonly DependencyNode[],
  edges: readonly { readonly kind: string }[],
  deferred: readonly { readonly from: string; readonly to: string; readonly kind: string }[],
): string {
  if (group.length === 1) {
    const node = group[0]!;
    if (node.type === "table") {
      return `${node.id} references itself; the foreign key can stay in its CREATE TABLE, nothing needs to wait.`;
    }
    return (
      `${node.id} calls itself; it can be created as it is, but check the depth of the recursion: ` +
      "SQL Server stops at 32 nested levels, and the target has its own limit."
    );
  }

  const foreignKeys = deferred.filter((edge) => edge.kind === "foreignKey");
  const calls = deferred.filter((edge) => edge.kind !== "foreignKey");
  const advice: string[] = [];
  if (foreignKeys.length > 0) {
    const list = foreignKeys.map((edge) => `${edge.from} -> ${edge.to}`).join(", ");
    advice.push(
      `Create the tables without the foreign keys ${list}, then add them with ALTER TABLE ... ADD CONSTRAINT ... ` +
        "FOREIGN KEY once every table of the group exists.",
    );
  }
  if (calls.length > 0) {
    const callers = [...new Set(calls.map((edge) => edge.from))].join(", ");
    advice.push(
      `Create ${callers} first as a stub whose body does nothing, create the rest of the group, then replace ` +
        "the stub with its real body (CREATE OR ALTER on SQL Server, CREATE OR REPLACE on PostgreSQL).",
    );
  }
  if (advice.length === 0 && edges.length > 0) {
    advice.push("Create the objects of the group in the order listed.");
  }
  return advice.join(" ");
}
