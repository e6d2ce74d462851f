/**
 * @@variables, system procedures and catalog views, from the AWS version
 * table (Babelfish 1.0.0 to 3.1.0). A row is [name, first release]; an
 * undefined release means not supported.
 */
import { always, family, pg, row, since } from "../build.js";
import { AWS, postgresDocs } from "../sources.js";

type Listed = readonly [string, string | undefined, string];

const VARIABLES: readonly Listed[] = [
  ["cursor_rows", "1.1.0", "Track the row count yourself."], ["datefirst", "1.0.0", "Use extract(isodow ...) arithmetic."],
  ["dbts", "1.2.0", "Use a sequence."], ["error", "1.0.0", "Use exception blocks and SQLSTATE."],
  ["fetch_status", "1.0.0", "Use FOUND after FETCH."], ["identity", "1.0.0", "Use RETURNING or lastval()."],
  ["language", "1.0.0", "Use current_setting('lc_messages')."], ["lock_timeout", "1.2.0", "Use current_setting('lock_timeout')."],
  ["max_connections", "1.1.0", "Use current_setting('max_connections')."], ["max_precision", "1.0.0", "Use the constant 38 (numeric allows more)."],
  ["microsoftversion", "1.1.0", "Use server_version_num."], ["nestlevel", "1.1.0", "Use pg_trigger_depth() or pass the level."],
  ["procid", "1.1.0", "Pass the routine name explicitly."], ["rowcount", "1.0.0", "Use GET DIAGNOSTICS n = ROW_COUNT."],
  ["servername", "1.0.0", "Use inet_server_addr() or a setting."], ["servicename", "1.2.0", "Remove the dependency."],
  ["spid", "1.0.0", "Use pg_backend_pid()."], ["trancount", "1.0.0", "Track transaction state in the application."],
  ["version", "1.0.0", "Use version(); the text format differs."], ["textsize", undefined, "Remove the dependency."],
  ["options", undefined, "Use current_setting() per option."], ["remserver", undefined, "Remove the dependency."],
  ["connections", undefined, "Query pg_stat_activity."], ["cpu_busy", undefined, "Use pg_stat views."],
];

const PROCEDURES: readonly Listed[] = [
  ["sp_executesql", "1.0.0", "Use EXECUTE ... USING in PL/pgSQL."], ["sp_getapplock", "1.0.0", "Use pg_advisory_lock."],
  ["sp_helpdb", "1.0.0", "Query pg_database."], ["sp_columns", "1.1.0", "Query information_schema.columns."],
  ["sp_tables", "1.1.0", "Query information_schema.tables."], ["sp_describe_first_result_set", "1.1.0", "No equivalent; describe in the client."],
  ["sp_prepare", "1.1.0", "Use PREPARE."], ["sp_pkeys", "1.1.0", "Query information_schema.table_constraints."],
  ["sp_helpuser", "1.2.0", "Query pg_roles."], ["sp_fkeys", "1.2.0", "Query information_schema.referential_constraints."],
  ["sp_stored_procedures", "1.2.0", "Query information_schema.routines."], ["sp_helprole", "2.1.0", "Query pg_roles."],
  ["sp_helprolemember", "2.1.0", "Query pg_auth_members."], ["sp_helpsrvrolemember", "2.2.0", "Query pg_auth_members."],
  ["sp_addrole", "2.3.0", "Use CREATE ROLE."], ["sp_addrolemember", "2.3.0", "Use GRANT role TO member."],
  ["sp_droprole", "2.3.0", "Use DROP ROLE."], ["sp_droprolemember", "2.3.0", "Use REVOKE role FROM member."],
  ["sp_rename", "2.4.0", "Use ALTER ... RENAME."], ["sp_set_session_context", "2.4.0", "Use set_config()."],
  ["sp_addlinkedserver", "2.4.0", "Use postgres_fdw or tds_fdw with CREATE SERVER."], ["sp_addlinkedsrvlogin", "2.4.0", "Use CREATE USER MAPPING."],
  ["sp_dropserver", "2.4.0", "Use DROP SERVER."], ["sp_linkedservers", "2.4.0", "Query pg_foreign_server."],
  ["sp_babelfish_volatility", "2.4.0", "Use ALTER FUNCTION ... IMMUTABLE | STABLE | VOLATILE."],
  ["sp_who", "3.3.0", "Query pg_stat_activity."], ["sp_serveroption", "3.2.0", "Use ALTER SERVER ... OPTIONS."],
  ["sp_testlinkedserver", "3.3.0", "Query the foreign server."], ["sp_changedbowner", "3.4.0", "Use ALTER DATABASE ... OWNER TO."],
  ["sp_updatestats", "1.1.0", "Use ANALYZE."], ["sp_helptext", undefined, "Use pg_get_functiondef()."],
  ["sp_configure", undefined, "Use ALTER SYSTEM or the parameter group."], ["sp_addmessage", undefined, "Keep messages in a table."],
  ["sp_add_job", undefined, "Use pg_cron or an external scheduler."], ["sp_add_jobstep", undefined, "Use pg_cron or an external scheduler."],
  ["sp_add_jobschedule", undefined, "Use pg_cron or an external scheduler."], ["sp_start_job", undefined, "Use pg_cron or an external scheduler."],
  ["sp_send_dbmail", undefined, "Send mail from the application or AWS Lambda."], ["sp_addpublication", undefined, "Use logical replication (CREATE PUBLICATION)."],
  ["sp_addsubscription", undefined, "Use logical replication (CREATE SUBSCRIPTION)."], ["sp_addarticle", undefined, "Use ALTER PUBLICATION ... ADD TABLE."],
  ["sp_oacreate", undefined, "Move OLE automation to the application."], ["sp_setapprole", undefined, "Use SET ROLE."],
  ["xp_cmdshell", undefined, "Move shell calls out of the database."], ["xp_regread", undefined, "Remove registry access."],
  ["xp_fileexist", undefined, "Move file checks out of the database."], ["xp_qv", "1.2.0", "Remove the dependency."],
];

