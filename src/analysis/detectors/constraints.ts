/**
 * Constraints on columns and tables: PRIMARY KEY, UNIQUE, FOREIGN KEY with
 * its referential actions, CHECK, DEFAULT (named or not), NOT FOR
 * REPLICATION, and the CONNECTION constraint of graph edge tables. The
 * index a key builds is reported by the indexes detector.
 */

import type {
  CheckConstraintDefinition,
  DefaultConstraintDefinition,
  ForeignKeyConstraintDefinition,
  GraphConnectionConstraintDefinition,
  UniqueConstraintDefinition,
} from "../../tsql/ast/tables.js";
import type { Node } from "../../tsql/ast/node.js";
import type { AnalysisContext } from "../context.js";
import type { Detector } from "../detector.js";
import { findWord, shortText, wordIn } from "./source-words.js";

/** `CONSTRAINT name ` as written before the constraint, or nothing. */
function named(node: { readonly name?: { readonly value: string } }): string {
  return node.name === undefined ? "" : `CONSTRAINT ${node.name.value} `;
}

function reportNotForReplication(node: Node, constraintKind: string, context: AnalysisContext): void {
  const notWord = wordIn(context, node, ["NOT"]);
  context.report(notWord, "ddl.constraint.not_for_replication", `${constraintKind} NOT FOR REPLICATION`);
}

function visitKey(node: UniqueConstraintDefinition, context: AnalysisContext): void {
  const constraintKind = node.isPrimaryKey ? "PRIMARY KEY" : "UNIQUE";
  const id = node.isPrimaryKey ? "ddl.constraint.primary_key" : "ddl.constraint.unique";
  context.report(node, id, `${named(node)}${constraintKind}`);
}

function visitForeignKey(node: ForeignKeyConstraintDefinition, context: AnalysisContext): void {
  const target = context.textOf(node.referencedTable);
  context.report(node, "ddl.constraint.foreign_key", `${named(node)}FOREIGN KEY REFERENCES ${target}`);

  if (node.referencedTable.database != null || node.referencedTable.server != null) {
    context.report(node.referencedTable, "ddl.constraint.foreign_key_cross_database", `FOREIGN KEY REFERENCES ${target}`);
  }

  for (const [event, action] of [["DELETE", node.onDelete], ["UPDATE", node.onUpdate]] as const) {
    if (action !== "CASCADE") {
      continue;
    }
    const on = findWord(context, node, [event], node.referencedTable.end);
    context.report(on ?? node, "ddl.constraint.cascade", `ON ${event} CASCADE`);
  }

  if (node.notForReplication) {
    reportNotForReplication(node, "FOREIGN KEY", context);
  }
}

function visitCheck(node: CheckConstraintDefinition, context: AnalysisContext): void {
  context.report(node, "ddl.constraint.check", `${named(node)}CHECK (...)`);
  if (node.notForReplication) {
    reportNotForReplication(node, "CHECK", context);
  }
}

function visitDefault(node: DefaultConstraintDefinition, context: AnalysisContext): void {
  const forColumn = node.forColumn === undefined ? "" : ` FOR ${node.forColumn.value}`;
  const message = `${named(node)}DEFAULT ${shortText(context.textOf(node.expression))}${forColumn}`;
  const id = node.name === undefined ? "ddl.constraint.default" : "ddl.constraint.default_named";
  context.report(node, id, message);
}

function visitConnection(node: GraphConnectionConstraintDefinition, context: AnalysisContext): void {
  context.report(node, "ddl.table.graph_edge", `${named(node)}CONNECTION (...)`);
}

export const constraintDetector: Detector = {
  name: "constraints",
  description:
    "Constraints: PRIMARY KEY, UNIQUE, FOREIGN KEY and cascades, CHECK, DEFAULT, NOT FOR REPLICATION, graph CONNECTION.",
  visitors: {
    UniqueConstraintDefinition: visitKey,
    ForeignKeyConstraintDefinition: visitForeignKey,
    CheckConstraintDefinition: visitCheck,
    DefaultConstraintDefinition: visitDefault,
    GraphConnectionConstraintDefinition: visitConnection,
  },
};
