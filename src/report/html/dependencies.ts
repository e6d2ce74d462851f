/**
 * The "Dependencies" section: the graph drawn as SVG, then the objects
 * nothing uses, the most used objects, the cycles with how to break them,
 * the creation order for the target, and the names outside the assessed
 * databases. Each table stops at `HtmlLimits.tableRows` rows.
 */

import type { DependencyGraph, DependencyNode } from "../../assessment/dependencies/model.js";
import { countOf, formatCount } from "../text.js";
import { drawDependencyGraph } from "./dependency-svg.js";
import { escapeClipped } from "./escape.js";
import type { HtmlLimits } from "./limits.js";

const SCOPE_LABELS: Readonly<Record<string, string>> = {
  otherDatabase: "Other database",
  linkedServer: "Linked server",
  unresolved: "Not found",
};

function cell(text: string, limits: HtmlLimits): string {
  return `<td>${escapeClipped(text, limits.textChars)}</td>`;
}

function leftOut(total: number, limits: HtmlLimits, noun: string): string {
  return total > limits.tableRows
    ? `<p>${countOf(total - limits.tableRows, noun)} more in dependencies.json.</p>`
    : "";
}

export function renderDependencies(graph: DependencyGraph, limits: HtmlLimits): string {
  const types = new Map(graph.nodes.map((node) => [node.id, node.type]));
  const assessed = graph.nodes.filter((node) => node.scope === "assessed").length;
  const drawing = drawDependencyGraph(graph);
  return [
    `<section id="dependencies"><h2>Dependencies</h2>`,
    `<p>${countOf(assessed, "assessed object")} and ${countOf(graph.edges.length, "reference")} ` +
      `between objects, from the parsed code and, for a server, from sys.sql_expression_dependencies, ` +
      `synonyms, triggers and foreign keys. An arrow points from an object to what it needs; red arrows ` +
      `are in a cycle, dashed ones only in dynamic SQL; dashed boxes are outside the assessed databases.</p>`,
    `<div>${drawing.svg}</div>`,
    drawing.omitted === "" ? "" : `<p>${escapeClipped(drawing.omitted, limits.textChars * 4)}</p>`,
    renderUnused(graph, types, limits),
    renderMostUsed(graph, limits),
    renderCycles(graph, limits),
    renderCreationOrder(graph, limits),
    renderExternal(graph, limits),
    `</section>`,
  ].join("\n");
}

function renderUnused(graph: DependencyGraph, types: ReadonlyMap<string, string>, limits: HtmlLimits): string {
  const rows = graph.unused
    .slice(0, limits.tableRows)
    .map((id) => `<tr>${cell(id, limits)}${cell(types.get(id) ?? "", limits)}</tr>`);
  return [
    `<h3>Not used by the assessed code</h3>`,
    `<p>${countOf(graph.unused.length, "object")} that no assessed object or script uses. ` +
      `Callers outside the assessed code (applications, reports, jobs, other servers) are unknown, so ` +
      `check each before dropping it. Triggers are left out, because nothing calls them.</p>`,
    rows.length === 0 ? "" : `<table><thead><tr><th>Object</th><th>Type</th></tr></thead><tbody>${rows.join("")}</tbody></table>`,
    leftOut(graph.unused.length, limits, "object"),
  ].join("\n");
}

function renderMostUsed(graph: DependencyGraph, limits: HtmlLimits): string {
  const rows = graph.mostUsed
    .slice(0, limits.tableRows)
    .map((u) => `<tr>${cell(u.id, limits)}${cell(u.type, limits)}<td class="num">${formatCount(u.usedBy)}</td></tr>`);
  return [
    `<h3>Most used</h3>`,
    `<p>Objects that many others use: a change to one of them reaches all its users, so migrate and test them first.</p>`,
    rows.length === 0
      ? `<p>No object is used by more than one other.</p>`
      : `<table><thead><tr><th>Object</th><th>Type</th><th class="num">Used by</th></tr></thead>` +
        `<tbody>${rows.join("")}</tbody></table>`,
  ].join("\n");
}

function renderCycles(graph: DependencyGraph, limits: HtmlLimits): string {
  const rows = graph.cycles.slice(0, limits.tableRows).map((cycle, index) => {
    const edges = cycle.edges.map((e) => `${e.from} -> ${e.to} (${e.kind})`).join("; ");
    return (
      `<tr><td class="num">${index + 1}</td>${cell(cycle.nodes.join(", "), limits)}` +
      `${cell(edges, limits)}<td>${escapeClipped(cycle.advice, limits.textChars * 4)}</td></tr>`
    );
  });
  return [
    `<h3>Cycles</h3>`,
    rows.length === 0
      ? `<p>No object depends on itself, directly or through others.</p>`
      : `<p>${countOf(graph.cycles.length, "group")} of objects that depend on each other; ` +
        `each is created as one step of the creation order.</p>` +
        `<table><thead><tr><th class="num">#</th><th>Objects</th><th>References</th><th>How to create them</th></tr></thead>` +
        `<tbody>${rows.join("")}</tbody></table>`,
    leftOut(graph.cycles.length, limits, "cycle"),
  ].join("\n");
}

function renderCreationOrder(graph: DependencyGraph, limits: HtmlLimits): string {
  const rows = graph.creationOrder.slice(0, limits.tableRows).map((step) => {
    const note = step.cycle === undefined ? "" : `cycle ${step.cycle + 1}`;
    return (
      `<tr><td class="num">${formatCount(step.step)}</td><td class="num">${formatCount(step.level)}</td>` +
      `${cell(step.nodes.join(", "), limits)}${cell(note, limits)}</tr>`
    );
  });
  return [
    `<h3>Creation order</h3>`,
    `<p>Create the assessed objects on the target in this order: types and sequences first, tables in ` +
      `foreign-key order, then functions, views, procedures and triggers, each after everything it needs. ` +
      `The level is the longest chain of dependencies below a step.</p>`,
    rows.length === 0
      ? `<p>No assessed object.</p>`
      : `<table><thead><tr><th class="num">Step</th><th class="num">Level</th><th>Objects</th><th>Note</th></tr></thead>` +
        `<tbody>${rows.join("")}</tbody></table>`,
    leftOut(graph.creationOrder.length, limits, "step"),
  ].join("\n");
}

function renderExternal(graph: DependencyGraph, limits: HtmlLimits): string {
  const users = new Map<string, Set<string>>();
  for (const edge of graph.edges) {
    (users.get(edge.to) ?? users.set(edge.to, new Set()).get(edge.to)!).add(edge.from);
  }
  const external = graph.nodes.filter((node: DependencyNode) => SCOPE_LABELS[node.scope] !== undefined);
  const rows = external.slice(0, limits.tableRows).map((node) => {
    const by = [...(users.get(node.id) ?? [])].sort().join(", ");
    return `<tr>${cell(node.id, limits)}${cell(SCOPE_LABELS[node.scope]!, limits)}${cell(by, limits)}</tr>`;
  });
  return [
    `<h3>Outside the assessed databases</h3>`,
    rows.length === 0
      ? `<p>Every reference resolves to an assessed object.</p>`
      : `<p>Names in other databases and on linked servers must exist on the target too, or the code that ` +
        `uses them must change. Names not found may be objects created at run time, misspellings, or ` +
        `objects of a database that was not assessed.</p>` +
        `<table><thead><tr><th>Name</th><th>Where</th><th>Used by</th></tr></thead><tbody>${rows.join("")}</tbody></table>`,
    leftOut(external.length, limits, "name"),
  ].join("\n");
}
