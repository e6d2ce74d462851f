/**
 * File name extensions taken as T-SQL when infio scans a folder. Besides
 * `.sql`, these are the one-file-per-object extensions that SQL Server
 * Enterprise Manager's "Generate SQL Script" wrote (`.tab` tables, `.kci`
 * keys, constraints and indexes, `.fky` foreign keys, `.viw` views, `.prc`
 * procedures, `.udf` functions, `.trg` triggers, `.udt` types) and that many
 * source-controlled databases still use. A file named explicitly on the
 * command line is assessed whatever its extension; `--include` adds others.
 */
export const SQL_EXTENSIONS: ReadonlySet<string> = new Set([
  ".sql",
  ".tsql",
  ".ddl",
  ".prc",
  ".udf",
  ".udt",
  ".viw",
  ".tab",
  ".kci",
  ".fky",
  ".trg",
]);

/** Whether the file name ends in one of {@link SQL_EXTENSIONS}, in any case. */
export function hasSqlExtension(name: string): boolean {
  const dot = name.lastIndexOf(".");
  if (dot < 0) {
    return false;
  }
  return SQL_EXTENSIONS.has(name.slice(dot).toLowerCase());
}

/** Folders never scanned: version control and package caches. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set([
  ".git",
  ".hg",
  ".svn",
  "node_modules",
]);
