/**
 * Catalog views, compatibility views and DMVs beyond the core list in
 * `system-objects.ts`. Statuses are from the catalog list of Babelfish
 * Compass (`BabelfishFeatures.cfg`, to 6.0.0): a listed view without a
 * `supported-` release is not supported on any release. Where Compass
 * gives a view two first releases, the earlier one is used. Many views
 * that Babelfish has for features it lacks (full-text, FILESTREAM, XML
 * indexes) exist so that tools can read them, and return no rows.
 */
import { steps } from "../build.js";
import { upgradeScript } from "../sources.js";
import type { Listed } from "./system-objects.js";

/** Compass: the 3.x line from 3.5.0, the 4.x line from 4.1.0. */
const FROM_3_5_AND_4_1 = {
  steps: steps(["1.0.0", "notSupported"], ["3.5.0", "supported"], ["4.0.0", "notSupported"], ["4.1.0", "supported"]),
  remedy: "Supported from 3.5.0 (3.x) and 4.1.0 (4.x); it returns no rows, because Aurora has no availability groups.",
};

/**
 * Builds the history of a view that Compass lists as unsupported but that
 * babelfish_extensions creates from release `version` on as
 * `SELECT ... WHERE FALSE`, so queries run and return no rows.
 */
function emptyFrom(version: string, from: string, view: string) {
  return {
    steps: steps(["1.0.0", "notSupported"], [version, "reviewSemantics"]),
    remedy: `From ${version} the view exists but returns no rows; code that expects rows must change.`,
    example: `SELECT COUNT(*) FROM ${view}; -- 0 on Babelfish`,
    docs: [upgradeScript(from, version)],
  };
}

const SERVERS = {
  steps: steps(["1.0.0", "notSupported"], ["3.1.0", "supported"]),
  remedy: "Supported from Babelfish 3.1.0.",
  docs: [upgradeScript("3.0.0", "3.1.0")],
};

