/**
 * ALTER TABLE forms: ALTER COLUMN, WITH NOCHECK and CHECK/NOCHECK
 * CONSTRAINT, change tracking, SWITCH, SET options, REBUILD, FileTable
 * namespaces and DROP PERIOD. ENABLE/DISABLE TRIGGER is a trigger toggle
 * and is reported by the triggers detector.
 */

import type { Node } from "../../tsql/ast/node.js";
import type {
  AlterTableAddTableElementStatement,
  AlterTableAlterColumnStatement,
  AlterTableChangeTrackingModificationStatement,
  AlterTableConstraintModificationStatement,
  AlterTableDropTableElementStatement,
  AlterTableFileTableNamespaceStatement,
  AlterTableRebuildStatement,
  AlterTableSetStatement,
  AlterTableSwitchStatement,
} from "../../tsql/ast/tables.js";
import type { AnalysisContext } from "../context.js";
import type { Detector } from "../detector.js";
import { findWord, wordIn } from "./source-words.js";
import { reportTableOptions } from "./tables.js";

/** Column properties of `ALTER COLUMN c ADD|DROP property`, by feature. */
const PROPERTY_IDS: Readonly<Record<string, string>> = {
  ROWGUIDCOL: "ddl.column.rowguidcol",
  PERSISTED: "ddl.column.computed_persisted",
  "NOT FOR REPLICATION": "ddl.constraint.not_for_replication",
  SPARSE: "ddl.column.sparse",
  HIDDEN: "ddl.table.temporal",
  MASKED: "ddl.column.masked",
};

function tableName(context: AnalysisContext, node: { readonly table: Node }): string {
  return context.textOf(node.table);
}

function visitAdd(node: AlterTableAddTableElementStatement, context: AnalysisContext): void {
  if (node.existingRowsCheck === "NOCHECK") {
    const at = wordIn(context, node, ["NOCHECK"], node.table.end);
    context.report(at, "ddl.table.nocheck_constraint", `ALTER TABLE ${tableName(context, node)} WITH NOCHECK ADD`);
  }
}

function visitAlterColumn(node: AlterTableAlterColumnStatement, context: AnalysisContext): void {
  const column = node.columnName.value;
  const alter = wordIn(context, node, ["ALTER"], node.table.end);
  context.report(alter, "ddl.table.alter_column", `ALTER TABLE ${tableName(context, node)} ALTER COLUMN ${column}`);

  if (node.collation !== undefined) {
    const collate = wordIn(context, node, ["COLLATE"], node.columnName.end);
    context.report(collate, "ddl.column.collate", `ALTER COLUMN ${column} ... COLLATE ${node.collation.value}`, node.collation.value);
  }
  if (node.sparse && node.property !== "SPARSE") {
    const sparse = wordIn(context, node, ["SPARSE"], node.columnName.end);
    context.report(sparse, "ddl.column.sparse", `ALTER COLUMN ${column} ... SPARSE`);
  }
  if (node.encryption !== undefined) {
    const encrypted = wordIn(context, node, ["ENCRYPTED"], node.columnName.end);
    context.report(encrypted, "security.always_encrypted", `ALTER COLUMN ${column} ... ENCRYPTED WITH (...)`);
  }

  const property = node.property;
  const id = property === undefined ? undefined : PROPERTY_IDS[property];
  if (property !== undefined && id !== undefined && node.propertyAction !== undefined) {
    const word = wordIn(context, node, [node.propertyAction], node.columnName.end);
    context.report(word, id, `ALTER COLUMN ${column} ${node.propertyAction} ${property}`);
  }
}

function visitDrop(node: AlterTableDropTableElementStatement, context: AnalysisContext): void {
  for (const element of node.elements) {
    if (element.elementType === "PERIOD FOR SYSTEM_TIME") {
      context.report(element, "ddl.table.temporal", "DROP PERIOD FOR SYSTEM_TIME");
    }
  }
}

/**
 * `NOCHECK CONSTRAINT` disables constraints, `WITH NOCHECK CHECK
 * CONSTRAINT` enables them without checking rows: both leave unchecked
 * rows. `[WITH CHECK] CHECK CONSTRAINT` enables and checks them.
 */
function visitConstraintModification(
  node: AlterTableConstraintModificationStatement,
  context: AnalysisContext,
): void {
  const names = node.all ? "ALL" : node.constraints.map((c) => c.value).join(", ");
  const unchecked = node.action === "NOCHECK" || node.existingRowsCheck === "NOCHECK";
  // In `WITH CHECK CHECK CONSTRAINT` the second CHECK is the action.
  const withWord = node.existingRowsCheck === undefined ? undefined : findWord(context, node, [node.existingRowsCheck], node.table.end);
  const from = unchecked || withWord === undefined ? node.table.end : withWord.end;
  const at = wordIn(context, node, [unchecked ? "NOCHECK" : "CHECK"], from);
  const prefix = node.existingRowsCheck === undefined ? "" : `WITH ${node.existingRowsCheck} `;
  const message = `ALTER TABLE ${tableName(context, node)} ${prefix}${node.action} CONSTRAINT ${names}`;
  context.report(at, unchecked ? "ddl.table.nocheck_constraint" : "ddl.table.check_constraint", message);
}

function visitChangeTracking(
  node: AlterTableChangeTrackingModificationStatement,
  context: AnalysisContext,
): void {
  const at = wordIn(context, node, [node.action], node.table.end);
  context.report(at, "ddl.table.change_tracking", `ALTER TABLE ${tableName(context, node)} ${node.action} CHANGE_TRACKING`);
}

function visitSwitch(node: AlterTableSwitchStatement, context: AnalysisContext): void {
  const at = wordIn(context, node, ["SWITCH"], node.table.end);
  context.report(at, "ddl.partition.switch", `ALTER TABLE ${tableName(context, node)} SWITCH ... TO ${context.textOf(node.target)}`);
}

function visitSet(node: AlterTableSetStatement, context: AnalysisContext): void {
  reportTableOptions(node.options, context);
}

function visitRebuild(node: AlterTableRebuildStatement, context: AnalysisContext): void {
  const at = wordIn(context, node, ["REBUILD"], node.table.end);
  context.report(at, "ddl.table.rebuild", `ALTER TABLE ${tableName(context, node)} REBUILD`);
}

function visitFileTable(node: AlterTableFileTableNamespaceStatement, context: AnalysisContext): void {
  const at = wordIn(context, node, [node.action], node.table.end);
  context.report(at, "ddl.table.filetable", `ALTER TABLE ${tableName(context, node)} ${node.action} FILETABLE_NAMESPACE`);
}

export const alterTableDetector: Detector = {
  name: "alter-table",
  description:
    "ALTER TABLE forms: ALTER COLUMN, NOCHECK, CHECK CONSTRAINT, change tracking, SWITCH, SET, REBUILD.",
  visitors: {
    AlterTableAddTableElementStatement: visitAdd,
    AlterTableAlterColumnStatement: visitAlterColumn,
    AlterTableDropTableElementStatement: visitDrop,
    AlterTableConstraintModificationStatement: visitConstraintModification,
    AlterTableChangeTrackingModificationStatement: visitChangeTracking,
    AlterTableSwitchStatement: visitSwitch,
    AlterTableSetStatement: visitSet,
    AlterTableRebuildStatement: visitRebuild,
    AlterTableFileTableNamespaceStatement: visitFileTable,
  },
};
