/**
 * Writes a table's definition as T-SQL from the catalog: CREATE TABLE with
 * its columns, period, key, CHECK and FOREIGN KEY constraints, storage and
 * table options, then its other indexes and its lock escalation. The text
 * is for infio's analysis, which classifies table-level features from it;
 * it recreates the table's shape, not its data or permissions. Every name
 * is quoted. Syntax from "CREATE TABLE (Transact-SQL)", SQL Server 2022.
 */

import { quoteName } from "../catalog-query.js";
import { dataTypeText } from "./data-type.js";
import {
  createIndexText,
  inlineIndexText,
  isKeyConstraint,
  keyConstraintText,
  storageClause,
  type ColumnNamer,
} from "./index-ddl.js";
import type { CheckInfo, ColumnInfo, ForeignKeyInfo, TableDefinition } from "./table-model.js";

/**
 * `sys.columns.graph_type` of the pseudo-columns that DDL names with `$`;
 * the other graph columns are internal and never written. Values from
 * "sys.columns (Transact-SQL)", SQL Server 2017 and later.
 */
const GRAPH_PSEUDO_COLUMNS: Readonly<Record<number, string>> = {
  2: "$node_id",
  5: "$from_id",
  8: "$to_id",
};

/** The system-versioned temporal table of `sys.tables.temporal_type`. */
const SYSTEM_VERSIONED = 2;

export interface TableDdlOptions {
  /** The database's default collation; columns with another get COLLATE. */
  readonly databaseCollation: string | null;
}

/** Returns the DDL, or undefined when none of the table's columns is visible to the login. */
export function tableDdl(table: TableDefinition, options: TableDdlOptions): string | undefined {
  const { header } = table;
  const name = `${quoteName(header.schema)}.${quoteName(header.name)}`;
  const nameOf = columnNamer(table.columns);

  const ordinary = table.columns.filter((column) => column.graphType === null);
  if (ordinary.length === 0 && !header.edge && !header.fileTable) {
    return undefined;
  }

  // A FileTable's columns, keys and indexes are fixed by SQL Server, so
  // AS FILETABLE stands for all of them.
  if (header.fileTable) {
    return `CREATE TABLE ${name} AS FILETABLE${tableStorage(table, nameOf)}${tableOptions(table)};\n`;
  }

  const elements = [
    ...ordinary.map((column) => columnText(column, options)),
    ...(header.period === null
      ? []
      : [`PERIOD FOR SYSTEM_TIME (${quoteName(header.period.start)}, ${quoteName(header.period.end)})`]),
    ...keyAndInlineIndexes(table, nameOf),
    ...table.checks.map(checkText),
    ...table.foreignKeys.map(foreignKeyText),
  ];

  const statements = [
    `CREATE TABLE ${name}${elementList(elements)}${tableType(table)}${tableStorage(table, nameOf)}${tableOptions(table)};`,
  ];
  if (!header.memoryOptimized) {
    for (const index of table.indexes) {
      const text = isKeyConstraint(index) ? undefined : createIndexText(index, name, nameOf);
      if (text !== undefined) {
        statements.push(text);
      }
    }
  }
  if (!header.memoryOptimized && header.lockEscalation !== null && header.lockEscalation !== "TABLE") {
    statements.push(`ALTER TABLE ${name} SET (LOCK_ESCALATION = ${header.lockEscalation});`);
  }
  return `${statements.join("\n")}\n`;
}

/** Quotes ordinary columns and maps graph pseudo-columns to `$node_id` and the like. */
function columnNamer(columns: readonly ColumnInfo[]): ColumnNamer {
  const graph = new Map(columns.filter((c) => c.graphType !== null).map((c) => [c.name, c.graphType!]));
  return (column) => {
    const graphType = graph.get(column);
    if (graphType === undefined) {
      return quoteName(column);
    }
    return GRAPH_PSEUDO_COLUMNS[graphType];
  };
}

function elementList(elements: readonly string[]): string {
  if (elements.length === 0) {
    return "";
  }
  return `\n(\n${elements.map((element) => `    ${element}`).join(",\n")}\n)`;
}

function tableType(table: TableDefinition): string {
  if (table.header.node) {
    return " AS NODE";
  }
  return table.header.edge ? " AS EDGE" : "";
}

/** Writes a column's clauses in the order CREATE TABLE's grammar lists them. */
function columnText(column: ColumnInfo, options: TableDdlOptions): string {
  const name = quoteName(column.name);
  if (column.computed !== null) {
    const persisted = column.computed.persisted ? ` PERSISTED${column.nullable ? "" : " NOT NULL"}` : "";
    return `${name} AS ${parenthesized(column.computed.definition)}${persisted}`;
  }

  const parts = [name, dataTypeText(column)];
  if (column.fileStream) {
    parts.push("FILESTREAM");
  }
  if (column.collation !== null && column.collation !== options.databaseCollation) {
    parts.push(`COLLATE ${collationName(column.collation)}`);
  }
  if (column.sparse) {
    parts.push("SPARSE");
  }
  if (column.columnSet) {
    parts.push("COLUMN_SET FOR ALL_SPARSE_COLUMNS");
  }
  if (column.maskingFunction !== null) {
    parts.push(`MASKED WITH (FUNCTION = ${stringLiteral(column.maskingFunction)})`);
  }
  if (column.generatedAlwaysType === 1 || column.generatedAlwaysType === 2) {
    const edge = column.generatedAlwaysType === 1 ? "START" : "END";
    parts.push(`GENERATED ALWAYS AS ROW ${edge}${column.hidden ? " HIDDEN" : ""}`);
  }
  if (column.identity !== null) {
    const { seed, increment, notForReplication } = column.identity;
    parts.push(`IDENTITY(${numberText(seed)}, ${numberText(increment)})${notForReplication ? " NOT FOR REPLICATION" : ""}`);
  }
  if (!column.columnSet) {
    parts.push(column.nullable ? "NULL" : "NOT NULL");
  }
  if (column.rowGuidCol) {
    parts.push("ROWGUIDCOL");
  }
  if (column.defaultConstraint !== null) {
    const constraint = column.defaultConstraint.name === null ? "" : `CONSTRAINT ${quoteName(column.defaultConstraint.name)} `;
    parts.push(`${constraint}DEFAULT ${parenthesized(column.defaultConstraint.definition)}`);
  }
  return parts.join(" ");
}

