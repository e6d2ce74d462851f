/** Administration statements: CHECKPOINT, DBCC, BACKUP, KILL, WAITFOR, text pointers. */
import { always, family, pg, row, since } from "../build.js";
import {
  AWS,
  COMPASS_FEATURES,
  ESCAPE_HATCHES,
  postgresDocs,
  UNSUPPORTED_HANDLER,
} from "../sources.js";

const C = COMPASS_FEATURES;
const U = [AWS.unsupported, UNSUPPORTED_HANDLER];
const DBCC = ["checkdb", "checktable", "checkident", "shrinkfile", "shrinkdatabase", "freeproccache", "dropcleanbuffers", "inputbuffer", "opentran", "sqlperf", "traceon", "traceoff", "show_statistics", "updateusage", "useroptions"];

export const STATEMENT_FEATURES = family("Administration statements", [
  row("statement.checkpoint", "CHECKPOINT", "Forces dirty pages to disk.", always("notSupported"), pg("reviewManually"), "low",
    "Remove it; Aurora manages checkpoints. Newer releases accept and ignore it through an escape hatch, so it has no effect.", "Remove it, or run CHECKPOINT as a superuser if truly needed.",
    [...U, ESCAPE_HATCHES, postgresDocs("sql-checkpoint", "CHECKPOINT")]),
  row("statement.dbcc", "DBCC command", "Database console command; the command name is the detail.", always("notSupported"), pg("notSupported"), "low",
    "Remove it from application code; use PostgreSQL maintenance tools.", "Remove it; use VACUUM, ANALYZE, REINDEX or amcheck.", [AWS.unsupported, ...C], {
      details: [
        ...DBCC.filter((name) => name !== "checkident").map((name) => ({ detail: name, title: `DBCC ${name.toUpperCase()}` })),
        { detail: "checkident", title: "DBCC CHECKIDENT", babelfish: since("3.4.0"), remedy: "Supported from 3.4.0; earlier, reseed the identity another way.", postgresqlRemedy: "Use setval() on the identity sequence (pg_get_serial_sequence)." },
      ],
    }),
  row("statement.backup", "BACKUP DATABASE / LOG", "Backups from T-SQL.", always("notSupported"), pg("notSupported"), "medium",
    "Use Aurora snapshots and point-in-time restore.", "Use pg_dump, pg_basebackup or the platform's snapshots.", U),
  row("statement.restore", "RESTORE DATABASE / LOG", "Restores from T-SQL.", always("notSupported"), pg("notSupported"), "medium",
    "Use Aurora snapshot restore.", "Use pg_restore or the platform's restore.", U),
  row("statement.kill", "KILL session", "Ends a session.", since("3.4.0"), pg("notSupported"), "low",
    "KILL with a session id works from 3.4.0; KILL with options (WITH STATUSONLY) is rejected.", "Use pg_terminate_backend(pid).", [UNSUPPORTED_HANDLER, ...C]),
  row("statement.shutdown", "SHUTDOWN", "Stops the server.", always("notSupported"), pg("notSupported"), "low", "Remove it.", "Remove it.", U),
  row("statement.reconfigure", "RECONFIGURE and sp_configure", "Server configuration changes.", always("notSupported"), pg("notSupported"), "low",
    "Use the DB cluster parameter group.", "Use ALTER SYSTEM or the platform's parameter settings.", U),
  row("statement.waitfor", "WAITFOR DELAY / TIME", "Pauses the batch.", always("notSupported"), pg("notSupported"), "low",
    "No listed release supports WAITFOR; call pg_sleep() through a PostgreSQL function, or wait in the application.", "Use pg_sleep() or pg_sleep_until().", [...U, ...C]),
  row("statement.bulk_insert", "BULK INSERT", "Loads a file from the server's file system.", always("notSupported"), pg("notSupported"), "medium",
    "Load with bcp or the aws_s3 extension.", "Use COPY FROM, or \\copy in psql.", [AWS.unsupported, postgresDocs("sql-copy", "COPY")]),
  row("statement.readtext", "READTEXT / WRITETEXT / UPDATETEXT", "Text pointer statements.", always("notSupported"), pg("notSupported"), "medium",
    "Use SUBSTRING and UPDATE on varchar(max) columns.", "Use substr() and UPDATE on text columns.", U),
  row("statement.use", "USE database", "Switches the current database.", always("supported"), pg("notSupported"), "medium",
    "No change needed.", "Open a new connection; PostgreSQL cannot switch databases in a session.", [AWS.supportedByVersion]),
  row("statement.go", "GO batch separator with a count (GO n)", "Client-side batch repetition.", always("reviewManually"), pg("notSupported"), "low",
    "sqlcmd and SSMS handle GO; other clients do not.", "Use a loop or run the script n times.", [AWS.differences], { verified: false }),
  row("statement.service_broker", "Service Broker statements", "SEND, RECEIVE, BEGIN DIALOG, CREATE QUEUE, MESSAGE TYPE, CONTRACT.", always("notSupported"), pg("notSupported"), "high",
    "Use Amazon SQS or a queue table.", "Use a queue table with SKIP LOCKED, or LISTEN / NOTIFY.", U),
  row("statement.sp_configure", "sp_configure", "Server options procedure.", always("notSupported"), pg("notSupported"), "low",
    "Use the DB cluster parameter group.", "Use postgresql.conf or ALTER SYSTEM.", [AWS.unsupported]),
  row("statement.alter_server_configuration", "ALTER SERVER CONFIGURATION", "Instance settings such as process affinity or buffer pool extension; the setting is the detail.", always("notSupported"), pg("notSupported"), "low",
    "Remove it; Aurora manages the instance.", "Remove it; use postgresql.conf or the platform's settings.", [AWS.unsupported, ...C]),
  row("statement.endpoint", "CREATE / ALTER ENDPOINT", "TDS, Service Broker or mirroring endpoints.", always("notSupported"), pg("notSupported"), "low",
    "Remove it; the Babelfish endpoint is the cluster's TDS port.", "Remove it; connections go to the PostgreSQL port.", [AWS.unsupported], { verified: false }),
  row("statement.event_session", "Extended Events session", "CREATE / ALTER EVENT SESSION.", always("notSupported"), pg("notSupported"), "medium",
    "Use Performance Insights, CloudWatch or pg_stat_statements.", "Use pg_stat_statements, auto_explain or log settings.", [AWS.unsupported], { verified: false }),
  row("statement.resource_governor", "Resource Governor", "Resource pools, workload groups and ALTER RESOURCE GOVERNOR.", always("notSupported"), pg("notSupported"), "medium",
    "Remove it; size the instance or use separate clusters.", "Remove it; use per-role settings such as statement_timeout and work_mem.", [AWS.unsupported, ...C]),
  row("statement.availability_group", "Availability group", "CREATE / ALTER AVAILABILITY GROUP.", always("notSupported"), pg("notSupported"), "medium",
    "Remove it; Aurora replicates storage across zones and offers reader instances.", "Use streaming replication or the platform's high availability.", [AWS.unsupported, ...C]),
  row("statement.external_object", "PolyBase and external objects", "External data sources, file formats, tables, libraries and languages.", always("notSupported"), pg("reviewManually"), "high",
    "Load external data with aws_s3 or through a linked server.", "Use foreign data wrappers (postgres_fdw, file_fdw) and foreign tables.", [AWS.unsupported, ...C, postgresDocs("postgres-fdw", "postgres_fdw")]),
]);
