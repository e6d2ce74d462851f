/**
 * Small helpers shared by the detectors: names, literals, keyword positions
 * and per-unit state.
 */

import type { AnalysisContext } from "../context.js";
import type { Expression, Literal } from "../../tsql/ast/expressions.js";
import type { Node, SchemaObjectName } from "../../tsql/ast/node.js";

/**
 * The name `baseName` read last. Up to six detectors visit each function
 * call one after another and each reads its name, so one entry saves most
 * of the lower-casing.
 */
let lastName: SchemaObjectName | undefined;
let lastBaseName = "";

/** Lower-case last part of a name. */
export function baseName(name: SchemaObjectName): string {
  if (name !== lastName) {
    lastName = name;
    lastBaseName = name.name.value.toLowerCase();
  }
  return lastBaseName;
}

/** Lower-case schema of a name, or "" when none is written. */
export function schemaOf(name: SchemaObjectName): string {
  return name.schema?.value.toLowerCase() ?? "";
}

/** Lower-case database of a name, or "" when none is written. */
export function databaseOf(name: SchemaObjectName): string {
  return name.database?.value.toLowerCase() ?? "";
}

/** The value of a string literal, or undefined for anything else. */
export function stringValue(expression: Expression | undefined): string | undefined {
  if (expression?.kind !== "Literal") {
    return undefined;
  }
  const literal = expression as Literal;
  return literal.type === "String" || literal.type === "NString" ? literal.value : undefined;
}

/**
 * The word an argument spells: a string literal, a bare word (parsed as a
 * one-part column reference) or a number. Used for DATEPART units, hash
 * algorithms and property names.
 */
export function wordValue(expression: Expression | undefined): string | undefined {
  if (expression === undefined) {
    return undefined;
  }
  if (expression.kind === "Literal") {
    return expression.type === "Null" ? undefined : expression.value;
  }
  if (expression.kind === "ColumnReference" && expression.parts.length === 1) {
    return expression.parts[0]!.value;
  }
  return undefined;
}

/** Line and column of `offset`, counted from a node whose position is known. */
export function positionOf(text: string, from: Node, offset: number): { line: number; column: number } {
  let line = from.line;
  let column = from.column;
  for (let i = from.start; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      column = 1;
    } else if (c !== 13) {
      column++;
    }
  }
  return { line, column };
}

/**
 * A node standing for the first match of `keyword` (a regular expression
 * source, matched case-insensitively on word boundaries) in the text of
 * `node` at or after `from`; the node itself when the keyword is absent.
 */
export function keywordNode(context: AnalysisContext, node: Node, keyword: string, from = node.start): Node {
  const pattern = new RegExp(`\\b(?:${keyword})\\b`, "iy");
  for (let i = from; i < node.end; i++) {
    pattern.lastIndex = i;
    if (pattern.test(context.text)) {
      const { line, column } = positionOf(context.text, node, i);
      return { kind: "Keyword", start: i, end: pattern.lastIndex, line, column };
    }
  }
  return node;
}

/** State a detector keeps for one unit (one context). */
export function perContext<T>(create: () => T): (context: AnalysisContext) => T {
  const states = new WeakMap<AnalysisContext, T>();
  return (context) => {
    let state = states.get(context);
    if (state === undefined) {
      state = create();
      states.set(context, state);
    }
    return state;
  };
}

/**
 * Reports `featureId` once per enclosing object (or once for code outside
 * objects), for behaviour findings that would be noise per occurrence.
 */
const reportedOnce = perContext(() => new Map<string, Set<string>>());

export function reportOncePerObject(context: AnalysisContext, node: Node, featureId: string, message: string): void {
  const byObject = reportedOnce(context);
  const object = context.object;
  let seen = byObject.get(object);
  if (seen === undefined) {
    seen = new Set();
    byObject.set(object, seen);
  }
  if (seen.has(featureId)) {
    return;
  }
  seen.add(featureId);
  context.report(node, featureId, message);
}

/** Calls `visit` for every node with a `kind` under `root`, root included. */
export function forEachNode(root: unknown, visit: (node: Node) => void): void {
  if (Array.isArray(root)) {
    for (const item of root) {
      forEachNode(item, visit);
    }
    return;
  }
  if (root === null || typeof root !== "object") {
    return;
  }
  const record = root as Record<string, unknown>;
  if (typeof record["kind"] === "string") {
    visit(root as Node);
  }
  for (const key in record) {
    const child = record[key];
    if (child !== null && typeof child === "object") {
      forEachNode(child, visit);
    }
  }
}
