/**
 * Computes what a migration plan needs from the graph: unused objects, the
 * most used ones, cycles, and the order in which to create the objects.
 */

import { stronglyConnectedComponents } from "./components.js";
import type { CreationStep, DependencyCycle, DependencyEdge, DependencyNode, FanIn } from "./model.js";
import { compareText } from "./node-table.js";
import { PriorityQueue } from "./priority-queue.js";

/** Maximum number of entries in `mostUsed`. */
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

/**
 * Counts the distinct users of each node. Edges come sorted by `from`, so
 * the edges of one user are adjacent, and remembering the last user of
 * each node finds repeats without a set per node.
 */
export function usage(nodes: readonly DependencyNode[], edges: readonly DependencyEdge[]): { unused: string[]; mostUsed: FanIn[] } {
  const position = new Map(nodes.map((node, at) => [node.id, at]));
  const users = new Int32Array(nodes.length);
  const lastUser = new Array<string | undefined>(nodes.length);
  for (const edge of edges) {
    if (!countsAsUse(edge)) {
      continue;
    }
    const to = position.get(edge.to)!;
    if (lastUser[to] !== edge.from) {
      lastUser[to] = edge.from;
      users[to]!++;
    }
  }

  const unused: string[] = [];
  const used: FanIn[] = [];
  nodes.forEach((node, at) => {
    const count = users[at]!;
    if (count === 0 && node.scope === "assessed" && node.type !== "trigger") {
      unused.push(node.id);
    }
    if (count >= 2) {
      used.push({ id: node.id, type: node.type, usedBy: count });
    }
  });
  used.sort((a, b) => b.usedBy - a.usedBy || compareText(a.id, b.id));
  return { unused, mostUsed: used.slice(0, MAX_MOST_USED) };
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

  // Dependencies between components, and the edges inside each. Edges
  // come sorted by `from`, so a repeated pair follows its first one
  // closely, and `lastFrom` catches it without a set per component.
  const needs: number[][] = members.map(() => []);
  const dependents: number[][] = members.map(() => []);
  const inside: DependencyEdge[][] = members.map(() => []);
  const lastFrom = new Int32Array(count).fill(-1);
  for (const edge of internal) {
    const from = component[position.get(edge.from)!]!;
    const to = component[position.get(edge.to)!]!;
    if (from === to) {
      inside[from]!.push(edge);
    } else if (lastFrom[to] !== from && !needs[from]!.includes(to)) {
      lastFrom[to] = from;
      needs[from]!.push(to);
      dependents[to]!.push(from);
    }
  }

  const cycleOf = new Map<number, number>();
  const cycles: DependencyCycle[] = [];
  const steps: CreationStep[] = [];
  const level = new Int32Array(count);
  const waiting = needs.map((list) => list.length);
  const rank = members.map((group) => rankOf(group[0]!.type));
  const firstId = members.map((group) => group[0]!.id);
  const ready = new PriorityQueue<number>((a, b) => rank[a]! - rank[b]! || compareText(firstId[a]!, firstId[b]!));
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
