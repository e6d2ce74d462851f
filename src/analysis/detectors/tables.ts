/**
 * CREATE TABLE and its table-level options: temporary tables, graph and
 * FileTable types, storage, temporal, memory-optimized and ledger options;
 * table variables; partition functions and schemes.
 */

import type { OptionNode } from "../../tsql/ast/node.js";
import type { TableVariableDefinition } from "../../tsql/ast/procedural.js";
import type {
  AlterPartitionFunctionStatement,
  AlterPartitionSchemeStatement,
  CreatePartitionFunctionStatement,
  CreatePartitionSchemeStatement,
  CreateTableStatement,
  SystemTimePeriodDefinition,
} from "../../tsql/ast/tables.js";
import type { AnalysisContext } from "../context.js";
import type { Detector } from "../detector.js";
import { detailOf, wordIn } from "./source-words.js";
import { reportStorage } from "./storage.js";

/** Table options with their own catalog entry; others are `ddl.table.option`. */
const OPTION_IDS: Readonly<Record<string, string>> = {
  SYSTEM_VERSIONING: "ddl.table.temporal",
  MEMORY_OPTIMIZED: "ddl.table.memory_optimized",
  DATA_COMPRESSION: "ddl.table.data_compression",
  LEDGER: "ddl.table.ledger",
  LOCK_ESCALATION: "ddl.table.lock_escalation",
  FILESTREAM_ON: "ddl.table.filestream",
};

/** Option text as written: `DATA_COMPRESSION = PAGE`. */
function optionText(option: OptionNode): string {
  const value = option.value;
  if (value?.type === "word" || value?.type === "number") {
    return `${option.name} = ${value.value}`;
  }
  return option.name;
}

/**
 * Reports the options of `WITH (...)` in CREATE TABLE or of ALTER TABLE
 * SET. DURABILITY only means something with MEMORY_OPTIMIZED, so it counts
 * on its own only when MEMORY_OPTIMIZED is absent. FILETABLE_* options
 * belong to the FileTable already reported.
 */
export function reportTableOptions(
  options: readonly OptionNode[],
  context: AnalysisContext,
  fileTable = false,
): void {
  const memoryOptimized = options.some((o) => o.name === "MEMORY_OPTIMIZED");

  for (const option of options) {
    const text = optionText(option);
    if (option.name === "DURABILITY") {
      if (!memoryOptimized) {
        context.report(option, "ddl.table.memory_optimized", text);
      }
      continue;
    }
    if (fileTable && option.name.startsWith("FILETABLE_")) {
      continue;
    }

    const id = OPTION_IDS[option.name];
    if (id === undefined) {
      context.report(option, "ddl.table.option", `table option ${text}`, detailOf(option.name));
    } else {
      context.report(option, id, text);
    }
  }
}

const TABLE_TYPE_IDS = {
  NODE: "ddl.table.graph_node",
  EDGE: "ddl.table.graph_edge",
  FILETABLE: "ddl.table.filetable",
} as const;

function visitCreateTable(node: CreateTableStatement, context: AnalysisContext): void {
  const name = node.name.name.value;
  if (name.startsWith("##")) {
    context.report(node.name, "ddl.table.global_temporary", `CREATE TABLE ${name}`);
  } else if (name.startsWith("#")) {
    context.report(node.name, "ddl.table.temporary", `CREATE TABLE ${name}`);
  }

  if (node.tableType !== undefined) {
    const at = wordIn(context, node, [node.tableType], node.name.end);
    context.report(at, TABLE_TYPE_IDS[node.tableType], `CREATE TABLE ... AS ${node.tableType}`);
  }

  reportStorage(node, context);
  reportTableOptions(node.options, context, node.tableType === "FILETABLE");
}

function visitPeriod(node: SystemTimePeriodDefinition, context: AnalysisContext): void {
  context.report(
    node,
    "ddl.table.temporal",
    `PERIOD FOR SYSTEM_TIME (${node.startColumn.value}, ${node.endColumn.value})`,
  );
}

function visitTableVariable(node: TableVariableDefinition, context: AnalysisContext): void {
  context.report(node, "ddl.table.variable", "table variable (DECLARE @t TABLE)");
}

function visitPartitionFunction(
  node: CreatePartitionFunctionStatement | AlterPartitionFunctionStatement,
  context: AnalysisContext,
): void {
  if (node.kind === "AlterPartitionFunctionStatement") {
    context.report(node, "ddl.partition.function", `ALTER PARTITION FUNCTION ${node.name.value}`, "alter");
    return;
  }
  // RANGE LEFT is SQL Server's default when the side is not written.
  const side = node.range ?? "LEFT";
  const message = `CREATE PARTITION FUNCTION ${node.name.value} ... RANGE ${side}`;
  context.report(node, "ddl.partition.function", message, side === "LEFT" ? "range_left" : "range_right");
}

function visitPartitionScheme(
  node: CreatePartitionSchemeStatement | AlterPartitionSchemeStatement,
  context: AnalysisContext,
): void {
  if (node.kind === "AlterPartitionSchemeStatement") {
    context.report(node, "ddl.partition.scheme", `ALTER PARTITION SCHEME ${node.name.value}`, "alter");
    return;
  }
  context.report(node, "ddl.partition.scheme", `CREATE PARTITION SCHEME ${node.name.value}`);
}

export const tableDetector: Detector = {
  name: "tables",
  description:
    "Table kinds and table options: temporary, graph, FileTable, temporal, memory-optimized, partitioned, storage options.",
  visitors: {
    CreateTableStatement: visitCreateTable,
    SystemTimePeriodDefinition: visitPeriod,
    TableVariableDefinition: visitTableVariable,
    CreatePartitionFunctionStatement: visitPartitionFunction,
    AlterPartitionFunctionStatement: visitPartitionFunction,
    CreatePartitionSchemeStatement: visitPartitionScheme,
    AlterPartitionSchemeStatement: visitPartitionScheme,
  },
};
