/**
 * DML forms: MERGE and its clauses, OUTPUT, TOP variants, SELECT INTO,
 * INSERT ... EXEC, UPDATE and DELETE with FROM, APPLY, PIVOT, UNPIVOT,
 * table value constructors, grouping extensions, paging, temporal and
 * sampled reads, window frames, recursive CTEs, graph MATCH and the bulk and
 * text statements.
 */

import type { AnalysisContext } from "../context.js";
import type { Detector } from "../detector.js";
import type { DeleteStatement, InsertStatement, MergeStatement, UpdateStatement } from "../../tsql/ast/dml.js";
import type { Node } from "../../tsql/ast/node.js";
import type {
  CommonTableExpression,
  ForClause,
  GroupByClause,
  GroupingSpecification,
  NamedTableReference,
  QuerySpecification,
  TopClause,
  UnqualifiedJoin,
  WindowFrame,
} from "../../tsql/ast/query.js";
import { forEachNode, keywordNode } from "./support.js";

type DmlStatementNode = InsertStatement | UpdateStatement | DeleteStatement | MergeStatement;

function reportOutput(node: DmlStatementNode, context: AnalysisContext, verb: string): void {
  if (node.output !== undefined) {
    context.report(node.output, "dml.output", `${verb} ... OUTPUT`);
  }
  if (node.outputInto !== undefined) {
    context.report(node.outputInto, "dml.output_into", `${verb} ... OUTPUT ... INTO`);
  }
}

function reportDmlTop(node: DmlStatementNode, context: AnalysisContext, verb: string): void {
  if (node.top === undefined) {
    return;
  }
  const featureId = node.kind === "InsertStatement" ? "dml.top.insert" : "dml.top.update_delete";
  context.report(node.top, featureId, `${verb} TOP (n)`);
}

function merge(node: MergeStatement, context: AnalysisContext): void {
  const message = node.terminated ? "MERGE" : "MERGE without a terminating semicolon";
  context.report(node, "dml.merge", message);

  for (const clause of node.clauses) {
    if (clause.condition === "NOT MATCHED BY SOURCE") {
      context.report(clause, "dml.merge", "MERGE ... WHEN NOT MATCHED BY SOURCE", "not_matched_by_source");
    }
  }
  for (const output of [node.output, node.outputInto]) {
    if (output !== undefined) {
      context.report(output, "dml.merge", "MERGE ... OUTPUT", "output");
    }
  }
  reportDmlTop(node, context, "MERGE");
}

function insert(node: InsertStatement, context: AnalysisContext): void {
  reportOutput(node, context, "INSERT");
  reportDmlTop(node, context, "INSERT");

  const source = node.source;
  if (source.kind === "ValuesInsertSource" && source.rows.length > 1) {
    context.report(source, "dml.values.insert_multi_row", "INSERT ... VALUES with several rows");
  } else if (source.kind === "DefaultValuesInsertSource") {
    context.report(source, "dml.insert.default_values", "INSERT ... DEFAULT VALUES");
  } else if (source.kind === "ExecuteStatement") {
    context.report(source, "dml.insert.exec", "INSERT ... EXEC");
  }
}

function update(node: UpdateStatement, context: AnalysisContext): void {
  reportOutput(node, context, "UPDATE");
  reportDmlTop(node, context, "UPDATE");
  if (node.from.length > 0) {
    context.report(keywordNode(context, node, "FROM", node.target.end), "dml.update.from", "UPDATE ... FROM");
  }
  if (node.currentOf !== undefined) {
    context.report(node.currentOf, "dml.current_of", "UPDATE ... WHERE CURRENT OF");
  }
  for (const clause of node.setClauses) {
    if (clause.kind === "FunctionCallSetClause" && clause.call.method.value.toUpperCase() === "WRITE") {
      context.report(clause.call.method, "dml.update.write", "UPDATE ... SET column.WRITE(...)");
    }
  }
}

function remove(node: DeleteStatement, context: AnalysisContext): void {
  reportOutput(node, context, "DELETE");
  reportDmlTop(node, context, "DELETE");
  if (node.from.length > 0) {
    context.report(keywordNode(context, node, "FROM", node.target.end), "dml.delete.from_join", "DELETE ... FROM with a second FROM");
  }
  if (node.currentOf !== undefined) {
    context.report(node.currentOf, "dml.current_of", "DELETE ... WHERE CURRENT OF");
  }
}

function query(node: QuerySpecification, context: AnalysisContext): void {
  if (node.top !== undefined) {
    context.report(node.top, "dml.top", "SELECT TOP");
  }
  if (node.into !== undefined) {
    context.report(keywordNode(context, node, "INTO"), "dml.select_into", "SELECT ... INTO");
  }
}

function top(node: TopClause, context: AnalysisContext): void {
  if (node.percent) {
    context.report(node, "dml.top.percent", "TOP ... PERCENT");
  }
  if (node.withTies) {
    context.report(node, "dml.top.with_ties", "TOP ... WITH TIES");
  }
}

