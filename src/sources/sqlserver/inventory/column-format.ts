/**
 * Column types as T-SQL writes them (`nvarchar(60)`, `decimal(19,4)`,
 * `ref.CountryCode`) and the column features that a migration has to
 * handle, from one row of the tables part's column query.
 */

import type { Row } from "../reader.js";
import { numberOf } from "./row-numbers.js";
import { flagOf, requiredTextOf, textOf } from "./row-values.js";

const BYTE_LENGTH_TYPES = new Set(["char", "varchar", "binary", "varbinary"]);
const CHARACTER_LENGTH_TYPES = new Set(["nchar", "nvarchar"]);
const FRACTIONAL_SECONDS_TYPES = new Set(["datetime2", "time", "datetimeoffset"]);
const DEPRECATED_LOB_TYPES = new Set(["text", "ntext", "image"]);

/** Writes the column's type, an alias or CLR type by its schema-qualified name. */
export function columnTypeName(row: Row): string {
  const typeName = requiredTextOf(row, "type_name");
  const isUserDefined = flagOf(row, "is_user_defined") === true;

  if (isUserDefined) {
    return `${requiredTextOf(row, "type_schema_name")}.${typeName}`;
  }
  if (typeName !== requiredTextOf(row, "base_type_name")) {
    // sysname, the one system alias type.
    return typeName;
  }
  return baseTypeWithLength(row);
}

/** Writes the system type with length, precision or scale, e.g. `varchar(max)`. */
export function baseTypeWithLength(row: Row): string {
  const base = requiredTextOf(row, "base_type_name");
  const maxLength = numberOf(row, "max_length") ?? 0;

  if (BYTE_LENGTH_TYPES.has(base)) {
    return `${base}(${maxLength === -1 ? "max" : maxLength})`;
  }
  if (CHARACTER_LENGTH_TYPES.has(base)) {
    return `${base}(${maxLength === -1 ? "max" : maxLength / 2})`;
  }
  if (base === "decimal" || base === "numeric") {
    return `${base}(${numberOf(row, "precision")},${numberOf(row, "scale")})`;
  }
  if (FRACTIONAL_SECONDS_TYPES.has(base)) {
    return `${base}(${numberOf(row, "scale")})`;
  }
  return base;
}

/**
 * Features of a column that change how it is migrated, in a fixed order;
 * empty for an ordinary column.
 */
export function columnFeatures(row: Row): string[] {
  const base = requiredTextOf(row, "base_type_name");
  const maxLength = numberOf(row, "max_length");
  const isAssembly = flagOf(row, "is_assembly_type") === true;
  const generated = textOf(row, "generated_always_type_desc");
  const features: string[] = [];

  const flags: readonly (readonly [string, string])[] = [
    ["is_identity", "identity"],
    ["is_computed", "computed"],
    ["is_sparse", "sparse"],
    ["is_column_set", "column-set"],
    ["is_filestream", "filestream"],
    ["is_rowguidcol", "rowguidcol"],
    ["is_hidden", "hidden"],
    ["is_masked", "masked"],
  ];
  for (const [columnName, feature] of flags) {
    if (flagOf(row, columnName) === true) {
      features.push(feature);
    }
  }

  if (generated !== null && generated !== "NOT_APPLICABLE") {
    // AS_ROW_START and AS_ROW_END of system-versioned tables, and the
    // transaction and sequence columns of ledger tables.
    features.push(`generated-${generated.toLowerCase().replaceAll("_", "-")}`);
  }
  if (textOf(row, "encryption_type_desc") !== null) {
    features.push("always-encrypted");
  }
  if (textOf(row, "graph_type_desc") !== null) {
    features.push("graph");
  }
  if (flagOf(row, "is_user_defined") === true && !isAssembly) {
    features.push("alias-type");
  }
  if (isAssembly) {
    features.push("clr-type");
  }
  if (DEPRECATED_LOB_TYPES.has(base)) {
    features.push("deprecated-lob");
  } else if (maxLength === -1 && !isAssembly) {
    features.push("lob");
  }
  if (base === "xml") {
    features.push((numberOf(row, "xml_collection_id") ?? 0) !== 0 ? "typed-xml" : "xml");
  }
  if (base === "timestamp") {
    features.push("rowversion");
  }
  if (base === "sql_variant") {
    features.push("sql-variant");
  }
  return features;
}