export const MORE_CATALOG_VIEWS: readonly Listed[] = [
  // Views Babelfish implements.
  ["sys.views", "1.0.0", "pg_views"], ["sys.all_views", "1.0.0", "pg_views"], ["sys.all_columns", "1.0.0", "pg_attribute"],
  ["sys.foreign_key_columns", "1.0.0", "pg_constraint (conkey, confkey)"], ["sys.key_constraints", "1.0.0", "pg_constraint"],
  ["sys.extended_properties", "1.0.0", "pg_description (COMMENT ON)"], ["sys.assemblies", "1.0.0", "no equivalent"],
  ["sys.assembly_types", "1.0.0", "no equivalent"], ["sys.system_objects", "1.1.0", "pg_class and pg_proc in pg_catalog"],
  ["sys.computed_columns", "1.1.0", "pg_attribute (attgenerated)"], ["sys.endpoints", "1.2.0", "no equivalent"],
  ["sys.dm_os_host_info", "1.2.0", "version()"], ["sys.database_files", "2.1.0", "pg_database_size()"],
  ["sys.system_sql_modules", "2.1.0", "pg_proc in pg_catalog"], ["sys.data_spaces", "2.1.0", "pg_tablespace"],
  ["sys.database_mirroring", "2.1.0", "no equivalent"], ["sys.dm_hadr_database_replica_states", "2.1.0", "pg_stat_replication"],
  ["sys.filegroups", "2.2.0", "pg_tablespace"], ["sys.master_files", "2.2.0", "pg_database_size()"],
  ["sys.numbered_procedures", "2.2.0", "no equivalent"], ["sys.plan_guides", "2.2.0", "no equivalent"],
  ["sys.events", "2.2.0", "pg_event_trigger"], ["sys.trigger_events", "2.2.0", "pg_trigger"],
  ["sys.fulltext_indexes", "2.2.0", "pg_index on tsvector columns"], ["sys.fulltext_index_columns", "2.2.0", "pg_index on tsvector columns"],
  ["sys.fulltext_catalogs", "2.2.0", "no equivalent"], ["sys.fulltext_stoplists", "2.2.0", "text search dictionaries"],
  ["sys.fulltext_languages", "2.2.0", "pg_ts_config"], ["sys.xml_indexes", "2.2.0", "no equivalent"],
  ["sys.selective_xml_index_paths", "2.2.0", "no equivalent"], ["sys.spatial_indexes", "2.2.0", "pg_index (PostGIS GiST indexes)"],
  ["sys.spatial_index_tessellations", "2.2.0", "no equivalent"], ["sys.hash_indexes", "2.2.0", "pg_index (hash access method)"],
  ["sys.change_tracking_databases", "2.2.0", "no equivalent"], ["sys.change_tracking_tables", "2.2.0", "no equivalent"],
  ["sys.database_filestream_options", "2.2.0", "no equivalent"], ["sys.filetables", "2.2.0", "no equivalent"],
  ["sys.filetable_system_defined_objects", "2.2.0", "no equivalent"], ["sys.assembly_modules", "2.2.0", "no equivalent"],
  ["sys.database_recovery_status", "2.2.0", "pg_stat_database"], ["sys.registered_search_property_lists", "2.2.0", "no equivalent"],
  ["sys.dm_hadr_cluster", "2.2.0", "no equivalent"], ["sys.servers", SERVERS, "pg_foreign_server"],
  ["sys.linked_logins", "3.1.0", "pg_user_mappings"],
  ["sys.availability_groups", FROM_3_5_AND_4_1, "no equivalent"], ["sys.availability_replicas", FROM_3_5_AND_4_1, "pg_stat_replication"],

  // Compatibility views Babelfish implements.
  ["sys.sysobjects", "1.0.0", "pg_class and pg_proc"], ["sys.sysdatabases", "1.0.0", "pg_database"],
  ["sys.syscharsets", "1.0.0", "pg_encoding_to_char()"], ["sys.sysforeignkeys", "1.0.0", "pg_constraint"],
  ["sys.syscolumns", "1.1.0", "pg_attribute"], ["sys.sysindexes", "1.1.0", "pg_index"],
  ["sys.sysconfigures", "1.2.0", "pg_settings"], ["sys.syscurconfigs", "1.2.0", "pg_settings"],
  ["sys.syslanguages", "2.1.0", "no equivalent"], ["sys.systypes", "2.4.0", "pg_type"],

  // INFORMATION_SCHEMA views.
  ["information_schema.domains", "1.2.0", "information_schema.domains"],
  ["information_schema.column_domain_usage", "2.2.0", "information_schema.column_domain_usage"],
  ["information_schema.constraint_column_usage", "2.2.0", "information_schema.constraint_column_usage"],
  ["information_schema.referential_constraints", undefined, "information_schema.referential_constraints"],
  ["information_schema.parameters", undefined, "information_schema.parameters"],
  ["information_schema.view_column_usage", undefined, "information_schema.view_column_usage"],
  ["information_schema.view_table_usage", undefined, "information_schema.view_table_usage"],
  ["information_schema.table_privileges", undefined, "information_schema.table_privileges"],

  // Views no release supports.
  ["sys.messages", undefined, "a table of your own messages"], ["sys.symmetric_keys", undefined, "no equivalent; keys live outside the database"],
  ["sys.asymmetric_keys", undefined, "no equivalent; keys live outside the database"], ["sys.certificates", emptyFrom("3.4.0", "3.3.0", "sys.certificates"), "no equivalent"],
  ["sys.conversation_endpoints", undefined, "no equivalent; PostgreSQL has no Service Broker"],
  ["sys.service_queues", undefined, "no equivalent; PostgreSQL has no Service Broker"],
  ["sys.transmission_queue", undefined, "no equivalent; PostgreSQL has no Service Broker"],
  ["sys.stats", emptyFrom("2.2.0", "2.1.0", "sys.stats"), "pg_statistic_ext and pg_stats"],
  ["sys.stats_columns", undefined, "pg_statistic_ext"],
  ["sys.sql_expression_dependencies", emptyFrom("3.3.0", "3.2.0", "sys.sql_expression_dependencies"), "pg_depend"],
  ["sys.server_triggers", undefined, "pg_event_trigger"],
  ["sys.dm_exec_requests", undefined, "pg_stat_activity"], ["sys.dm_exec_sql_text", undefined, "pg_stat_activity.query"],
  ["sys.dm_exec_query_plan", undefined, "EXPLAIN or auto_explain"], ["sys.dm_exec_cached_plans", undefined, "pg_prepared_statements"],
  ["sys.dm_exec_procedure_stats", undefined, "pg_stat_user_functions"],
  ["sys.dm_db_partition_stats", undefined, "pg_class.reltuples and pg_total_relation_size()"],
  ["sys.dm_db_index_physical_stats", undefined, "the pgstattuple extension"],
  ["sys.dm_db_missing_index_details", undefined, "no equivalent; use pg_stat_statements and EXPLAIN"],
  ["sys.dm_os_performance_counters", undefined, "pg_stat_database and CloudWatch metrics"],
  ["sys.dm_io_virtual_file_stats", undefined, "pg_stat_io (PostgreSQL 16)"],
  ["sys.dm_os_waiting_tasks", undefined, "pg_stat_activity wait events"], ["sys.dm_os_schedulers", undefined, "no equivalent"],
  ["sys.dm_tran_active_transactions", undefined, "pg_stat_activity (xact_start)"],
  ["sys.dm_tran_session_transactions", undefined, "pg_stat_activity (backend_xid)"],
  ["sys.dm_db_file_space_usage", undefined, "pg_database_size()"],
  ["sys.dm_tran_database_transactions", undefined, "pg_stat_activity (backend_xid)"],
  ["sys.database_scoped_configurations", undefined, "ALTER DATABASE ... SET and pg_db_role_setting"],
  ["sys.event_notifications", undefined, "LISTEN and NOTIFY, or event triggers"],
  ["sys.query_store_query", undefined, "pg_stat_statements"], ["sys.query_store_query_text", undefined, "pg_stat_statements"],
  ["sys.query_store_plan", undefined, "auto_explain"], ["sys.query_store_runtime_stats", undefined, "pg_stat_statements"],
  ["sys.traces", undefined, "the server log (log_statement, log_min_duration_statement)"],
  ["sys.trace_events", undefined, "the server log (log_statement, log_min_duration_statement)"],

  // System table-valued functions.
  ["sys.fn_helpcollations", "1.0.0", "pg_collation"], ["sys.fn_listextendedproperty", "1.0.0", "pg_description (obj_description())"],

  // Compatibility views no release supports.
  ["sys.syscomments", undefined, "pg_proc.prosrc or pg_get_functiondef()"], ["sys.sysdepends", undefined, "pg_depend"],
  ["sys.sysmessages", undefined, "a table of your own messages"], ["sys.sysmembers", undefined, "pg_auth_members"],
  ["sys.sysprotects", undefined, "information_schema.role_table_grants"], ["sys.syspermissions", undefined, "information_schema.role_table_grants"],
  ["sys.sysfiles", undefined, "pg_database_size()"], ["sys.sysfilegroups", undefined, "pg_tablespace"],
  ["sys.sysreferences", undefined, "pg_constraint"], ["sys.sysconstraints", undefined, "pg_constraint"],
  ["sys.sysindexkeys", undefined, "pg_index"], ["sys.syslockinfo", undefined, "pg_locks"],
  ["sys.sysperfinfo", undefined, "pg_stat_database"], ["sys.sysservers", undefined, "pg_foreign_server"],
  ["sys.sysaltfiles", undefined, "pg_database_size()"], ["sys.sysdevices", undefined, "no equivalent"],
  ["sys.syscacheobjects", undefined, "pg_prepared_statements"], ["sys.sysfulltextcatalogs", undefined, "no equivalent"],
  ["sys.sysoledbusers", undefined, "pg_user_mappings"], ["sys.sysremotelogins", undefined, "pg_user_mappings"],
];