function groupBy(node: GroupByClause, context: AnalysisContext): void {
  if (node.all) {
    context.report(node, "dml.group_by.all", "GROUP BY ALL");
  }
  if (node.withOption === "ROLLUP") {
    context.report(keywordNode(context, node, "WITH\\s+ROLLUP"), "dml.group_by.rollup", "GROUP BY ... WITH ROLLUP");
  } else if (node.withOption === "CUBE") {
    context.report(keywordNode(context, node, "WITH\\s+CUBE"), "dml.group_by.cube", "GROUP BY ... WITH CUBE");
  }
}

const GROUPING_IDS: Readonly<Record<string, string>> = {
  ROLLUP: "dml.group_by.rollup",
  CUBE: "dml.group_by.cube",
  "GROUPING SETS": "dml.group_by.grouping_sets",
};

function grouping(node: GroupingSpecification, context: AnalysisContext): void {
  const featureId = GROUPING_IDS[node.type];
  if (featureId !== undefined) {
    context.report(node, featureId, `GROUP BY ${node.type}`);
  }
}

function apply(node: UnqualifiedJoin, context: AnalysisContext): void {
  if (node.joinType === "CROSS APPLY" || node.joinType === "OUTER APPLY") {
    const featureId = node.joinType === "CROSS APPLY" ? "dml.apply.cross" : "dml.apply.outer";
    const keyword = keywordNode(context, node, node.joinType === "CROSS APPLY" ? "CROSS" : "OUTER", node.left.end);
    context.report(keyword, featureId, node.joinType);
  }
}

function table(node: NamedTableReference, context: AnalysisContext): void {
  if (node.forSystemTime !== undefined) {
    context.report(node.forSystemTime, "dml.for_system_time", `FOR SYSTEM_TIME ${node.forSystemTime.type}`);
  }
  if (node.tableSample !== undefined) {
    context.report(keywordNode(context, node, "TABLESAMPLE", node.name.end), "dml.tablesample", "TABLESAMPLE");
  }
}

function forClause(node: ForClause, context: AnalysisContext): void {
  if (node.type === "BROWSE") {
    context.report(node, "dml.for_browse", "SELECT ... FOR BROWSE");
  }
}

function frame(node: WindowFrame, context: AnalysisContext): void {
  context.report(node, "dml.window.frame", `OVER (... ${node.unit} ...)`, node.unit);
}

/** A CTE is recursive when its query reads a table of its own name. */
function cte(node: CommonTableExpression, context: AnalysisContext): void {
  const name = node.name.value.toLowerCase();
  let recursive = false;
  forEachNode(node.query, (child) => {
    const reference = child as NamedTableReference;
    if (reference.kind === "NamedTableReference" && reference.name.partCount === 1 && reference.name.name.value.toLowerCase() === name) {
      recursive = true;
    }
  });
  if (recursive) {
    context.report(node, "dml.cte.recursive", `recursive common table expression ${node.name.value}`);
  }
}

function keyword(featureId: string, message: string, word: string, after: (node: never) => Node) {
  return (node: Node, context: AnalysisContext) => context.report(keywordNode(context, node, word, after(node as never).end), featureId, message);
}

function simple(featureId: string, message: string) {
  return (node: Node, context: AnalysisContext) => context.report(node, featureId, message);
}

export const dmlDetector: Detector = {
  name: "dml",
  description: "DML forms such as MERGE, OUTPUT, TOP in UPDATE and DELETE, SELECT INTO, APPLY, PIVOT and grouping extensions.",
  visitors: {
    MergeStatement: merge,
    InsertStatement: insert,
    UpdateStatement: update,
    DeleteStatement: remove,
    QuerySpecification: query,
    TopClause: top,
    GroupByClause: groupBy,
    GroupingSpecification: grouping,
    UnqualifiedJoin: apply,
    NamedTableReference: table,
    ForClause: forClause,
    WindowFrame: frame,
    CommonTableExpression: cte,
    PivotedTableReference: keyword("dml.pivot", "PIVOT", "PIVOT", (node: { source: Node }) => node.source),
    UnpivotedTableReference: keyword("dml.unpivot", "UNPIVOT", "UNPIVOT", (node: { source: Node }) => node.source),
    ValuesTableReference: simple("dml.values.derived_table", "table value constructor (VALUES ...) in FROM"),
    OffsetClause: simple("dml.offset_fetch", "ORDER BY ... OFFSET ... FETCH"),
    GraphMatchPredicate: simple("dml.graph_match", "graph MATCH predicate"),
    IsDistinctFromExpression: simple("dml.is_distinct_from", "IS [NOT] DISTINCT FROM"),
    BulkInsertStatement: simple("statement.bulk_insert", "BULK INSERT"),
    ReadTextStatement: simple("statement.readtext", "READTEXT"),
    WriteTextStatement: simple("statement.readtext", "WRITETEXT"),
    UpdateTextStatement: simple("statement.readtext", "UPDATETEXT"),
    TruncateTableStatement: (node: { partitions: readonly unknown[] } & Node, context: AnalysisContext) => {
      if (node.partitions.length > 0) {
        context.report(node, "dml.truncate.partitions", "TRUNCATE TABLE ... WITH (PARTITIONS ...)");
      }
    },
  },
};
