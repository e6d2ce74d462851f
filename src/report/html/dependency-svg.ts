/**
 * Draws the dependency graph as inline SVG, laid out here without a
 * library or script. Each creation level is a column, with the objects
 * needed first on the left. External names (other databases, linked
 * servers, unresolved names) come in a column before level 0, and
 * batch-level code in the last column. Edges run from an object to what it
 * needs, and edges inside a cycle are red. Above MAX_DRAWN_NODES nodes only
 * the cycles and the neighbourhoods of the most used objects are drawn, and
 * a caption states how much was left out.
 */

import type { DependencyEdge, DependencyGraph, DependencyNode } from "../../assessment/dependencies/model.js";
import { compareCodeUnits, countOf } from "../text.js";
import { escapeHtml } from "./escape.js";

/** Maximum number of nodes drawn. A larger graph is cut to its cycles and most used objects. */
export const MAX_DRAWN_NODES = 300;
/** Nodes stacked in one column before a level wraps into another column. */
const ROWS_PER_COLUMN = 40;
const NODE_WIDTH = 190;
const NODE_HEIGHT = 22;
const COLUMN_GAP = 70;
const ROW_GAP = 8;
const MARGIN = 10;
/** Characters of a name shown in its box; the full name is in the box's tooltip. */
const LABEL_CHARS = 28;

/** Fill colour by node type; anything else is grey. */
const FILL: Readonly<Record<string, string>> = {
  table: "#dbeafe",
  view: "#e0e7ff",
  procedure: "#dcfce7",
  function: "#fef9c3",
  trigger: "#fce7f3",
  sequence: "#ede9fe",
  synonym: "#ccfbf1",
  type: "#ffedd5",
  code: "#f5f5f4",
};
const EXTERNAL_FILL = "#ffffff";

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

export interface GraphDrawing {
  readonly svg: string;
  /** A sentence on what was left out, or "" when everything was drawn. */
  readonly omitted: string;
}

/** Chooses the nodes to draw: all of them, or the cycles and the most used objects with their neighbours. */
function chooseNodes(graph: DependencyGraph): Set<string> {
  if (graph.nodes.length <= MAX_DRAWN_NODES) {
    return new Set(graph.nodes.map((node) => node.id));
  }

  const chosen = new Set<string>();
  const add = (id: string): boolean => {
    if (chosen.size >= MAX_DRAWN_NODES) {
      return false;
    }
    chosen.add(id);
    return true;
  };
  for (const cycle of graph.cycles) {
    for (const id of cycle.nodes) {
      add(id);
    }
  }

  const neighbours = new Map<string, string[]>();
  for (const edge of graph.edges) {
    (neighbours.get(edge.to) ?? neighbours.set(edge.to, []).get(edge.to)!).push(edge.from);
    (neighbours.get(edge.from) ?? neighbours.set(edge.from, []).get(edge.from)!).push(edge.to);
  }
  for (const used of graph.mostUsed) {
    if (!add(used.id)) {
      break;
    }
    for (const id of neighbours.get(used.id) ?? []) {
      if (!add(id)) {
        break;
      }
    }
  }
  return chosen;
}

/** Column of each drawn node: external names first, then creation levels, then code. */
function columnsOf(graph: DependencyGraph, drawn: ReadonlySet<string>): Map<string, number> {
  const levels = new Map<string, number>();
  for (const step of graph.creationOrder) {
    for (const id of step.nodes) {
      levels.set(id, step.level);
    }
  }
  const nodes = graph.nodes.filter((node) => drawn.has(node.id));
  const hasExternal = nodes.some((node) => !levels.has(node.id) && node.scope !== "code");
  const offset = hasExternal ? 1 : 0;
  let maxLevel = -1;
  for (const level of levels.values()) {
    maxLevel = Math.max(maxLevel, level);
  }

  const columns = new Map<string, number>();
  for (const node of nodes) {
    const level = levels.get(node.id);
    if (level !== undefined) {
      columns.set(node.id, level + offset);
    } else if (node.scope === "code") {
      columns.set(node.id, maxLevel + 1 + offset);
    } else {
      columns.set(node.id, 0);
    }
  }
  return columns;
}

interface Box {
  readonly node: DependencyNode;
  readonly x: number;
  readonly y: number;
}

function layout(graph: DependencyGraph, drawn: ReadonlySet<string>): Map<string, Box> {
  const columns = columnsOf(graph, drawn);
  const byColumn = new Map<number, DependencyNode[]>();
  for (const node of graph.nodes) {
    const column = columns.get(node.id);
    if (column !== undefined) {
      (byColumn.get(column) ?? byColumn.set(column, []).get(column)!).push(node);
    }
  }

  const boxes = new Map<string, Box>();
  let x = MARGIN;
  for (const column of [...byColumn.keys()].sort((a, b) => a - b)) {
    const nodes = byColumn.get(column)!;
    nodes.sort((a, b) => (TYPE_RANK[a.type] ?? 8) - (TYPE_RANK[b.type] ?? 8) || compareCodeUnits(a.id, b.id));
    // A level with many nodes wraps into several physical columns.
    nodes.forEach((node, at) => {
      const wrap = Math.floor(at / ROWS_PER_COLUMN);
      const row = at % ROWS_PER_COLUMN;
      boxes.set(node.id, {
        node,
        x: x + wrap * (NODE_WIDTH + COLUMN_GAP),
        y: MARGIN + row * (NODE_HEIGHT + ROW_GAP),
      });
    });
    x += Math.ceil(nodes.length / ROWS_PER_COLUMN) * (NODE_WIDTH + COLUMN_GAP);
  }
  return boxes;
}

