/**
 * Writes indexes and key constraints as T-SQL: PRIMARY KEY and UNIQUE
 * inside CREATE TABLE, the indexes of memory-optimized tables inline
 * (they cannot be created apart), and every other index as a CREATE INDEX
 * statement after the table. Syntax from "CREATE INDEX", "CREATE XML
 * INDEX", "CREATE SPATIAL INDEX" and "CREATE COLUMNSTORE INDEX" on
 * Microsoft Learn, SQL Server 2022.
 */

import { quoteName } from "../catalog-query.js";
import type { DataSpace, IndexColumn, IndexInfo } from "./table-model.js";

export const INDEX_TYPE = {
  clustered: 1,
  nonclustered: 2,
  xml: 3,
  spatial: 4,
  clusteredColumnstore: 5,
  nonclusteredColumnstore: 6,
  hash: 7,
} as const;

/** Maps a column to the name DDL writes, or undefined for an internal column DDL cannot name. */
export type ColumnNamer = (column: string) => string | undefined;

export function isKeyConstraint(index: IndexInfo): boolean {
  return index.primaryKey || index.uniqueConstraint;
}

/** Key columns in key order, each with ASC or DESC; undefined when one cannot be named. */
function keyList(index: IndexInfo, nameOf: ColumnNamer, withOrder: boolean): string | undefined {
  const keys = index.columns
    .filter((column) => column.keyOrdinal > 0)
    .sort((a, b) => a.keyOrdinal - b.keyOrdinal);
  const orderOf = (column: IndexInfo["columns"][number]): string => {
    if (!withOrder) {
      return "";
    }
    return column.descending ? " DESC" : " ASC";
  };
  return columnList(keys, nameOf, orderOf);
}

/** INCLUDE columns, or the columns of a nonclustered columnstore index, in creation order. */
function includedList(index: IndexInfo, nameOf: ColumnNamer): string | undefined {
  const included = index.columns
    .filter((column) => column.included && column.keyOrdinal === 0)
    .sort((a, b) => a.indexColumnId - b.indexColumnId);
  return columnList(included, nameOf, () => "");
}

function columnList(
  columns: readonly IndexColumn[],
  nameOf: ColumnNamer,
  suffix: (column: IndexColumn) => string,
): string | undefined {
  const names: string[] = [];
  for (const column of columns) {
    const name = nameOf(column.name);
    if (name === undefined) {
      return undefined;
    }
    names.push(`${name}${suffix(column)}`);
  }
  return names.join(", ");
}

/** `ON [fg]` or `ON [scheme]([column])`; nothing on the default filegroup. */
export function storageClause(
  dataSpace: DataSpace | null,
  partitionColumn: string | null,
  nameOf: ColumnNamer,
): string {
  if (dataSpace === null) {
    return "";
  }
  if (dataSpace.type === "PS" && partitionColumn !== null) {
    const column = nameOf(partitionColumn) ?? quoteName(partitionColumn);
    return ` ON ${quoteName(dataSpace.name)}(${column})`;
  }
  return dataSpace.isDefault ? "" : ` ON ${quoteName(dataSpace.name)}`;
}

function indexPartitionColumn(index: IndexInfo): string | null {
  return index.columns.find((column) => column.partitionOrdinal === 1)?.name ?? null;
}

/**
 * `WITH (...)` options worth keeping: those that change behaviour or
 * storage. The clustered index's compression is written with the table.
 */
function indexOptions(index: IndexInfo): string {
  const options: string[] = [];
  if (index.bucketCount !== null && index.type === INDEX_TYPE.hash) {
    options.push(`BUCKET_COUNT = ${index.bucketCount}`);
  }
  if (index.ignoreDupKey) {
    options.push("IGNORE_DUP_KEY = ON");
  }
  if (index.fillFactor > 0 && index.fillFactor < 100) {
    options.push(`FILLFACTOR = ${index.fillFactor}`);
  }
  const compression = index.dataCompression;
  const columnstore =
    index.type === INDEX_TYPE.clusteredColumnstore || index.type === INDEX_TYPE.nonclusteredColumnstore;
  const defaultCompression = compression === null || compression === "NONE" || (columnstore && compression === "COLUMNSTORE");
  if (!defaultCompression && index.indexId > 1) {
    options.push(`DATA_COMPRESSION = ${compression}`);
  }
  return options.length === 0 ? "" : ` WITH (${options.join(", ")})`;
}

function clusteringWord(index: IndexInfo): string {
  switch (index.type) {
    case INDEX_TYPE.clustered:
      return "CLUSTERED";
    case INDEX_TYPE.hash:
      return "NONCLUSTERED HASH";
    case INDEX_TYPE.clusteredColumnstore:
      return "CLUSTERED COLUMNSTORE";
    case INDEX_TYPE.nonclusteredColumnstore:
      return "NONCLUSTERED COLUMNSTORE";
    default:
      return "NONCLUSTERED";
  }
}

