/**
 * @@variables, system procedures and catalog views, from the AWS version
 * table (Babelfish 1.0.0 to 3.1.0) and Babelfish Compass (to 6.0.0). A row
 * is [name, first release, PostgreSQL replacement]. An undefined release
 * means not supported, and a pair of releases means the 4.x and the 5.x
 * line gained the object at different releases. A history with its own
 * remedy covers the other shapes.
 */
import { always, family, pg, row, since, sinceOnBothLines } from "../build.js";
import type { DocReference, StatusStep } from "../model.js";
import { AWS, COMPASS_FEATURES, postgresDocs } from "../sources.js";
import { AGENT_PROCEDURES, AGENT_TABLES } from "./agent-objects.js";
import { MORE_CATALOG_VIEWS } from "./catalog-view-list.js";
import { MORE_PROCEDURES } from "./procedure-list.js";

/** A status history that a first release cannot express, with its remedy. */
export interface History {
  readonly steps: readonly StatusStep[];
  readonly remedy: string;
  /** T-SQL that shows the difference, for a `reviewSemantics` step. */
  readonly example?: string;
  /** Sources besides the Compass and AWS tables. */
  readonly docs?: readonly DocReference[];
}

export type FirstRelease = string | readonly [string, string] | History | undefined;
export type Listed = readonly [string, FirstRelease, string];

const VARIABLES: readonly Listed[] = [
  ["cursor_rows", "1.1.0", "Track the row count yourself."], ["datefirst", "1.0.0", "Use extract(isodow ...) arithmetic."],
  ["dbts", "1.2.0", "Use a sequence."], ["error", "1.0.0", "Use exception blocks and SQLSTATE."],
  ["fetch_status", "1.0.0", "Use FOUND after FETCH."], ["identity", "1.0.0", "Use RETURNING or lastval()."],
  ["language", "2.2.0", "Use current_setting('lc_messages')."], ["lock_timeout", "1.2.0", "Use current_setting('lock_timeout')."],
  ["max_connections", "1.1.0", "Use current_setting('max_connections')."], ["max_precision", "1.0.0", "Use the constant 38 (numeric allows more)."],
  ["microsoftversion", "1.1.0", "Use server_version_num."], ["nestlevel", "1.1.0", "Use pg_trigger_depth() or pass the level."],
  ["procid", "1.1.0", "Pass the routine name explicitly."], ["rowcount", "1.0.0", "Use GET DIAGNOSTICS n = ROW_COUNT."],
  ["servername", "1.0.0", "Use inet_server_addr() or a setting."], ["servicename", "1.2.0", "Remove the dependency."],
  ["spid", "1.0.0", "Use pg_backend_pid()."], ["trancount", "1.0.0", "Track transaction state in the application."],
  ["version", "1.0.0", "Use version(); the text format differs."], ["textsize", undefined, "Remove the dependency."],
  ["options", "1.0.0", "Use current_setting() per option."], ["remserver", undefined, "Remove the dependency."],
  ["connections", undefined, "Query pg_stat_activity."], ["cpu_busy", undefined, "Use pg_stat views."],
];

const PROCEDURES: readonly Listed[] = [
  ...AGENT_PROCEDURES,
  ...MORE_PROCEDURES,
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
  ["sp_helpdbfixedrole", "2.3.0", "Query pg_roles."], ["sp_helplinkedsrvlogin", "3.1.0", "Query pg_user_mappings."],
  ["sp_droplinkedsrvlogin", "3.1.0", "Use DROP USER MAPPING."], ["sp_addextendedproperty", "3.3.0", "Use COMMENT ON."],
  ["sp_updateextendedproperty", "3.3.0", "Use COMMENT ON."], ["sp_dropextendedproperty", "3.3.0", "Use COMMENT ON ... IS NULL."],
  ["sp_enum_oledb_providers", "3.3.0", "Remove the dependency."], ["sp_renamedb", "4.2.0", "Use ALTER DATABASE ... RENAME TO."],
  ["sp_reset_connection", "4.4.0", "Use DISCARD ALL."], ["sp_helplogins", ["4.7.0", "5.3.0"], "Query pg_roles where rolcanlogin."],
];

