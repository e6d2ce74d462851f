import type {
  AssessedObject,
  AssessedUnit,
  ParseErrorRecord,
  SkippedInput,
} from "../assessment/model.js";
import { escapeOptional, escapeText, unescapeText } from "./text-escape.js";

/** One column of a child table, as written and read by the store. */
export interface ColumnSpec<T> {
  readonly name: string;
  /** PostgreSQL element type of the array bound for bulk inserts. */
  readonly type: "text" | "integer" | "bigint" | "jsonb";
  readonly write: (row: T) => string | number | null;
}

/**
 * A table of rows that belong to one assessment, keyed by
 * `(assessment_key, ordinal)`.
 */
export interface TableSpec<T> {
  readonly table: string;
  readonly columns: readonly ColumnSpec<T>[];
  /** Builds a row from the column values, in column order. */
  readonly read: (values: readonly unknown[]) => T;
}

const text = <T>(
  name: string,
  write: (row: T) => string,
): ColumnSpec<T> => ({
  name,
  type: "text",
  write: (row) => escapeText(write(row)),
});

const optionalText = <T>(
  name: string,
  write: (row: T) => string | undefined,
): ColumnSpec<T> => ({
  name,
  type: "text",
  write: (row) => escapeOptional(write(row)),
});

const integer = <T>(
  name: string,
  write: (row: T) => number,
): ColumnSpec<T> => ({ name, type: "integer", write });

const bigint = <T>(
  name: string,
  write: (row: T) => number,
): ColumnSpec<T> => ({ name, type: "bigint", write });

const str = (value: unknown): string => unescapeText(value as string);
const num = (value: unknown): number => Number(value);

export const SOURCES: TableSpec<string> = {
  table: "sources",
  columns: [text("location", (row) => row)],
  read: ([location]) => str(location),
};

export const UNITS: TableSpec<AssessedUnit> = {
  table: "units",
  columns: [
    text("file", (row) => row.file),
    text("encoding", (row) => row.encoding),
    integer("lines", (row) => row.lines),
    bigint("bytes", (row) => row.bytes),
    integer("batches", (row) => row.batches),
    integer("batches_with_errors", (row) => row.batchesWithErrors),
    integer("statements", (row) => row.statements),
  ],
  read: ([file, encoding, lines, bytes, batches, withErrors, statements]) => ({
    file: str(file),
    encoding: str(encoding),
    lines: num(lines),
    bytes: num(bytes),
    batches: num(batches),
    batchesWithErrors: num(withErrors),
    statements: num(statements),
  }),
};

export const OBJECTS: TableSpec<AssessedObject> = {
  table: "objects",
  columns: [
    text("name", (row) => row.name),
    text("type", (row) => row.type),
    text("file", (row) => row.file),
    integer("line_number", (row) => row.line),
    integer("lines", (row) => row.lines),
  ],
  read: ([name, type, file, line, lines]) => ({
    name: str(name),
    type: str(type),
    file: str(file),
    line: num(line),
    lines: num(lines),
  }),
};

export const PARSE_ERRORS: TableSpec<ParseErrorRecord> = {
  table: "parse_errors",
  columns: [
    text("file", (row) => row.file),
    integer("line_number", (row) => row.line),
    integer("column_number", (row) => row.column),
    text("message", (row) => row.message),
    optionalText("code", (row) => row.code),
  ],
  read: ([file, line, column, message, code]) => ({
    file: str(file),
    line: num(line),
    column: num(column),
    message: str(message),
    ...(code === null ? {} : { code: str(code) }),
  }),
};

export const SKIPPED_INPUTS: TableSpec<SkippedInput> = {
  table: "skipped_inputs",
  columns: [
    text("file", (row) => row.file),
    text("reason", (row) => row.reason),
    text("message", (row) => row.message),
  ],
  read: ([file, reason, message]) => ({
    file: str(file),
    reason: str(reason),
    message: str(message),
  }),
};

/** Tables of the rows a writer adds; sources belong to the header. */
export const WRITER_TABLES: readonly string[] = [
  "units",
  "objects",
  "finding_chunks",
  "parse_errors",
  "skipped_inputs",
  "inventory",
];

/** Every table keyed by `assessment_key` except `assessments` itself. */
export const CHILD_TABLES: readonly string[] = ["sources", ...WRITER_TABLES];

/** One inventory item with its kind; items are stored as jsonb. */
export interface InventoryRow {
  readonly kind: string;
  readonly json: string;
}

export const INVENTORY: TableSpec<InventoryRow> = {
  table: "inventory",
  columns: [
    text("kind", (row) => row.kind),
    { name: "item", type: "jsonb", write: (row) => row.json },
  ],
  read: ([kind, item]) => ({ kind: str(kind), json: JSON.stringify(item) }),
};
