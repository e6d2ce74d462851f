import type {
  AssessedObject,
  AssessedUnit,
  ParseErrorRecord,
  SkippedInput,
} from "../assessment/model.js";
import { StoreError } from "./errors.js";

const INT4_MAX = 2_147_483_647;

/** One field of a row, in the order of the row's stored JSON array. */
export interface FieldSpec<T> {
  readonly name: string;
  readonly type: "text" | "optionalText" | "integer" | "bigint";
  readonly get: (row: T) => string | number | undefined;
}

/**
 * A table of rows that belong to one assessment, keyed by
 * `(assessment_key, ordinal)`. Each row is stored sealed: the plaintext is
 * the JSON array of its fields, which keeps every string exactly (JSON
 * escapes U+0000 and lone surrogates), so no text escaping is needed.
 */
export interface TableSpec<T> {
  readonly table: string;
  /** Returns the plaintext of a row; throws StoreError for a value it cannot keep. */
  readonly encode: (row: T) => string;
  readonly decode: (plaintext: string) => T;
  /** The plain `kind` column of a row, for tables that have one. */
  readonly kindOf?: (row: T) => string;
}

/** A table whose rows are JSON arrays of their fields. */
export interface FieldTableSpec<T> extends TableSpec<T> {
  /** Returns a row's fields in stored order; throws StoreError for a value it cannot keep. */
  readonly values: (row: T) => (string | number | null)[];
  /** Builds a row from what {@link values} returned, after a JSON round trip. */
  readonly build: (values: readonly unknown[]) => T;
}

function fieldTable<T>(
  table: string,
  fields: readonly FieldSpec<T>[],
  build: (values: readonly unknown[]) => T,
): FieldTableSpec<T> {
  const values = (row: T): (string | number | null)[] =>
    fields.map((field) => {
      const value = field.get(row);
      checkField(table, field, value);
      return value ?? null;
    });
  return {
    table,
    encode: (row) => JSON.stringify(values(row)),
    decode: (plaintext) => build(JSON.parse(plaintext) as unknown[]),
    values,
    build,
  };
}

const text = <T>(name: string, get: (row: T) => string): FieldSpec<T> => ({
  name,
  type: "text",
  get,
});

const optionalText = <T>(
  name: string,
  get: (row: T) => string | undefined,
): FieldSpec<T> => ({ name, type: "optionalText", get });

const integer = <T>(name: string, get: (row: T) => number): FieldSpec<T> => ({
  name,
  type: "integer",
  get,
});

const bigint = <T>(name: string, get: (row: T) => number): FieldSpec<T> => ({
  name,
  type: "bigint",
  get,
});

const str = (value: unknown): string => value as string;
const num = (value: unknown): number => value as number;

export const UNITS: FieldTableSpec<AssessedUnit> = fieldTable(
  "units",
  [
    text("file", (row) => row.file),
    text("encoding", (row) => row.encoding),
    integer("lines", (row) => row.lines),
    bigint("bytes", (row) => row.bytes),
    integer("batches", (row) => row.batches),
    integer("batches_with_errors", (row) => row.batchesWithErrors),
    integer("statements", (row) => row.statements),
  ],
  ([file, encoding, lines, bytes, batches, withErrors, statements]) => ({
    file: str(file),
    encoding: str(encoding),
    lines: num(lines),
    bytes: num(bytes),
    batches: num(batches),
    batchesWithErrors: num(withErrors),
    statements: num(statements),
  }),
);

export const OBJECTS: FieldTableSpec<AssessedObject> = fieldTable(
  "objects",
  [
    text("name", (row) => row.name),
    text("type", (row) => row.type),
    text("file", (row) => row.file),
    integer("line_number", (row) => row.line),
    integer("lines", (row) => row.lines),
  ],
  ([name, type, file, line, lines]) => ({
    name: str(name),
    type: str(type),
    file: str(file),
    line: num(line),
    lines: num(lines),
  }),
);

export const PARSE_ERRORS: FieldTableSpec<ParseErrorRecord> = fieldTable(
  "parse_errors",
  [
    text("file", (row) => row.file),
    integer("line_number", (row) => row.line),
    integer("column_number", (row) => row.column),
    text("message", (row) => row.message),
    optionalText("code", (row) => row.code),
  ],
  ([file, line, column, message, code]) => ({
    file: str(file),
    line: num(line),
    column: num(column),
    message: str(message),
    ...(code === null ? {} : { code: str(code) }),
  }),
);

export const SKIPPED_INPUTS: FieldTableSpec<SkippedInput> = fieldTable(
  "skipped_inputs",
  [
    text("file", (row) => row.file),
    text("reason", (row) => row.reason),
    text("message", (row) => row.message),
  ],
  ([file, reason, message]) => ({
    file: str(file),
    reason: str(reason),
    message: str(message),
  }),
);

/**
 * One inventory item with its kind. `json` is the item's JSON text with its
 * strings escaped by text-escape.ts, as the writer makes it.
 */
export interface InventoryRow {
  readonly kind: string;
  readonly json: string;
}

/** Inventory rows: `kind` stays plain for lookups, the item is sealed. */
export const INVENTORY: TableSpec<InventoryRow> & {
  readonly kindOf: (row: InventoryRow) => string;
} = {
  table: "inventory",
  encode: (row) => row.json,
  decode: (plaintext) => ({ kind: "", json: plaintext }),
  kindOf: (row) => row.kind,
};

/** Tables of the rows a writer adds. */
export const WRITER_TABLES: readonly string[] = [
  "units",
  "unit_texts",
  "objects",
  "object_chunks",
  "finding_chunks",
  "parse_errors",
  "skipped_inputs",
  "inventory",
];

/** Every table keyed by `assessment_key` except `assessments` itself. */
export const CHILD_TABLES: readonly string[] = WRITER_TABLES;

function checkField<T>(
  table: string,
  field: FieldSpec<T>,
  value: string | number | undefined,
): void {
  if (field.type === "text" && typeof value === "string") {
    return;
  }
  if (field.type === "optionalText" && (value === undefined || typeof value === "string")) {
    return;
  }

  const max = field.type === "integer" ? INT4_MAX : Number.MAX_SAFE_INTEGER;
  if (
    (field.type === "integer" || field.type === "bigint") &&
    Number.isSafeInteger(value) &&
    Math.abs(value as number) <= max
  ) {
    return;
  }

  const expected =
    field.type === "integer" || field.type === "bigint"
      ? `an integer up to ${max}`
      : "a string";
  throw new StoreError(
    "invalid-data",
    `cannot store ${table}.${field.name} value ${String(value)}: expected ${expected}`,
  );
}
