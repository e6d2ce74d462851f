/**
 * Table hints (`WITH (NOLOCK)`), query hints (`OPTION (RECOMPILE)`) and join
 * hints (`INNER HASH JOIN`). The hint name, lower-case with spaces turned
 * into underscores, is the detail: `optimize_for`, `hash_join`.
 */

import type { AnalysisContext } from "../context.js";
import type { Detector } from "../detector.js";
import type { JoinTableReference, QueryHint, TableHint } from "../../tsql/ast/query.js";
import { keywordNode } from "./support.js";

function hintDetail(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, "_");
}

function tableHint(node: TableHint, context: AnalysisContext): void {
  const written = node.arguments.length > 0 ? `${node.name}(...)` : node.name;
  context.report(node, "hint.table", `table hint ${written}`, hintDetail(node.name));
}

function queryHint(node: QueryHint, context: AnalysisContext): void {
  context.report(node, "hint.query", `query hint OPTION (${node.name})`, hintDetail(node.name));
}

function joinHint(node: JoinTableReference, context: AnalysisContext): void {
  if (node.hint !== undefined) {
    context.report(keywordNode(context, node, node.hint, node.left.end), "hint.join", `join hint ${node.joinType} ${node.hint} JOIN`, hintDetail(node.hint));
  }
}

export const hintDetector: Detector = {
  name: "hints",
  description: "Table, query and join hints, with the hint name as the detail.",
  visitors: {
    TableHint: tableHint,
    QueryHint: queryHint,
    JoinTableReference: joinHint,
  },
};
