/** Messages for statements reported as a whole, built from their kind. */

import type { Node } from "../../tsql/ast/node.js";
import type { AnalysisContext } from "../context.js";
import type { Visitor } from "../detector.js";

/** The statement's words, from its kind: `CreateSymmetricKeyStatement` gives `CREATE SYMMETRIC KEY`. */
export function statementWords(kind: string): string {
  return kind
    .replace(/Statement$/, "")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toUpperCase();
}

/**
 * A visitor that reports the statement as a whole, with its name when it
 * has one, and the detail `detail(node)` if given.
 */
export function whole(featureId: string, detail?: (node: Node) => string): Visitor {
  return (node: Node & { readonly name?: Node }, context: AnalysisContext) => {
    const name = node.name === undefined ? "" : ` ${context.textOf(node.name)}`;
    context.report(node, featureId, `${statementWords(node.kind)}${name}`, detail?.(node));
  };
}
