/**
 * Writes a column's data type from sys.columns and sys.types, as CREATE
 * TABLE would declare it. Lengths follow "sys.columns (Transact-SQL)":
 * max_length is in bytes and -1 for `(max)`, so nchar and nvarchar halve
 * it; precision and scale give decimal, numeric, float and the time types.
 */

import { quoteName } from "../catalog-query.js";
import type { ColumnInfo } from "./table-model.js";

const BYTE_LENGTH_TYPES = new Set(["char", "varchar", "binary", "varbinary"]);
const UNICODE_LENGTH_TYPES = new Set(["nchar", "nvarchar"]);
const SCALE_TYPES = new Set(["datetime2", "time", "datetimeoffset"]);

/** float without a precision is float(53). */
const FLOAT_DEFAULT_PRECISION = 53;

export function dataTypeText(column: ColumnInfo): string {
  if (column.userDefinedType) {
    return `${quoteName(column.typeSchema)}.${quoteName(column.typeName)}`;
  }

  const name = column.typeName.toLowerCase();
  const written = /^[a-z0-9_]+$/.test(name) ? name : quoteName(column.typeName);

  if (BYTE_LENGTH_TYPES.has(name)) {
    return `${written}(${column.maxLength === -1 ? "max" : column.maxLength})`;
  }
  if (UNICODE_LENGTH_TYPES.has(name)) {
    return `${written}(${column.maxLength === -1 ? "max" : column.maxLength / 2})`;
  }
  if (name === "decimal" || name === "numeric") {
    return `${written}(${column.precision}, ${column.scale})`;
  }
  if (SCALE_TYPES.has(name)) {
    return `${written}(${column.scale})`;
  }
  if (name === "float" && column.precision !== FLOAT_DEFAULT_PRECISION && column.precision > 0) {
    return `${written}(${column.precision})`;
  }
  if (name === "xml" && column.xmlCollection !== null) {
    const facet = column.xmlDocument ? "DOCUMENT" : "CONTENT";
    const collection = `${quoteName(column.xmlCollection.schema)}.${quoteName(column.xmlCollection.name)}`;
    return `${written}(${facet} ${collection})`;
  }
  return written;
}
