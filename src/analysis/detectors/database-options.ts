/**
 * CREATE DATABASE clauses and every form of ALTER DATABASE, one occurrence
 * per option with the option name as detail (`recovery`,
 * `read_committed_snapshot`), and ALTER DATABASE SCOPED CONFIGURATION.
 */

import type { Node, OptionNode } from "../../tsql/ast/node.js";
import type {
  AlterDatabaseAzureStatement,
  AlterDatabaseScopedConfigurationSetStatement,
  AlterDatabaseSetStatement,
  AlterDatabaseTarget,
  CreateDatabaseStatement,
} from "../../tsql/ast/admin.js";
import type { AnalysisContext } from "../context.js";
import type { Detector, Visitor } from "../detector.js";
import { detailOf } from "./source-words.js";

function databaseName(node: AlterDatabaseTarget): string {
  return node.database?.value ?? "CURRENT";
}

function optionText(option: OptionNode): string {
  const value = option.value;
  if (value?.type === "word" || value?.type === "number") {
    return `${option.name} ${value.value}`;
  }
  return option.name;
}

/**
 * Each clause of CREATE DATABASE beyond the name: files, collation,
 * attach, snapshot, copy, containment and WITH options. The clause is the
 * detail.
 */
function visitCreateDatabase(node: CreateDatabaseStatement, context: AnalysisContext): void {
  const name = node.name.value;
  const report = (at: Node, clause: string, detail: string) =>
    context.report(at, "database.create_options", `CREATE DATABASE ${name} ${clause}`, detail);

  const firstFiles = node.fileGroups[0] ?? node.logFiles[0];
  if (firstFiles !== undefined) {
    report(firstFiles, "ON (files)", "files");
  }
  if (node.collation !== undefined) {
    report(node.collation, `COLLATE ${node.collation.value}`, "collate");
  }
  if (node.attach !== undefined) {
    report(node, `FOR ${node.attach}`, detailOf(node.attach));
  }
  if (node.snapshotOf !== undefined) {
    report(node.snapshotOf, `AS SNAPSHOT OF ${node.snapshotOf.value}`, "snapshot");
  }
  if (node.copyOf !== undefined) {
    report(node.copyOf, "AS COPY OF", "copy");
  }
  if (node.containment !== undefined) {
    report(node, `CONTAINMENT = ${node.containment}`, "containment");
  }
  for (const option of node.options) {
    report(option, `WITH ${optionText(option)}`, detailOf(option.name));
  }
}

function visitSet(node: AlterDatabaseSetStatement, context: AnalysisContext): void {
  for (const option of node.options) {
    context.report(
      option,
      "database.alter",
      `ALTER DATABASE ${databaseName(node)} SET ${optionText(option)}`,
      detailOf(option.name),
    );
  }
}

/** A form of ALTER DATABASE other than SET, with a fixed detail. */
function form(detail: string, words: string): Visitor {
  return (node: Node & AlterDatabaseTarget, context: AnalysisContext) => {
    context.report(node, "database.alter", `ALTER DATABASE ${databaseName(node)} ${words}`, detail);
  };
}

function visitAzure(node: AlterDatabaseAzureStatement, context: AnalysisContext): void {
  context.report(node, "database.alter", `ALTER DATABASE ${databaseName(node)} ${node.action}`, detailOf(node.action));
}

function visitScopedSet(
  node: AlterDatabaseScopedConfigurationSetStatement,
  context: AnalysisContext,
): void {
  const option = node.option;
  const value = option.value?.type === "word" || option.value?.type === "number" ? ` = ${option.value.value}` : "";
  context.report(
    option,
    "database.scoped_configuration",
    `ALTER DATABASE SCOPED CONFIGURATION SET ${option.name}${value}`,
    detailOf(option.name),
  );
}

export const databaseOptionDetector: Detector = {
  name: "database-options",
  description:
    "CREATE DATABASE clauses, ALTER DATABASE options by name, and database scoped configuration.",
  visitors: {
    CreateDatabaseStatement: visitCreateDatabase,
    AlterDatabaseSetStatement: visitSet,
    AlterDatabaseAddFileStatement: (node: Node & AlterDatabaseTarget & { readonly log: boolean }, context) =>
      form("add_file", node.log ? "ADD LOG FILE" : "ADD FILE")(node, context),
    AlterDatabaseRemoveFileStatement: form("remove_file", "REMOVE FILE"),
    AlterDatabaseModifyFileStatement: form("modify_file", "MODIFY FILE"),
    AlterDatabaseAddFileGroupStatement: form("add_filegroup", "ADD FILEGROUP"),
    AlterDatabaseRemoveFileGroupStatement: form("remove_filegroup", "REMOVE FILEGROUP"),
    AlterDatabaseModifyFileGroupStatement: form("modify_filegroup", "MODIFY FILEGROUP"),
    AlterDatabaseModifyNameStatement: form("modify_name", "MODIFY NAME"),
    AlterDatabaseCollateStatement: form("collate", "COLLATE"),
    AlterDatabaseAzureStatement: visitAzure,
    AlterDatabaseScopedConfigurationSetStatement: visitScopedSet,
    AlterDatabaseScopedConfigurationClearStatement: (node: Node, context) =>
      context.report(node, "database.scoped_configuration", "ALTER DATABASE SCOPED CONFIGURATION CLEAR PROCEDURE_CACHE", "clear_procedure_cache"),
  },
};