/** `CONSTRAINT [pk] PRIMARY KEY CLUSTERED ([id] ASC) ...` inside CREATE TABLE. */
export function keyConstraintText(index: IndexInfo, nameOf: ColumnNamer, memoryOptimized: boolean): string | undefined {
  const keys = keyList(index, nameOf, index.type !== INDEX_TYPE.hash);
  if (keys === undefined) {
    return undefined;
  }
  const name = index.systemNamed ? "" : `CONSTRAINT ${quoteName(index.name)} `;
  const kind = index.primaryKey ? "PRIMARY KEY" : "UNIQUE";
  const storage = memoryOptimized ? "" : storageClause(index.dataSpace, indexPartitionColumn(index), nameOf);
  return `${name}${kind} ${clusteringWord(index)} (${keys})${indexOptions(index)}${storage}`;
}

/** `INDEX [ix] NONCLUSTERED HASH ([c]) WITH (BUCKET_COUNT = n)` inside a memory-optimized CREATE TABLE. */
export function inlineIndexText(index: IndexInfo, nameOf: ColumnNamer): string | undefined {
  const unique = index.unique ? "UNIQUE " : "";
  if (index.type === INDEX_TYPE.clusteredColumnstore) {
    return `INDEX ${quoteName(index.name)} CLUSTERED COLUMNSTORE`;
  }
  const keys = keyList(index, nameOf, index.type !== INDEX_TYPE.hash);
  if (keys === undefined) {
    return undefined;
  }
  return `INDEX ${quoteName(index.name)} ${unique}${clusteringWord(index)} (${keys})${indexOptions(index)}`;
}

/** A CREATE ... INDEX statement for an index that is not a key constraint. */
export function createIndexText(index: IndexInfo, table: string, nameOf: ColumnNamer): string | undefined {
  const name = quoteName(index.name);
  switch (index.type) {
    case INDEX_TYPE.xml:
      return xmlIndexText(index, name, table, nameOf);
    case INDEX_TYPE.spatial:
      return spatialIndexText(index, name, table, nameOf);
    case INDEX_TYPE.clusteredColumnstore:
      return `CREATE CLUSTERED COLUMNSTORE INDEX ${name} ON ${table}${indexOptions(index)}${storageOf(index, nameOf)};`;
    case INDEX_TYPE.nonclusteredColumnstore: {
      const columns = includedList(index, nameOf);
      return columns === undefined
        ? undefined
        : `CREATE NONCLUSTERED COLUMNSTORE INDEX ${name} ON ${table} (${columns})${filterOf(index)}${indexOptions(index)}${storageOf(index, nameOf)};`;
    }
    default:
      return rowstoreIndexText(index, name, table, nameOf);
  }
}

function storageOf(index: IndexInfo, nameOf: ColumnNamer): string {
  return storageClause(index.dataSpace, indexPartitionColumn(index), nameOf);
}

function filterOf(index: IndexInfo): string {
  return index.filter === null ? "" : ` WHERE ${index.filter}`;
}

function rowstoreIndexText(index: IndexInfo, name: string, table: string, nameOf: ColumnNamer): string | undefined {
  const keys = keyList(index, nameOf, true);
  const included = includedList(index, nameOf);
  if (keys === undefined || included === undefined) {
    return undefined;
  }
  const unique = index.unique ? "UNIQUE " : "";
  const include = included === "" ? "" : ` INCLUDE (${included})`;
  return (
    `CREATE ${unique}${clusteringWord(index)} INDEX ${name} ON ${table} (${keys})` +
    `${include}${filterOf(index)}${indexOptions(index)}${storageOf(index, nameOf)};`
  );
}

/**
 * Primary and secondary XML indexes. Selective XML indexes (types 2 and
 * 3) need their promoted paths, which these queries do not read.
 */
function xmlIndexText(index: IndexInfo, name: string, table: string, nameOf: ColumnNamer): string | undefined {
  const column = index.columns[0];
  const columnName = column === undefined ? undefined : nameOf(column.name);
  if (columnName === undefined) {
    return undefined;
  }
  if (index.xmlIndexType === 0 || index.xmlIndexType === null) {
    return `CREATE PRIMARY XML INDEX ${name} ON ${table} (${columnName});`;
  }
  if (index.xmlIndexType === 1 && index.primaryXmlIndex !== null && index.secondaryType !== null) {
    return (
      `CREATE XML INDEX ${name} ON ${table} (${columnName}) ` +
      `USING XML INDEX ${quoteName(index.primaryXmlIndex)} FOR ${index.secondaryType};`
    );
  }
  // NOTE: selective XML indexes are written as a primary XML index, so
  // the feature is still reported, without their paths.
  return `CREATE PRIMARY XML INDEX ${name} ON ${table} (${columnName});`;
}

function spatialIndexText(index: IndexInfo, name: string, table: string, nameOf: ColumnNamer): string | undefined {
  const column = index.columns[0];
  const columnName = column === undefined ? undefined : nameOf(column.name);
  if (columnName === undefined) {
    return undefined;
  }
  const scheme = index.tessellationScheme;
  const using = scheme !== null && /^[A-Z_]+$/.test(scheme) ? ` USING ${scheme}` : "";
  const box = index.boundingBox;
  const geometry = scheme !== null && scheme.startsWith("GEOMETRY");
  const options = geometry && box !== null ? ` WITH (BOUNDING_BOX = (${box.join(", ")}))` : "";
  return `CREATE SPATIAL INDEX ${name} ON ${table} (${columnName})${using}${options}${storageOf(index, nameOf)};`;
}
