/**
 * Which events of a capture carry application SQL, and which fields hold
 * the SQL text, the database, the application and the login.
 *
 * Extended Events (SQL Server 2012 and later): an `<event name=...>` has
 * `<data name=...>` fields and `<action name=...>` values, each with a
 * `<value>` child. "Targets for Extended Events in SQL Server" (Microsoft
 * Learn, ring_buffer section) shows the shape, and
 * sys.fn_xe_file_target_read_file returns the same `<event>` element per
 * row. The SQL is the `batch_text` field of sql_batch_completed and the
 * `statement` field of the other three.
 *
 * Profiler trace XML: `<Event name=...>` elements under `<Events>` with
 * `<Column id=... name=...>` children. Column ids from the event class
 * pages of Microsoft Learn ("SQL:BatchCompleted Event Class" and its
 * siblings): TextData 1, NTUserName 6, ApplicationName 10, LoginName 11,
 * StartTime 14, DatabaseName 35.
 */

/** The counted part of one event, before normalisation. */
export interface CaptureEvent {
  /** The event name as the capture writes it, e.g. `rpc_completed` or `SQL:BatchCompleted`. */
  readonly name: string;
  /** The SQL text, when the event carries it. */
  readonly sql?: string;
  readonly database?: string;
  readonly application?: string;
  readonly login?: string;
  /** ISO 8601 time in UTC, when the capture gives a readable one. */
  readonly time?: string;
}

/** The field holding the SQL of each Extended Events event that is counted. */
export const EXTENDED_EVENT_SQL_FIELD: Readonly<Record<string, string>> = {
  sql_batch_completed: "batch_text",
  rpc_completed: "statement",
  sql_statement_completed: "statement",
  sp_statement_completed: "statement",
};

/** Profiler event classes that are counted; their SQL is TextData. */
export const PROFILER_EVENTS: ReadonlySet<string> = new Set([
  "SQL:BatchCompleted",
  "RPC:Completed",
  "SQL:StmtCompleted",
  "SP:StmtCompleted",
]);

/**
 * Extended Events fields and actions that are kept, as `data:NAME` or
 * `action:NAME`. Others, such as rpc_completed's `data_stream` of
 * parameter bytes, are never buffered. The client host name is left out
 * on purpose: the report needs no machine names.
 */
export const EXTENDED_EVENT_KEPT: ReadonlySet<string> = new Set([
  "data:batch_text",
  "data:statement",
  "data:database_name",
  "action:database_name",
  "action:client_app_name",
  "action:server_principal_name",
  "action:session_server_principal_name",
  "action:username",
]);

/** Profiler columns that are kept, by column name; HostName is left out as above. */
export const PROFILER_KEPT: ReadonlySet<string> = new Set([
  "TextData",
  "DatabaseName",
  "ApplicationName",
  "LoginName",
  "NTUserName",
  "StartTime",
]);

/** Profiler column names by id, for a column written without its name. */
export const PROFILER_COLUMN_NAMES: Readonly<Record<string, string>> = {
  "1": "TextData",
  "6": "NTUserName",
  "10": "ApplicationName",
  "11": "LoginName",
  "14": "StartTime",
  "35": "DatabaseName",
};

/** Builds the event from the kept fields of an Extended Events `<event>`. */
export function extendedEvent(name: string, timestamp: string | undefined, fields: ReadonlyMap<string, string>): CaptureEvent {
  const sqlField = EXTENDED_EVENT_SQL_FIELD[name];
  return withoutEmpty({
    name,
    sql: sqlField === undefined ? undefined : fields.get(`data:${sqlField}`),
    database: fields.get("action:database_name") ?? fields.get("data:database_name"),
    application: fields.get("action:client_app_name"),
    login:
      fields.get("action:server_principal_name") ??
      fields.get("action:session_server_principal_name") ??
      fields.get("action:username"),
    time: isoTime(timestamp),
  });
}

/** Builds the event from the kept columns of a Profiler `<Event>`. */
export function profilerEvent(name: string, columns: ReadonlyMap<string, string>): CaptureEvent {
  return withoutEmpty({
    name,
    sql: PROFILER_EVENTS.has(name) ? columns.get("TextData") : undefined,
    database: columns.get("DatabaseName"),
    application: columns.get("ApplicationName"),
    login: columns.get("LoginName") ?? columns.get("NTUserName"),
    time: isoTime(columns.get("StartTime")),
  });
}

/**
 * Converts a capture's time to ISO 8601 in UTC. Extended Events write UTC
 * with a `Z`; Profiler writes local time with its offset. A time without
 * a zone is read as UTC, because the capture gives no other.
 */
function isoTime(text: string | undefined): string | undefined {
  if (text === undefined || text.trim() === "") {
    return undefined;
  }
  const trimmed = text.trim();
  const zoned = /([zZ]|[+-]\d\d:?\d\d)$/.test(trimmed) ? trimmed : `${trimmed}Z`;
  const ms = Date.parse(zoned);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

type Optional = { [K in keyof CaptureEvent]?: CaptureEvent[K] | undefined };

/** Drops absent and blank values, so that `undefined` never reaches the counts. */
function withoutEmpty(event: Optional & { name: string }): CaptureEvent {
  const result: Record<string, string> = { name: event.name };
  for (const key of ["sql", "database", "application", "login", "time"] as const) {
    const value = event[key];
    if (value !== undefined && value.trim() !== "") {
      result[key] = value;
    }
  }
  return result as unknown as CaptureEvent;
}
