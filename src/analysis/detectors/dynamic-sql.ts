/**
 * Dynamic SQL: `EXEC ('...')`, `EXEC (@sql)`, `INSERT ... EXEC (...)` and
 * `EXEC sp_executesql N'...'`. When the string is known (a literal, or
 * literals and variables whose values the batch sets in straight-line code)
 * it is analysed as nested code. Anything else is one finding that needs
 * a manual review. Positions inside a single literal map back to the
 * literal's characters; positions in a string built from several pieces map
 * to the EXEC.
 */

import type { AnalysisContext, PositionMap } from "../context.js";
import type { Detector, Visitor } from "../detector.js";
import type { Expression, Literal } from "../../tsql/ast/expressions.js";
import type { Node, SchemaObjectName } from "../../tsql/ast/node.js";
import type { ExecuteStatement } from "../../tsql/ast/procedural.js";
import type { Batch } from "../../tsql/ast/statements.js";
import { ASSIGNING_KINDS, BRANCHING_KINDS, ValueTracker, evaluate } from "./dynamic-values.js";
import { baseName, perContext, positionOf } from "./support.js";
import { isSystemProcedure } from "./system-names.js";

/** The value tracker of the batch being walked, per unit. */
const trackers = perContext(() => ({ current: new ValueTracker() }));

function batch(_node: Batch, context: AnalysisContext): void {
  trackers(context).current = new ValueTracker();
}

function knownValues(context: AnalysisContext): ReadonlyMap<string, string | undefined> {
  return trackers(context).current.valuesNow();
}

function enterBranch(node: Node, context: AnalysisContext): void {
  trackers(context).current.enterBranch(node);
}

function leaveBranch(node: Node, context: AnalysisContext): void {
  trackers(context).current.leaveBranch(node);
}

function assignment(node: Node, context: AnalysisContext): void {
  trackers(context).current.assignment(node);
}

function isExecuteSql(name: SchemaObjectName | undefined): boolean {
  return name !== undefined && isSystemProcedure(name) && baseName(name) === "sp_executesql";
}

/** The @stmt argument: named, or the first positional one. */
function statementArgument(args: readonly { name?: string; value?: Expression }[]): Expression | undefined {
  const named = args.find((arg) => arg.name?.toLowerCase() === "@stmt");
  return (named ?? args.find((arg) => arg.name === undefined))?.value;
}

/** Maps each character of a literal's value to its offset in the unit text. */
function literalOffsets(text: string, literal: Literal): number[] | undefined {
  let i = literal.start;
  if (text[i] === "N" || text[i] === "n") i++;
  if (text[i] !== "'") return undefined;
  i++;

  const offsets: number[] = [];
  while (i < literal.end) {
    if (text[i] === "'") {
      if (text[i + 1] !== "'") break;
      offsets.push(i);
      i += 2;
      continue;
    }
    offsets.push(i);
    i++;
  }
  offsets.push(i);
  return offsets.length - 1 === literal.value.length ? offsets : undefined;
}

function lineStarts(code: string): number[] {
  const starts = [0];
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c === 10 || (c === 13 && code.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

function literalMap(context: AnalysisContext, literal: Literal): PositionMap | undefined {
  const offsets = literalOffsets(context.text, literal);
  if (offsets === undefined) return undefined;

  const starts = lineStarts(literal.value);
  return (line, column) => {
    const start = starts[Math.min(Math.max(line, 1), starts.length) - 1]!;
    const inner = Math.min(Math.max(start + column - 1, 0), offsets.length - 1);
    return positionOf(context.text, literal, offsets[inner]!);
  };
}

function analyze(node: Node, pieces: readonly Expression[], context: AnalysisContext, written: string): void {
  const known = knownValues(context);
  const parts = pieces.map((piece) => evaluate(piece, known));
  if (pieces.length === 0 || parts.some((part) => part === undefined)) {
    context.report(node, "dynamic_sql.unresolved", `${written} with a string not known in the batch`);
    return;
  }

  const code = parts.join("");
  const single = pieces.length === 1 && pieces[0]!.kind === "Literal" ? literalMap(context, pieces[0] as Literal) : undefined;
  const map: PositionMap = single ?? (() => ({ line: node.line, column: node.column }));
  if (!context.analyzeNested(code, map)) {
    context.report(node, "dynamic_sql.unresolved", `${written} nested too deeply to analyse`);
  }
}

function execute(node: ExecuteStatement, context: AnalysisContext): void {
  if (node.at !== undefined) {
    // Runs on a linked server, in that server's dialect.
    return;
  }
  const exec = node.insertSource === true ? "INSERT ... EXEC" : "EXEC";
  if (node.strings !== undefined) {
    context.report(node, "dynamic_sql.exec_string", `${exec} (string)`);
    analyze(node, node.strings, context, `${exec} (...)`);
    return;
  }
  if (isExecuteSql(node.procedure)) {
    context.report(node.procedure!, "sysproc.sp_executesql", `${exec} sp_executesql`);
    const statement = statementArgument(node.arguments);
    analyze(node, statement === undefined ? [] : [statement], context, "sp_executesql");
  }
}

/** Visitors that feed the value tracker: branches in and out, assignments after their children. */
const enterVisitors: Record<string, Visitor> = {};
const leaveVisitors: Record<string, Visitor> = {};
for (const kind of BRANCHING_KINDS) {
  enterVisitors[kind] = enterBranch;
  leaveVisitors[kind] = leaveBranch;
}
for (const kind of ASSIGNING_KINDS) {
  leaveVisitors[kind] = assignment;
}

export const dynamicSqlDetector: Detector = {
  name: "dynamic-sql",
  description: "EXEC of strings and sp_executesql, analysed as nested code when the string is known.",
  visitors: {
    ...enterVisitors,
    Batch: batch,
    ExecuteStatement: execute,
  },
  leave: leaveVisitors,
};
