/**
 * System procedures beyond the core list in `system-objects.ts`: the
 * client-API procedures Babelfish implements, OLE Automation, the
 * procedures that read or change server state, and the legacy security
 * procedures. Statuses are from Babelfish Compass (`BabelfishFeatures.cfg`,
 * to 6.0.0), whose procedure list includes every name here. The Babelfish
 * 4.4.0 syntax handler also rejects most of the unsupported ones by name.
 */
import { steps } from "../build.js";
import type { Listed } from "./system-objects.js";

const OLE = "Move OLE Automation to the application or AWS Lambda.";
const HELP = "Query pg_catalog or information_schema.";
const LOGINS = "Use CREATE ROLE ... LOGIN, ALTER ROLE and DROP ROLE.";
const USERS = "Use CREATE ROLE, GRANT and DROP ROLE.";
const TRACE = "Log statements with log_min_duration_statement or auto_explain, or use pg_stat_statements.";

export const MORE_PROCEDURES: readonly Listed[] = [
  // Client-API and catalog procedures that Babelfish implements.
  ["sp_datatype_info", "1.0.0", "Query pg_type."], ["sp_describe_undeclared_parameters", "1.0.0", "Describe parameters in the client."],
  ["sp_execute", "1.0.0", "Use EXECUTE of a prepared statement."], ["sp_prepexec", "1.0.0", "Use PREPARE and EXECUTE."],
  ["sp_unprepare", "1.0.0", "Use DEALLOCATE."], ["sp_describe_cursor", "1.0.0", "Query pg_cursors."],
  ["sp_cursor_list", "1.0.0", "Query pg_cursors."], ["sp_databases", "1.1.0", "Query pg_database."],
  ["sp_statistics", "1.1.0", "Query pg_index and pg_stats."], ["sp_special_columns", "1.2.0", "Query pg_index for the key columns."],
  ["sp_table_privileges", "1.2.0", "Query information_schema.table_privileges."],
  ["sp_column_privileges", "1.2.0", "Query information_schema.column_privileges."],
  ["sp_sproc_columns", "2.1.0", "Query information_schema.parameters."],

  // xp_instance_regread exists from 2.1.0 but returns NULL for every key
  // (procedures.c, Babelfish 4.4.0 development branch).
  ["xp_instance_regread", {
    steps: steps(["1.0.0", "notSupported"], ["2.1.0", "reviewSemantics"]),
    remedy: "Babelfish 2.1.0 and later accept the call, but the output value is always NULL; remove the registry read.",
    example: "EXEC master.dbo.xp_instance_regread N'HKEY_LOCAL_MACHINE', N'Software\\Microsoft\\MSSQLServer\\MSSQLServer', N'LoginMode', @mode OUTPUT; -- @mode is NULL on Babelfish",
  }, "Remove registry access."],

  // OLE Automation.
  ["sp_oamethod", undefined, OLE], ["sp_oagetproperty", undefined, OLE], ["sp_oasetproperty", undefined, OLE],
  ["sp_oadestroy", undefined, OLE], ["sp_oageterrorinfo", undefined, OLE], ["sp_oastop", undefined, OLE],

  // Module and object maintenance.
  ["sp_refreshview", undefined, "Re-create the view with CREATE OR REPLACE VIEW after changing its tables."],
  ["sp_refreshsqlmodule", undefined, "Re-create the routine or view; PostgreSQL checks function bodies when they run."],
  ["sp_recompile", undefined, "Remove the call; PostgreSQL plans statements again when needed."],
  ["sp_settriggerorder", undefined, "PostgreSQL fires triggers of the same event in name order; rename them to set the order."],
  ["sp_procoption", undefined, "Run start-up work from the application or a scheduler."],
  ["sp_tableoption", undefined, "Remove the call; PostgreSQL stores large values out of line (TOAST) by itself."],
  ["sp_bindrule", undefined, "Use a CHECK constraint or a domain."], ["sp_unbindrule", undefined, "Use a CHECK constraint or a domain."],
  ["sp_bindefault", undefined, "Use a DEFAULT clause."], ["sp_unbindefault", undefined, "Use a DEFAULT clause."],
  ["sp_addtype", undefined, "Use CREATE DOMAIN."], ["sp_droptype", undefined, "Use DROP DOMAIN."],
  ["sp_createstats", undefined, "Use ANALYZE or CREATE STATISTICS."], ["sp_autostats", undefined, "Tune autovacuum's analyze settings per table."],

  // Server state and help procedures.
  ["sp_help", undefined, HELP], ["sp_helpindex", undefined, "Query pg_indexes."],
  ["sp_helpconstraint", undefined, "Query pg_constraint."], ["sp_helptrigger", undefined, "Query pg_trigger."],
  ["sp_helpfile", undefined, "Remove the dependency; PostgreSQL has no database files to list."],
  ["sp_helpfilegroup", undefined, "Query pg_tablespace."], ["sp_helpstats", undefined, "Query pg_stats."],
  ["sp_depends", undefined, "Query pg_depend."], ["sp_spaceused", undefined, "Use pg_total_relation_size() and pg_database_size()."],
  ["sp_lock", undefined, "Query pg_locks."], ["sp_who2", undefined, "Query pg_stat_activity."],
  ["sp_readerrorlog", undefined, "Read the PostgreSQL log through CloudWatch Logs or pg_read_file()."],
  ["sp_cycle_errorlog", undefined, "Remove the call; log rotation is a server setting."],
  ["sp_msforeachtable", undefined, "Loop over information_schema.tables in a DO block."],
  ["sp_msforeachdb", undefined, "Loop over the databases in the client; a session reaches one database."],
  ["sp_attach_db", undefined, "Restore from a dump or snapshot instead of attaching files."],
  ["sp_detach_db", undefined, "Remove the call; PostgreSQL databases are not detached."],
  ["sp_dbcmptlevel", undefined, "Remove the call; PostgreSQL has no compatibility levels."],
  ["sp_trace_create", undefined, TRACE], ["sp_trace_setevent", undefined, TRACE],
  ["sp_trace_setfilter", undefined, TRACE], ["sp_trace_setstatus", undefined, TRACE],
  ["xp_readerrorlog", undefined, "Read the PostgreSQL log through CloudWatch Logs or pg_read_file()."],
  ["xp_logevent", undefined, "Use RAISE LOG, which writes to the server log."],
  ["xp_fixeddrives", undefined, "Remove the dependency; watch storage in the monitoring system."],
  ["xp_msver", undefined, "Use version() and SERVERPROPERTY."],
  ["xp_dirtree", undefined, "Move file-system access out of the database."],

  // Legacy security procedures.
  ["sp_addlogin", undefined, LOGINS], ["sp_droplogin", undefined, LOGINS], ["sp_password", undefined, LOGINS],
  ["sp_adduser", undefined, USERS], ["sp_dropuser", undefined, USERS], ["sp_grantdbaccess", undefined, USERS],
  ["sp_addsrvrolemember", undefined, "Use GRANT role TO member."], ["sp_dropsrvrolemember", undefined, "Use REVOKE role FROM member."],
  ["sp_change_users_login", undefined, "Re-create the role mapping; PostgreSQL roles are cluster-wide."],
  ["sp_changeobjectowner", undefined, "Use ALTER ... OWNER TO."],
];
