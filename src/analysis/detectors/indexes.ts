/**
 * Indexes and statistics: clustered, columnstore, unique, covering and
 * filtered indexes, inline indexes of CREATE TABLE, XML, spatial, JSON,
 * vector and full-text indexes, index options by name, ALTER INDEX,
 * statistics, and indexed views.
 */

import type { Node, OptionNode } from "../../tsql/ast/node.js";
import type {
  AlterIndexStatement,
  AlterTableAlterIndexStatement,
  CreateIndexStatement,
  CreateJsonIndexStatement,
  CreateSpatialIndexStatement,
  IndexDefinition,
  UniqueConstraintDefinition,
} from "../../tsql/ast/tables.js";
import type { AnalysisContext } from "../context.js";
import type { Detector, Visitor } from "../detector.js";
import { detailOf, findWord } from "./source-words.js";
import { reportStorage } from "./storage.js";
import { isKnownView } from "./unit-names.js";

/** Options that change behaviour when ON, with their own entry. */
const BEHAVIOUR_OPTIONS: Readonly<Record<string, string>> = {
  IGNORE_DUP_KEY: "ddl.index.ignore_dup_key",
  DROP_EXISTING: "ddl.index.drop_existing",
};

/** Reports each `WITH (name = value)` index option, the name as detail. */
export function reportIndexOptions(options: readonly OptionNode[], context: AnalysisContext): void {
  for (const option of options) {
    const value = option.value?.type === "word" ? option.value.value.toUpperCase() : undefined;
    const text = option.value?.type === "word" || option.value?.type === "number"
      ? `${option.name} = ${option.value.value}`
      : option.name;

    const id = BEHAVIOUR_OPTIONS[option.name];
    if (id !== undefined && value !== "OFF") {
      context.report(option, id, `index option ${text}`);
    } else {
      context.report(option, "ddl.index.option", `index option ${text}`, detailOf(option.name));
    }
  }
}

/** Reports `featureId` at `word` inside `node`, if the word is written. */
function reportWord(
  context: AnalysisContext,
  node: Node,
  word: string,
  featureId: string,
  message: string,
  from?: number,
): void {
  const found = findWord(context, node, [word], from);
  if (found !== undefined) {
    context.report(found, featureId, message);
  }
}

type IndexShape = Node & {
  readonly name: Node & { readonly value: string };
  readonly unique: boolean;
  readonly clustering?: "CLUSTERED" | "NONCLUSTERED";
  readonly include: readonly unknown[];
  readonly where?: Node;
  readonly options: readonly OptionNode[];
};

/** Kind, covering columns and filter, shared by CREATE INDEX and inline indexes. */
function reportIndexShape(node: IndexShape, columnStore: boolean, context: AnalysisContext): void {
  const name = node.name.value;
  if (node.unique) {
    reportWord(context, node, "UNIQUE", "ddl.index.unique", `UNIQUE index ${name}`);
  }
  if (columnStore) {
    reportWord(context, node, "COLUMNSTORE", "ddl.index.columnstore", `COLUMNSTORE index ${name}`);
  } else if (node.clustering === "CLUSTERED") {
    reportWord(context, node, "CLUSTERED", "ddl.index.clustered", `CLUSTERED index ${name}`);
  } else if (node.clustering === "NONCLUSTERED") {
    reportWord(context, node, "NONCLUSTERED", "ddl.index.nonclustered", `NONCLUSTERED index ${name}`);
  }
  if (node.include.length > 0) {
    reportWord(context, node, "INCLUDE", "ddl.index.include", `index ${name} INCLUDE (...)`, node.name.end);
  }
  if (node.where !== undefined) {
    reportWord(context, node, "WHERE", "ddl.index.filtered", `filtered index ${name} WHERE ...`, node.name.end);
  }
  reportIndexOptions(node.options, context);
}

function visitCreateIndex(node: CreateIndexStatement, context: AnalysisContext): void {
  reportIndexShape(node, node.columnStore, context);
  reportStorage(node, context);

  if (node.clustering === "CLUSTERED" && !node.columnStore && isKnownView(context, node.table)) {
    context.report(node, "ddl.view.indexed", `CLUSTERED index ${node.name.value} on view ${context.textOf(node.table)}`);
  }
}

function visitIndexDefinition(node: IndexDefinition, context: AnalysisContext): void {
  context.report(node, "ddl.index.inline", `inline INDEX ${node.name.value}`);
  reportIndexShape(node, node.columnStore, context);
  reportStorage(node, context);
}

/** PRIMARY KEY and UNIQUE build an index: its clustering, options and storage. */
function visitKeyIndex(node: UniqueConstraintDefinition, context: AnalysisContext): void {
  const keyKind = node.isPrimaryKey ? "PRIMARY KEY" : "UNIQUE";
  if (node.clustering === "CLUSTERED") {
    reportWord(context, node, "CLUSTERED", "ddl.index.clustered", `${keyKind} CLUSTERED`);
  }
  reportIndexOptions(node.options, context);
  reportStorage(node, context);
}

