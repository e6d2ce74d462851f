/**
 * Writes the T-SQL of a lightweight Extended Events session that captures
 * the SQL applications send, for `infio assess --workload`: CREATE EVENT
 * SESSION, START, an export query, STOP and DROP. infio only prints it; a
 * DBA reviews and runs it.
 *
 * Facts from Microsoft Learn (SQL Server 2016 to 2022):
 * - CREATE, ALTER and DROP EVENT SESSION need ALTER ANY EVENT SESSION;
 *   SQL Server 2022 also has the narrower CREATE, ALTER and DROP ANY
 *   EVENT SESSION ("DROP EVENT SESSION", Permissions).
 * - sys.fn_xe_file_target_read_file needs VIEW SERVER STATE.
 * - A predicate is at most 3,000 characters ("CREATE EVENT SESSION").
 * - A ring_buffer target should keep max_memory at 2,048 KB to avoid a
 *   truncated XML output ("CREATE EVENT SESSION", SET target parameter),
 *   and its events are gone once the session stops.
 * - The event_file target's files go to the instance's \MSSQL\Log folder
 *   when the file name has no folder ("sys.fn_xe_file_target_read_file").
 * - WAITFOR DELAY takes a time of day, so it waits less than 24 hours.
 */

import { validateDatabaseName } from "../sqlserver/permissions/login-name.js";
import { quoteName } from "../sqlserver/catalog-query.js";

export type CaptureTarget = "event-file" | "ring-buffer";

export interface CaptureScriptOptions {
  readonly target: CaptureTarget;
  /** Folder on the server for the .xel files; the instance's log folder when absent. event-file only. */
  readonly folder?: string;
  /** event-file: megabytes on disk for all its files; ring-buffer: megabytes of memory. */
  readonly maxSizeMb: number;
  /** Capture only these databases; every database when empty. */
  readonly databases?: readonly string[];
  /** Capture only these client application names (program_name); every one when empty. */
  readonly applications?: readonly string[];
  /** Minutes to wait between START and the export, STOP and DROP; no wait when absent. */
  readonly durationMinutes?: number;
}

export const SESSION_NAME = "infio_workload";
export const DEFAULT_EVENT_FILE_MB = 1024;
export const DEFAULT_RING_BUFFER_MB = 2;

/** Limits of the options, checked by {@link captureScript}. */
export const LIMITS = {
  eventFileMb: { min: 4, max: 1024 * 1024 },
  ringBufferMb: { min: 1, max: 64 },
  durationMinutes: { min: 1, max: 23 * 60 + 59 },
  folderChars: 200,
  predicateChars: 3000,
} as const;

/** Files the event_file target rolls over between; the oldest is replaced when all are full. */
const ROLLOVER_FILES = 4;

/** Returns the whole script; throws a RangeError naming the invalid option. */
export function captureScript(options: CaptureScriptOptions): string {
  const databases = [...new Set(options.databases ?? [])];
  const applications = [...new Set(options.applications ?? [])];
  databases.forEach(validateDatabaseName);
  applications.forEach(checkApplicationName);
  checkSize(options);
  if (options.durationMinutes !== undefined) {
    checkRange("--duration", options.durationMinutes, LIMITS.durationMinutes, "minutes");
  }
  if (options.target === "ring-buffer" && options.folder !== undefined) {
    throw new RangeError("--path applies to --target event-file only; a ring buffer is kept in memory");
  }

  const predicate = predicateOf(databases, applications);
  const file = options.target === "event-file" ? xelPath(options.folder) : undefined;
  return [
    header(options, databases, applications),
    createSession(options, predicate, file),
    startSession(options),
    exportQuery(options, file),
    stopAndDrop(),
  ].join("\n");
}

function checkSize(options: CaptureScriptOptions): void {
  const limits = options.target === "event-file" ? LIMITS.eventFileMb : LIMITS.ringBufferMb;
  checkRange("--max-size", options.maxSizeMb, limits, "MB");
}

function checkRange(option: string, value: number, limits: { min: number; max: number }, unit: string): void {
  if (!Number.isInteger(value) || value < limits.min || value > limits.max) {
    throw new RangeError(
      `invalid ${option} ${value}: give a whole number of ${unit} from ${limits.min} to ${limits.max}`,
    );
  }
}