function label(node: DependencyNode): string {
  const text = node.id;
  return text.length <= LABEL_CHARS ? text : `${text.slice(0, LABEL_CHARS - 1)}…`;
}

function drawNode(box: Box): string {
  const node = box.node;
  const external = node.scope !== "assessed" && node.scope !== "code";
  const fill = external ? EXTERNAL_FILL : (FILL[node.type] ?? "#e5e7eb");
  const dash = external ? ` stroke-dasharray="4 3"` : "";
  const title = `${node.id} (${node.type}, ${node.scope})`;
  return (
    `<g><title>${escapeHtml(title)}</title>` +
    `<rect x="${box.x}" y="${box.y}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="4" ` +
    `fill="${fill}" stroke="#6b7280"${dash}/>` +
    `<text x="${box.x + 6}" y="${box.y + 15}" fill="#111827">${escapeHtml(label(node))}</text></g>`
  );
}

function drawEdge(edge: DependencyEdge, boxes: ReadonlyMap<string, Box>, inCycle: boolean): string {
  const from = boxes.get(edge.from)!;
  const to = boxes.get(edge.to)!;
  const colour = inCycle ? "#dc2626" : "#9ca3af";
  const dash = edge.dynamic === true ? ` stroke-dasharray="3 3"` : "";
  const marker = inCycle ? "url(#dep-arrow-cycle)" : "url(#dep-arrow)";
  if (edge.from === edge.to) {
    const x = from.x + NODE_WIDTH;
    const y = from.y + NODE_HEIGHT / 2;
    return `<path d="M${x} ${y - 5} c 24 -18 24 28 0 10" fill="none" stroke="${colour}"${dash} marker-end="${marker}"/>`;
  }

  if (from.x === to.x) {
    // Both in one column, as members of a cycle are: an arc on the right.
    const x = from.x + NODE_WIDTH;
    const y1 = from.y + NODE_HEIGHT / 2;
    const y2 = to.y + NODE_HEIGHT / 2;
    const bulge = 20 + Math.abs(y1 - y2) / 4;
    return (
      `<path d="M${x} ${y1} C ${x + bulge} ${y1}, ${x + bulge} ${y2}, ${x} ${y2}" fill="none" ` +
      `stroke="${colour}"${dash} marker-end="${marker}"/>`
    );
  }

  // From the left side of the referencing object to the right side of
  // what it needs, which is usually in a column further left.
  const x1 = from.x;
  const y1 = from.y + NODE_HEIGHT / 2;
  const x2 = to.x + NODE_WIDTH;
  const y2 = to.y + NODE_HEIGHT / 2;
  const bend = Math.max(30, Math.abs(x1 - x2) / 2);
  return (
    `<path d="M${x1} ${y1} C ${x1 - bend} ${y1}, ${x2 + bend} ${y2}, ${x2} ${y2}" fill="none" ` +
    `stroke="${colour}"${dash} marker-end="${marker}"/>`
  );
}

/** Renders the graph, or the part of it that fits, as an `<svg>` element. */
export function drawDependencyGraph(graph: DependencyGraph): GraphDrawing {
  const drawn = chooseNodes(graph);
  const boxes = layout(graph, drawn);
  const cycleOf = new Map<string, number>();
  graph.cycles.forEach((cycle, index) => cycle.nodes.forEach((id) => cycleOf.set(id, index)));

  const edges = graph.edges.filter((edge) => boxes.has(edge.from) && boxes.has(edge.to));
  let width = 0;
  let height = 0;
  for (const box of boxes.values()) {
    width = Math.max(width, box.x + NODE_WIDTH + MARGIN + 30);
    height = Math.max(height, box.y + NODE_HEIGHT + MARGIN);
  }

  const parts = [
    `<svg class="chart dependency-graph" xmlns="http://www.w3.org/2000/svg" role="img" ` +
      `width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
      `aria-label="Dependency graph: ${countOf(boxes.size, "object")}, ${countOf(edges.length, "reference")}">`,
    `<defs>` +
      `<marker id="dep-arrow" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="7" markerHeight="7" orient="auto">` +
      `<path d="M0 0 L8 4 L0 8 z" fill="#9ca3af"/></marker>` +
      `<marker id="dep-arrow-cycle" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="7" markerHeight="7" orient="auto">` +
      `<path d="M0 0 L8 4 L0 8 z" fill="#dc2626"/></marker>` +
      `</defs>`,
  ];
  for (const edge of edges) {
    const cycle = cycleOf.get(edge.from);
    parts.push(drawEdge(edge, boxes, cycle !== undefined && cycle === cycleOf.get(edge.to)));
  }
  for (const box of boxes.values()) {
    parts.push(drawNode(box));
  }
  parts.push(`</svg>`);

  const leftNodes = graph.nodes.length - boxes.size;
  const leftEdges = graph.edges.length - edges.length;
  const omitted =
    leftNodes === 0
      ? ""
      : `The graph has ${countOf(graph.nodes.length, "node")}, more than the ${MAX_DRAWN_NODES} drawn: ` +
        `it shows the cycles and the most used objects with their direct neighbours, and leaves out ` +
        `${countOf(leftNodes, "node")} and ${countOf(leftEdges, "edge")}. dependencies.json has the whole graph.`;
  return { svg: parts.join(""), omitted };
}