function keyAndInlineIndexes(table: TableDefinition, nameOf: ColumnNamer): string[] {
  const texts: string[] = [];
  for (const index of table.indexes) {
    if (isKeyConstraint(index)) {
      const text = keyConstraintText(index, nameOf, table.header.memoryOptimized);
      if (text !== undefined) {
        texts.push(text);
      }
    } else if (table.header.memoryOptimized) {
      const text = inlineIndexText(index, nameOf);
      if (text !== undefined) {
        texts.push(text);
      }
    }
  }
  return texts;
}

function checkText(check: CheckInfo): string {
  const name = check.name === null ? "" : `CONSTRAINT ${quoteName(check.name)} `;
  const replication = check.notForReplication ? " NOT FOR REPLICATION" : "";
  return `${name}CHECK${replication} ${parenthesized(check.definition)}`;
}

const REFERENTIAL_ACTIONS: Readonly<Record<string, string>> = {
  CASCADE: "CASCADE",
  SET_NULL: "SET NULL",
  SET_DEFAULT: "SET DEFAULT",
};

function foreignKeyText(key: ForeignKeyInfo): string {
  const name = key.name === null ? "" : `CONSTRAINT ${quoteName(key.name)} `;
  const columns = key.columns.map(quoteName).join(", ");
  const referenced = key.referencedColumns.map(quoteName).join(", ");
  const target = `${quoteName(key.referencedSchema)}.${quoteName(key.referencedTable)}`;
  const onDelete = REFERENTIAL_ACTIONS[key.onDelete];
  const onUpdate = REFERENTIAL_ACTIONS[key.onUpdate];

  return (
    `${name}FOREIGN KEY (${columns}) REFERENCES ${target} (${referenced})` +
    (onDelete === undefined ? "" : ` ON DELETE ${onDelete}`) +
    (onUpdate === undefined ? "" : ` ON UPDATE ${onUpdate}`) +
    (key.notForReplication ? " NOT FOR REPLICATION" : "")
  );
}

function tableStorage(table: TableDefinition, nameOf: ColumnNamer): string {
  const { header } = table;
  if (header.memoryOptimized) {
    return "";
  }
  let text = storageClause(header.dataSpace, header.partitionColumn, nameOf);
  if (header.lobDataSpace !== null && !header.lobDataSpace.isDefault) {
    text += ` TEXTIMAGE_ON ${quoteName(header.lobDataSpace.name)}`;
  }
  if (header.fileStreamDataSpace !== null && !header.fileStreamDataSpace.isDefault) {
    text += ` FILESTREAM_ON ${quoteName(header.fileStreamDataSpace.name)}`;
  }
  return text;
}

function tableOptions(table: TableDefinition): string {
  const { header } = table;
  const options: string[] = [];

  if (header.memoryOptimized) {
    options.push("MEMORY_OPTIMIZED = ON");
    if (header.durability !== null && /^[A-Z_]+$/.test(header.durability)) {
      options.push(`DURABILITY = ${header.durability}`);
    }
  }
  if (header.temporalType === SYSTEM_VERSIONED) {
    const history =
      header.historyTable === null
        ? ""
        : ` (HISTORY_TABLE = ${quoteName(header.historyTable.schema)}.${quoteName(header.historyTable.name)})`;
    options.push(`SYSTEM_VERSIONING = ON${history}`);
  }
  const compression = header.dataCompression;
  if (compression !== null && /^(ROW|PAGE)$/.test(compression)) {
    options.push(`DATA_COMPRESSION = ${compression}`);
  }
  return options.length === 0 ? "" : ` WITH (${options.join(", ")})`;
}

/** Catalog definitions come parenthesised, `((0))`; a hand-built one may not. */
function parenthesized(definition: string): string {
  const trimmed = definition.trim();
  return trimmed.startsWith("(") && trimmed.endsWith(")") ? trimmed : `(${trimmed})`;
}

/** Collation names are words such as `Latin1_General_100_CI_AS_SC_UTF8`. */
function collationName(collation: string): string {
  return /^[A-Za-z0-9_]+$/.test(collation) ? collation : quoteName(collation);
}

/**
 * Returns an IDENTITY seed or increment, which the query casts from
 * sql_variant to text; anything but a number becomes SQL Server's default, 1.
 */
function numberText(value: string): string {
  return /^-?\d+(\.\d+)?$/.test(value.trim()) ? value.trim() : "1";
}

function stringLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