const VIEWS: readonly Listed[] = [
  ...AGENT_TABLES,
  ...MORE_CATALOG_VIEWS,
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
  ["sys.check_constraints", "1.1.0", "pg_constraint"], ["sys.default_constraints", "1.1.0", "pg_attrdef"],
  ["sys.identity_columns", "1.1.0", "information_schema.columns (is_identity)"], ["sys.index_columns", "1.1.0", "pg_index"],
  ["sys.synonyms", "2.2.0", "no equivalent"], ["sys.triggers", "2.2.0", "pg_trigger"], ["sys.partitions", "2.4.0", "pg_class and pg_inherits"],
  ["sys.syslogins", "3.2.0", "pg_roles"], ["sys.sysusers", "3.2.0", "pg_roles"],
  ["sys.database_permissions", "3.4.0", "information_schema.role_table_grants"], ["sys.server_role_members", "3.4.0", "pg_auth_members"],
  ["sys.login_token", "4.2.0", "pg_roles and pg_has_role()"], ["sys.user_token", "4.2.0", "pg_roles and pg_has_role()"],
  ["sys.sequences", "4.3.0", "pg_sequences"], ["sys.partition_functions", "4.3.0", "pg_partitioned_table"],
  ["sys.partition_schemes", "4.3.0", "pg_partitioned_table"], ["sys.partition_range_values", "4.3.0", "pg_class.relpartbound"],
  ["sys.partition_parameters", "4.3.0", "pg_partitioned_table"], ["sys.destination_data_spaces", "4.3.0", "pg_tablespace"],
  ["sys.dm_os_sys_info", "4.4.0", "pg_settings and operating system tools"],
  ["sys.sql_logins", ["4.6.0", "5.2.0"], "pg_roles where rolcanlogin"], ["sys.server_permissions", ["4.6.0", "5.2.0"], "pg_roles and role grants"],
  ["sys.time_zone_info", ["4.8.0", "5.4.0"], "pg_timezone_names"],
  ["information_schema.table_constraints", "1.2.0", "information_schema.table_constraints"],
  ["information_schema.check_constraints", "2.2.0", "information_schema.check_constraints"],
  ["information_schema.schemata", "2.4.0", "information_schema.schemata"], ["information_schema.sequences", "2.4.0", "information_schema.sequences"],
  ["information_schema.key_column_usage", "3.4.0", "information_schema.key_column_usage"],
];

/**
 * Objects outside the Compass tables (which cover `sys` views, system
 * procedures and @@variables): the msdb tables stay unconfirmed.
 */
function extras(name: string, first: FirstRelease) {
  const example = isHistory(first) ? first.example : undefined;
  return {
    ...(name.startsWith("msdb.") ? { verified: false } : {}),
    ...(example === undefined ? {} : { example }),
  };
}

function isHistory(first: FirstRelease): first is History {
  return typeof first === "object" && "steps" in first;
}

function status(first: FirstRelease): readonly StatusStep[] {
  if (first === undefined) return always("notSupported");
  if (typeof first === "string") return since(first);
  if (isHistory(first)) return first.steps;

  return sinceOnBothLines(first[0], first[1]);
}

function babelfishRemedy(first: FirstRelease): string {
  if (first === undefined) return "No listed release supports it; rewrite the code that uses it.";
  if (isHistory(first)) return first.remedy;
  if (typeof first !== "string") return `Supported from ${first[0]} (4.x) and ${first[1]} (5.x).`;

  return first === "1.0.0" ? "No change needed." : `Supported from Babelfish ${first}.`;
}

const SOURCES: readonly DocReference[] = [AWS.supportedByVersion, ...COMPASS_FEATURES];

function sources(first: FirstRelease): readonly DocReference[] {
  return isHistory(first) && first.docs !== undefined ? [...SOURCES, ...first.docs] : SOURCES;
}

export const VARIABLE_FEATURES = family("@@variables", VARIABLES.map(([name, first, postgresqlRemedy]) =>
  row(`variable.${name}`, `@@${name.toUpperCase()}`, `Reads of the system variable @@${name.toUpperCase()}.`, status(first), pg("notSupported"), "low",
    babelfishRemedy(first), postgresqlRemedy, sources(first), extras(name, first))));

export const PROCEDURE_FEATURES = family("System procedures", PROCEDURES.map(([name, first, postgresqlRemedy]) =>
  row(`sysproc.${name}`, name, `Calls to the system procedure ${name}.`, status(first), pg("notSupported"), first === undefined ? "medium" : "low",
    babelfishRemedy(first), postgresqlRemedy, sources(first), extras(name, first))));

export const CATALOG_VIEW_FEATURES = family("Catalog views", VIEWS.map(([name, first, equivalent]) =>
  row(`catalog.${name.replaceAll(".", "_").toLowerCase()}`, name, `Queries that read ${name}.`, status(first), pg("notSupported"), "low",
    babelfishRemedy(first), `Query ${equivalent} instead.`, [...sources(first), postgresDocs("catalogs", "System catalogs")], extras(name, first))));