/** Application names are compared with program_name, an nvarchar(128). */
function checkApplicationName(name: string): void {
  if (name.trim() === "" || name.length > 128) {
    throw new RangeError(`invalid --app ${JSON.stringify(name)}: give the program name, 1 to 128 characters`);
  }
  if (/[\p{Cc}\p{Cf}\u2028\u2029]/u.test(name)) {
    throw new RangeError(
      `invalid --app ${JSON.stringify(name)}: it contains a control or invisible character; type it again without it`,
    );
  }
}

/** Returns the .xel file name: in the folder given, or a bare name for the instance's log folder. */
function xelPath(folder: string | undefined): string {
  const name = `${SESSION_NAME}.xel`;
  if (folder === undefined) {
    return name;
  }
  if (folder.trim() === "" || folder.length > LIMITS.folderChars || /[\p{Cc}\p{Cf}'*?"<>|]/u.test(folder)) {
    throw new RangeError(
      `invalid --path ${JSON.stringify(folder)}: give a folder on the server of at most ` +
        `${LIMITS.folderChars} characters, without quotes, wildcards or control characters`,
    );
  }
  // A folder with forward slashes only is on SQL Server on Linux.
  const separator = folder.includes("/") && !folder.includes("\\") ? "/" : "\\";
  const trimmed = folder.endsWith(separator) ? folder.slice(0, -1) : folder;
  return `${trimmed}${separator}${name}`;
}

/** Builds the WHERE clause shared by both events, without `WHERE`. */
function predicateOf(databases: readonly string[], applications: readonly string[]): string {
  const anyOf = (source: string, values: readonly string[]) => {
    const tests = values.map((v) => `[sqlserver].[equal_i_sql_unicode_string]([sqlserver].[${source}], ${unicode(v)})`);
    return tests.length === 1 ? tests[0]! : `(${tests.join(" OR ")})`;
  };

  const parts = ["[sqlserver].[is_system] = (0)"];
  if (databases.length > 0) {
    parts.push(anyOf("database_name", databases));
  }
  if (applications.length > 0) {
    parts.push(anyOf("client_app_name", applications));
  }
  const predicate = parts.join("\n        AND ");
  if (predicate.length > LIMITS.predicateChars) {
    throw new RangeError(
      `the filter on ${databases.length} database(s) and ${applications.length} application(s) is ` +
        `${predicate.length} characters, over the ${LIMITS.predicateChars} SQL Server accepts; ` +
        "give fewer --database or --app values and run one session per group",
    );
  }
  return predicate;
}

/** Quotes a string as an N'...' literal. */
function unicode(value: string): string {
  return `N'${value.replaceAll("'", "''")}'`;
}

function header(options: CaptureScriptOptions, databases: readonly string[], applications: readonly string[]): string {
  const scope = [
    databases.length === 0 ? "every database" : `database(s) ${databases.join(", ")}`,
    applications.length === 0 ? "every application" : `application(s) ${applications.join(", ")}`,
  ].join(" and ");
  const lines = [
    `Captures the SQL that applications send (${scope}) for 'infio assess --workload'.`,
    "Review it, then run it in SSMS or with sqlcmd, part by part or at once.",
    "",
    "Permissions: ALTER ANY EVENT SESSION to create, start, stop and drop the",
    "session (on SQL Server 2022 also CREATE, ALTER and DROP ANY EVENT SESSION),",
    options.target === "event-file"
      ? "and VIEW SERVER STATE to read the files back with sys.fn_xe_file_target_read_file."
      : "and VIEW SERVER STATE to read the ring buffer from sys.dm_xe_session_targets.",
    "",
    "Overhead: two events, sql_batch_completed and rpc_completed, fire once per",
    "batch or remote procedure call, with three actions (database, application,",
    "login). No statement-level events, plans or host names are captured.",
    "EVENT_RETENTION_MODE = ALLOW_MULTIPLE_EVENT_LOSS lets SQL Server drop",
    "events instead of slowing sessions down when its buffers are full, so under",
    "heavy load the execution counts are a lower bound.",
    "",
    "The capture holds the literal values the application sent, which can be",
    "personal or confidential data: store and delete the files accordingly.",
    "infio masks the literals before anything is stored or reported.",
  ];
  return lines.map((l) => (l === "" ? "--" : `-- ${l}`)).join("\n") + "\n";
}

function createSession(options: CaptureScriptOptions, predicate: string, file: string | undefined): string {
  const actions = "ACTION (sqlserver.client_app_name, sqlserver.database_name, sqlserver.server_principal_name)";
  const target =
    file === undefined
      ? `ADD TARGET package0.ring_buffer (SET max_memory = (${options.maxSizeMb * 1024}))`
      : `ADD TARGET package0.event_file (\n    SET filename = ${unicode(file)},\n` +
        `        max_file_size = (${Math.floor(options.maxSizeMb / ROLLOVER_FILES)}),\n` +
        `        max_rollover_files = (${ROLLOVER_FILES}))`;
  const sizeNote =
    file === undefined
      ? options.maxSizeMb > 2
        ? "-- Warning: a ring buffer over 2 MB may return truncated XML; infio reads what is complete.\n"
        : ""
      : `-- The files take at most about ${options.maxSizeMb} MB: ${ROLLOVER_FILES} files, the oldest replaced when all are full.\n`;

  return (
    `-- 1. Create the session (it fails if a session of this name exists).\n` +
    sizeNote +
    `CREATE EVENT SESSION ${quoteName(SESSION_NAME)} ON SERVER\n` +
    `ADD EVENT sqlserver.sql_batch_completed (\n` +
    `    SET collect_batch_text = (1)\n` +
    `    ${actions}\n` +
    `    WHERE (${predicate})),\n` +
    `ADD EVENT sqlserver.rpc_completed (\n` +
    `    SET collect_statement = (1)\n` +
    `    ${actions}\n` +
    `    WHERE (${predicate}\n        AND [object_name] <> N'sp_reset_connection'))\n` +
    `${target}\n` +
    `WITH (MAX_MEMORY = 4096 KB, EVENT_RETENTION_MODE = ALLOW_MULTIPLE_EVENT_LOSS,\n` +
    `      MAX_DISPATCH_LATENCY = 30 SECONDS, STARTUP_STATE = OFF);\n` +
    `GO\n`
  );
}

function startSession(options: CaptureScriptOptions): string {
  const session = quoteName(SESSION_NAME);
  const start = `-- 2. Start capturing.\nALTER EVENT SESSION ${session} ON SERVER STATE = START;\nGO\n`;
  const minutes = options.durationMinutes;
  if (minutes === undefined) {
    return `${start}\n-- 3. Let the application run its usual work, then run the parts below.\n`;
  }
  const delay = `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:00`;
  return `${start}\n-- 3. Capture for ${minutes} minute(s).\nWAITFOR DELAY '${delay}';\nGO\n`;
}

function exportQuery(options: CaptureScriptOptions, file: string | undefined): string {
  if (file === undefined) {
    // The ring buffer's events are discarded when the session stops, so
    // they are read first.
    return (
      `-- 4. Read the capture before stopping: the ring buffer is emptied on STOP.\n` +
      `--    Save the one XML value to a file, for example with bcp (-w writes UTF-16):\n` +
      `--    bcp "SELECT CAST(t.target_data AS xml) FROM sys.dm_xe_session_targets AS t JOIN sys.dm_xe_sessions AS s ON s.address = t.event_session_address WHERE s.name = N'${SESSION_NAME}' AND t.target_name = N'ring_buffer'" queryout workload.xml -w -S SERVER -T\n` +
      `SELECT CAST(t.target_data AS xml) AS capture\n` +
      `FROM sys.dm_xe_session_targets AS t\n` +
      `JOIN sys.dm_xe_sessions AS s ON s.address = t.event_session_address\n` +
      `WHERE s.name = N'${SESSION_NAME}' AND t.target_name = N'ring_buffer';\n` +
      `GO\n`
    );
  }

  const pattern = file.replace(/\.xel$/, "*.xel");
  return (
    `-- 4. Export the events as XML, one <event> per row, for example with sqlcmd\n` +
    `--    (-u writes UTF-16, -y 0 keeps each value whole up to 1 MB, -h -1 leaves out headers):\n` +
    `--    sqlcmd -S SERVER -E -u -y 0 -h -1 -W -o workload.xml -Q "SET NOCOUNT ON; SELECT event_data FROM sys.fn_xe_file_target_read_file(${unicode(pattern)}, NULL, NULL, NULL)"\n` +
    `--    The .xel files stay on the server after the session is dropped; delete them when done.\n` +
    `SELECT CAST(event_data AS xml) AS event_data\n` +
    `FROM sys.fn_xe_file_target_read_file(${unicode(pattern)}, NULL, NULL, NULL);\n` +
    `GO\n`
  );
}

function stopAndDrop(): string {
  const session = quoteName(SESSION_NAME);
  return (
    `-- 5. Stop capturing.\nALTER EVENT SESSION ${session} ON SERVER STATE = STOP;\nGO\n` +
    `\n-- 6. Remove the session.\nDROP EVENT SESSION ${session} ON SERVER;\nGO\n`
  );
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
