/**
 * `@@ROWCOUNT` read right after a statement that sets it to something other
 * than the rows of the last DML. In SQL Server, USE, SET, DEALLOCATE,
 * CLOSE, PRINT, RAISERROR, BEGIN and COMMIT TRANSACTION reset it to 0 and a
 * simple assignment sets it to 1 (SQL Server 2022 reference, @@ROWCOUNT);
 * Babelfish does not follow every one of these rules.
 */

import type { AnalysisContext } from "../context.js";
import type { Visitor } from "../detector.js";
import type { Node } from "../../tsql/ast/node.js";
import type { Statement } from "../../tsql/ast/statements.js";
import { systemVariablesOf } from "../../tsql/batch-facts.js";
import type { Batch } from "../../tsql/ast/statements.js";
import { forEachNode, perContext } from "./support.js";

const RESETTING: ReadonlySet<string> = new Set([
  "UseStatement", "SetOptionsStatement", "SetCommandStatement", "SetVariableStatement",
  "SetTransactionIsolationLevelStatement", "DeallocateCursorStatement", "CloseCursorStatement",
  "OpenCursorStatement", "PrintStatement", "RaiserrorStatement", "BeginTransactionStatement",
  "CommitTransactionStatement", "RollbackTransactionStatement", "SaveTransactionStatement",
  "DeclareVariableStatement", "IfStatement", "WhileStatement",
]);

const WORDS: Readonly<Record<string, string>> = {
  UseStatement: "USE", SetOptionsStatement: "SET", SetCommandStatement: "SET", SetVariableStatement: "SET",
  SetTransactionIsolationLevelStatement: "SET", DeallocateCursorStatement: "DEALLOCATE",
  CloseCursorStatement: "CLOSE", OpenCursorStatement: "OPEN", PrintStatement: "PRINT",
  RaiserrorStatement: "RAISERROR", BeginTransactionStatement: "BEGIN TRANSACTION",
  CommitTransactionStatement: "COMMIT", RollbackTransactionStatement: "ROLLBACK",
  SaveTransactionStatement: "SAVE TRANSACTION", DeclareVariableStatement: "DECLARE",
  IfStatement: "IF", WhileStatement: "WHILE",
};

/** The first @@ROWCOUNT the statement itself reads (for IF and WHILE, the condition). */
function rowcountRead(statement: Statement): Node | undefined {
  const scope = statement.kind === "IfStatement" || statement.kind === "WhileStatement" ? statement.condition : statement;
  if (["BeginEndBlock", "TryCatchStatement"].includes(statement.kind)) {
    return undefined;
  }
  let found: Node | undefined;
  forEachNode(scope, (node) => {
    if (found === undefined && node.kind === "GlobalVariableReference" && (node as Node & { name: string }).name === "@@ROWCOUNT") {
      found = node;
    }
  });
  return found;
}

/**
 * Whether the batch being walked may read @@ROWCOUNT, from the variables
 * the parser saw in it. Most batches do not, and they skip the search.
 */
const batchState = perContext(() => ({ mayRead: true }));

function checkList(statements: readonly Statement[] | undefined, context: AnalysisContext): void {
  if (statements === undefined || !batchState(context).mayRead) {
    return;
  }
  for (let i = 1; i < statements.length; i++) {
    const previous = statements[i - 1]!;
    if (!RESETTING.has(previous.kind)) {
      continue;
    }
    const read = rowcountRead(statements[i]!);
    if (read !== undefined) {
      context.report(read, "behavior.rowcount_after_statement", `@@ROWCOUNT read after ${WORDS[previous.kind]}`);
    }
  }
}

const list: Visitor = (node: { statements?: readonly Statement[] }, context) => checkList(node.statements, context);

function batch(node: Batch, context: AnalysisContext): void {
  batchState(context).mayRead = systemVariablesOf(node).has("@@ROWCOUNT");
  checkList(node.statements, context);
}

export const rowcountChecks: Readonly<Record<string, Visitor>> = {
  Batch: batch,
  BeginEndBlock: list,
  CreateProcedureStatement: list,
  AlterProcedureStatement: list,
  CreateTriggerStatement: list,
  AlterTriggerStatement: list,
  TryCatchStatement: (node: { tryStatements: readonly Statement[]; catchStatements: readonly Statement[] }, context: AnalysisContext) => {
    checkList(node.tryStatements, context);
    checkList(node.catchStatements, context);
  },
};
