/**
 * Storage clauses shared by tables, indexes and constraints: `ON
 * filegroup`, `ON scheme (column)`, `TEXTIMAGE_ON` and `FILESTREAM_ON`.
 * The walker cannot tell these apart by node kind, so the detectors of the
 * owning statements call this with the clause each field holds.
 */

import type { FileGroupOrPartitionScheme } from "../../tsql/ast/tables.js";
import type { AnalysisContext } from "../context.js";

export interface StorageClauses {
  readonly on?: FileGroupOrPartitionScheme;
  readonly textImageOn?: FileGroupOrPartitionScheme;
  readonly fileStreamOn?: FileGroupOrPartitionScheme;
}

export function reportStorage(storage: StorageClauses, context: AnalysisContext): void {
  const { on, textImageOn, fileStreamOn } = storage;

  if (on?.partitionColumns !== undefined && on.partitionColumns.length > 0) {
    context.report(on, "ddl.table.partitioned", `ON ${context.textOf(on)}`);
  } else if (on !== undefined) {
    context.report(on, "ddl.table.filegroup", `ON ${context.textOf(on)}`);
  }

  if (textImageOn !== undefined) {
    context.report(textImageOn, "ddl.table.filegroup", `TEXTIMAGE_ON ${context.textOf(textImageOn)}`);
  }
  if (fileStreamOn !== undefined) {
    context.report(fileStreamOn, "ddl.table.filestream", `FILESTREAM_ON ${context.textOf(fileStreamOn)}`);
  }
}
