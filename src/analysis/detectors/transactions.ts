/**
 * Transactions: BEGIN, COMMIT and ROLLBACK, marked and distributed
 * transactions, savepoints, isolation levels, DELAYED_DURABILITY and the
 * session settings that only concern transactions (XACT_ABORT,
 * LOCK_TIMEOUT, DEADLOCK_PRIORITY).
 */

import type { AnalysisContext } from "../context.js";
import type { Detector } from "../detector.js";
import type {
  BeginTransactionStatement,
  CommitTransactionStatement,
  RollbackTransactionStatement,
  SaveTransactionStatement,
  SetCommandStatement,
  SetOptionsStatement,
  SetTransactionIsolationLevelStatement,
  TransactionName,
} from "../../tsql/ast/procedural.js";
import { perContext } from "./support.js";

/** Savepoint names seen in the unit, so ROLLBACK TRAN name can tell them from transactions. */
const savepoints = perContext(() => new Set<string>());

function nameKey(name: TransactionName): string {
  return name.kind === "Identifier" ? name.value.toLowerCase() : name.name.toLowerCase();
}

function begin(node: BeginTransactionStatement, context: AnalysisContext): void {
  if (node.distributed) {
    context.report(node, "transaction.distributed", "BEGIN DISTRIBUTED TRANSACTION");
  } else {
    context.report(node, "transaction.begin_commit", node.name === undefined ? "BEGIN TRANSACTION" : "BEGIN TRANSACTION with a name");
  }
  if (node.mark !== undefined) {
    context.report(node, "transaction.mark", "BEGIN TRANSACTION ... WITH MARK");
  }
}

function commit(node: CommitTransactionStatement, context: AnalysisContext): void {
  context.report(node, "transaction.begin_commit", "COMMIT TRANSACTION");
  if (node.delayedDurability !== undefined) {
    context.report(node, "transaction.delayed_durability", `COMMIT ... WITH (DELAYED_DURABILITY = ${node.delayedDurability})`);
  }
}

function rollback(node: RollbackTransactionStatement, context: AnalysisContext): void {
  if (node.name !== undefined && savepoints(context).has(nameKey(node.name))) {
    context.report(node, "transaction.savepoint", "ROLLBACK TRANSACTION to a savepoint");
    return;
  }
  context.report(node, "transaction.begin_commit", "ROLLBACK TRANSACTION");
}

function save(node: SaveTransactionStatement, context: AnalysisContext): void {
  savepoints(context).add(nameKey(node.name));
  context.report(node, "transaction.savepoint", "SAVE TRANSACTION");
}

const LEVELS: Readonly<Record<string, string>> = {
  "READ UNCOMMITTED": "read_uncommitted",
  "READ COMMITTED": "read_committed",
  "REPEATABLE READ": "repeatable_read",
  SNAPSHOT: "snapshot",
  SERIALIZABLE: "serializable",
};

function isolation(node: SetTransactionIsolationLevelStatement, context: AnalysisContext): void {
  context.report(node, "transaction.isolation", `SET TRANSACTION ISOLATION LEVEL ${node.level}`, LEVELS[node.level]);
}

function options(node: SetOptionsStatement, context: AnalysisContext): void {
  for (const option of node.options) {
    if (option.name === "XACT_ABORT") {
      context.report(option, "transaction.xact_abort", `SET XACT_ABORT ${option.value}`);
    }
  }
}

function command(node: SetCommandStatement, context: AnalysisContext): void {
  if (node.name === "LOCK_TIMEOUT") {
    context.report(node, "transaction.lock_timeout", "SET LOCK_TIMEOUT");
  } else if (node.name === "DEADLOCK_PRIORITY") {
    context.report(node, "transaction.deadlock_priority", "SET DEADLOCK_PRIORITY");
  }
}

export const transactionDetector: Detector = {
  name: "transactions",
  description: "Transactions, savepoints, isolation levels and transaction settings.",
  visitors: {
    BeginTransactionStatement: begin,
    CommitTransactionStatement: commit,
    RollbackTransactionStatement: rollback,
    SaveTransactionStatement: save,
    SetTransactionIsolationLevelStatement: isolation,
    SetOptionsStatement: options,
    SetCommandStatement: command,
  },
};