const VIEWS: readonly Listed[] = [
  ["sys.tables", "1.0.0", "pg_class / information_schema.tables"], ["sys.columns", "1.0.0", "pg_attribute / information_schema.columns"],
  ["sys.all_objects", "1.0.0", "pg_class and pg_proc"], ["sys.schemas", "1.0.0", "pg_namespace"], ["sys.databases", "1.0.0", "pg_database"],
  ["sys.server_principals", "1.0.0", "pg_roles"], ["sys.database_principals", "1.2.0", "pg_roles"], ["sys.table_types", "1.2.0", "pg_type"],
  ["sys.dm_exec_sessions", "1.2.0", "pg_stat_activity"], ["sys.dm_exec_connections", "1.2.0", "pg_stat_activity and pg_stat_ssl"],
  ["sys.sysprocesses", "1.2.0", "pg_stat_activity"], ["sys.configurations", "1.2.0", "pg_settings"], ["sys.indexes", "2.1.0", "pg_index"],
  ["sys.sql_modules", "2.1.0", "pg_proc.prosrc / pg_get_viewdef()"], ["sys.all_sql_modules", "2.1.0", "pg_proc"],
  ["sys.database_role_members", "2.1.0", "pg_auth_members"], ["sys.xml_schema_collections", "2.1.0", "no equivalent"],
  ["sys.all_parameters", "2.3.0", "information_schema.parameters"], ["sys.types", "2.4.0", "pg_type"],
  ["information_schema.tables", "1.2.0", "information_schema.tables"], ["information_schema.columns", "1.2.0", "information_schema.columns"],
  ["information_schema.routines", "2.4.0", "information_schema.routines"], ["information_schema.views", "2.1.0", "information_schema.views"],
  ["sys.objects", "1.0.0", "pg_class and pg_proc"], ["sys.procedures", "1.0.0", "pg_proc"], ["sys.foreign_keys", "1.0.0", "pg_constraint"],
  ["sys.parameters", undefined, "information_schema.parameters"], ["sys.periods", undefined, "no equivalent"],
  ["sys.sql_dependencies", undefined, "pg_depend"], ["sys.allocation_units", undefined, "pg_class.relpages"],
  ["sys.dm_exec_query_stats", undefined, "pg_stat_statements"], ["sys.dm_db_index_usage_stats", undefined, "pg_stat_user_indexes"],
  ["sys.dm_tran_locks", undefined, "pg_locks"], ["sys.dm_os_wait_stats", undefined, "pg_stat_activity wait events"],
  ["msdb.dbo.sysjobs", undefined, "cron.job (pg_cron)"], ["msdb.dbo.backupset", undefined, "no equivalent; use platform backups"],
];

/** Rows we believe present from 1.0.0 that the AWS table does not list. */
const UNLISTED = new Set(["sp_executesql", "sys.objects", "sys.procedures", "sys.foreign_keys"]);

function extras(name: string, first: string | undefined) {
  return first === undefined || UNLISTED.has(name) ? { verified: false } : {};
}

function status(first: string | undefined) {
  return first === undefined ? always("notSupported") : since(first);
}

function babelfishRemedy(first: string | undefined): string {
  if (first === undefined) return "Not in the Babelfish version table; rewrite or check the current release notes.";
  return first === "1.0.0" ? "No change needed." : `Supported from Babelfish ${first}.`;
}

export const VARIABLE_FEATURES = family("@@variables", VARIABLES.map(([name, first, postgresqlRemedy]) =>
  row(`variable.${name}`, `@@${name.toUpperCase()}`, `Reads of the system variable @@${name.toUpperCase()}.`, status(first), pg("notSupported"), "low",
    babelfishRemedy(first), postgresqlRemedy, [AWS.supportedByVersion], extras(name, first))));

export const PROCEDURE_FEATURES = family("System procedures", PROCEDURES.map(([name, first, postgresqlRemedy]) =>
  row(`sysproc.${name}`, name, `Calls to the system procedure ${name}.`, status(first), pg("notSupported"), first === undefined ? "medium" : "low",
    babelfishRemedy(first), postgresqlRemedy, [AWS.supportedByVersion], extras(name, first))));

export const CATALOG_VIEW_FEATURES = family("Catalog views", VIEWS.map(([name, first, equivalent]) =>
  row(`catalog.${name.replaceAll(".", "_").toLowerCase()}`, name, `Queries that read ${name}.`, status(first), pg("notSupported"), "low",
    babelfishRemedy(first), `Query ${equivalent} instead.`, [AWS.supportedByVersion, postgresDocs("catalogs", "System catalogs")], extras(name, first))));