function simple(featureId: string, message: (node: never, context: AnalysisContext) => string): Visitor {
  return (node: Node, context: AnalysisContext) => context.report(node, featureId, message(node as never, context));
}

type NamedIndex = { readonly name: { readonly value: string }; readonly table: Node };

function onTable(context: AnalysisContext, node: NamedIndex): string {
  return `${node.name.value} ON ${context.textOf(node.table)}`;
}

function visitAlterIndex(node: AlterIndexStatement, context: AnalysisContext): void {
  const name = node.all ? "ALL" : (node.name?.value ?? "");
  context.report(node, "ddl.index.alter", `ALTER INDEX ${name} ON ${context.textOf(node.table)} ${node.action}`, detailOf(node.action));
}

function visitAlterTableAlterIndex(node: AlterTableAlterIndexStatement, context: AnalysisContext): void {
  const at = findWord(context, node, ["ALTER"], node.table.end) ?? node;
  context.report(at, "ddl.index.alter", `ALTER TABLE ... ALTER INDEX ${node.index.value} REBUILD`, "rebuild");
}

export const indexDetector: Detector = {
  name: "indexes",
  description:
    "Index kinds and options: clustered, columnstore, unique, INCLUDE, filtered, inline, XML, spatial, full-text, ALTER INDEX, statistics.",
  visitors: {
    CreateIndexStatement: visitCreateIndex,
    IndexDefinition: visitIndexDefinition,
    UniqueConstraintDefinition: visitKeyIndex,
    CreateXmlIndexStatement: simple("ddl.index.xml", (n: NamedIndex & { primary: boolean }, c) => `CREATE ${n.primary ? "PRIMARY " : ""}XML INDEX ${onTable(c, n)}`),
    CreateSelectiveXmlIndexStatement: simple("ddl.index.xml", (n: NamedIndex, c) => `CREATE SELECTIVE XML INDEX ${onTable(c, n)}`),
    CreateSpatialIndexStatement(node: CreateSpatialIndexStatement, context) {
      context.report(node, "ddl.index.spatial", `CREATE SPATIAL INDEX ${onTable(context, node)}`);
      reportStorage(node, context);
    },
    CreateJsonIndexStatement(node: CreateJsonIndexStatement, context) {
      context.report(node, "ddl.index.json", `CREATE JSON INDEX ${onTable(context, node)}`);
    },
    CreateVectorIndexStatement(node: CreateJsonIndexStatement, context) {
      context.report(node, "ddl.index.vector", `CREATE VECTOR INDEX ${onTable(context, node)}`);
    },
    AlterIndexStatement: visitAlterIndex,
    AlterTableAlterIndexStatement: visitAlterTableAlterIndex,
    CreateStatisticsStatement: simple("ddl.statistics", (n: NamedIndex, c) => `CREATE STATISTICS ${onTable(c, n)}`),
    UpdateStatisticsStatement: simple("ddl.statistics", (n: { table: Node }, c) => `UPDATE STATISTICS ${c.textOf(n.table)}`),
    CreateFullTextIndexStatement: simple("ddl.index.fulltext", (n: { table: Node }, c) => `CREATE FULLTEXT INDEX ON ${c.textOf(n.table)}`),
    AlterFullTextIndexStatement: simple("ddl.index.fulltext", (n: { table: Node; action: string }, c) => `ALTER FULLTEXT INDEX ON ${c.textOf(n.table)} ${n.action}`),
    CreateFullTextCatalogStatement: simple("ddl.index.fulltext", (n: { name: { value: string } }) => `CREATE FULLTEXT CATALOG ${n.name.value}`),
    AlterFullTextCatalogStatement: simple("ddl.index.fulltext", (n: { name: { value: string } }) => `ALTER FULLTEXT CATALOG ${n.name.value}`),
    CreateFullTextStopListStatement: simple("ddl.index.fulltext", (n: { name: { value: string } }) => `CREATE FULLTEXT STOPLIST ${n.name.value}`),
    AlterFullTextStopListStatement: simple("ddl.index.fulltext", (n: { name: { value: string } }) => `ALTER FULLTEXT STOPLIST ${n.name.value}`),
    CreateSearchPropertyListStatement: simple("ddl.index.fulltext", (n: { name: { value: string } }) => `CREATE SEARCH PROPERTY LIST ${n.name.value}`),
    AlterSearchPropertyListStatement: simple("ddl.index.fulltext", (n: { name: { value: string } }) => `ALTER SEARCH PROPERTY LIST ${n.name.value}`),
  },
};
