/**
 * Column attributes in CREATE TABLE, ALTER TABLE ADD and table types:
 * FILESTREAM, SPARSE and column sets, computed and persisted columns,
 * COLLATE, IDENTITY, ROWGUIDCOL, masking, Always Encrypted, and the
 * GENERATED ALWAYS columns of temporal and ledger tables.
 */

import type { Node } from "../../tsql/ast/node.js";
import type { TableVariableColumn } from "../../tsql/ast/procedural.js";
import type { ColumnDefinition } from "../../tsql/ast/tables.js";
import type { AnalysisContext } from "../context.js";
import type { Detector } from "../detector.js";
import { findWord, wordIn } from "./source-words.js";

/** Reports `featureId` at `word` of the column, after its name. */
function reportAt(
  context: AnalysisContext,
  column: Node & { readonly name: Node },
  word: string,
  featureId: string,
  message: string,
  detail?: string,
): void {
  const node = wordIn(context, column, [word], column.name.end);
  context.report(node, featureId, message, detail);
}

/** The function name of `MASKED WITH (FUNCTION = 'partial(1, "x", 0)')`. */
function maskingDetail(maskingFunction: string): string {
  const name = /^\s*([A-Za-z_]+)/.exec(maskingFunction)?.[1];
  return (name ?? maskingFunction).toLowerCase();
}

function visitColumn(column: ColumnDefinition, context: AnalysisContext): void {
  const name = column.name.value;

  if (column.fileStream) {
    reportAt(context, column, "FILESTREAM", "ddl.table.filestream", `column ${name} FILESTREAM`);
  }
  if (column.sparse) {
    reportAt(context, column, "SPARSE", "ddl.column.sparse", `column ${name} SPARSE`);
  }
  if (column.columnSet) {
    reportAt(context, column, "COLUMN_SET", "ddl.column.sparse", "COLUMN_SET FOR ALL_SPARSE_COLUMNS");
  }
  reportComputed(column, context);
  reportCollation(column, context);

  if (column.identity !== undefined) {
    const text = context.textOf(column.identity).replace(/\s+NOT\s+FOR\s+REPLICATION$/i, "");
    context.report(column.identity, "ddl.column.identity", `column ${name} ${text}`);
    if (column.identity.notForReplication) {
      const notWord = wordIn(context, column.identity, ["NOT"]);
      context.report(notWord, "ddl.constraint.not_for_replication", "IDENTITY ... NOT FOR REPLICATION");
    }
  }
  if (column.rowGuidCol) {
    reportAt(context, column, "ROWGUIDCOL", "ddl.column.rowguidcol", `column ${name} ROWGUIDCOL`);
  }
  if (column.maskingFunction !== undefined) {
    const detail = maskingDetail(column.maskingFunction);
    reportAt(context, column, "MASKED", "ddl.column.masked", `column ${name} MASKED WITH (FUNCTION = '${column.maskingFunction}')`, detail);
  }
  if (column.encryption !== undefined) {
    reportAt(context, column, "ENCRYPTED", "security.always_encrypted", `column ${name} ENCRYPTED WITH (...)`);
  }
  reportGenerated(column, context);
}

function reportComputed(
  column: ColumnDefinition | TableVariableColumn,
  context: AnalysisContext,
): void {
  if (column.computed === undefined) {
    return;
  }
  const name = column.name.value;
  if (column.persisted === true) {
    reportAt(context, column, "PERSISTED", "ddl.column.computed_persisted", `computed column ${name} ... PERSISTED`);
  } else {
    context.report(column, "ddl.column.computed", `computed column ${name} AS ...`);
  }
}

function reportCollation(
  column: ColumnDefinition | TableVariableColumn,
  context: AnalysisContext,
): void {
  if (column.collation === undefined) {
    return;
  }
  const collation = column.collation.value;
  const node = findWord(context, column, ["COLLATE"], column.name.end) ?? column.collation;
  context.report(node, "ddl.column.collate", `column ${column.name.value} COLLATE ${collation}`, collation);
}

/** ROW START/END belong to temporal tables, the others to ledger tables. */
function reportGenerated(column: ColumnDefinition, context: AnalysisContext): void {
  const kind = column.generatedAlways;
  if (kind === undefined) {
    return;
  }
  const id = kind.startsWith("ROW ") ? "ddl.table.temporal" : "ddl.table.ledger";
  reportAt(context, column, "GENERATED", id, `column ${column.name.value} GENERATED ALWAYS AS ${kind}`);
}

function visitTableVariableColumn(column: TableVariableColumn, context: AnalysisContext): void {
  reportComputed(column, context);
  reportCollation(column, context);
}

export const columnDetector: Detector = {
  name: "columns",
  description:
    "Column attributes: FILESTREAM, SPARSE, computed, COLLATE, IDENTITY, ROWGUIDCOL, masking, encryption, GENERATED ALWAYS.",
  visitors: {
    ColumnDefinition: visitColumn,
    TableVariableColumn: visitTableVariableColumn,
  },
};
