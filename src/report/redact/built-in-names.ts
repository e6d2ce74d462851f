/**
 * Names that every SQL Server has, which redaction keeps: they reveal
 * nothing about the customer, and a reader needs them to follow the report
 * (`dbo.table3`, `msdb`, `sysadmin`). Matching ignores case.
 *
 * Sources: "System databases", "Server-level roles", "Database-level
 * roles", "Principals (Database Engine)" and "sys.server_event_sessions"
 * on Microsoft Learn, SQL Server 2022.
 */

const BUILT_IN_NAMES: ReadonlySet<string> = new Set(
  [
    // System databases and schemas.
    "master",
    "msdb",
    "model",
    "tempdb",
    "distribution",
    "dbo",
    "sys",
    "INFORMATION_SCHEMA",
    "guest",
    // The pseudo-tables of triggers and OUTPUT clauses.
    "inserted",
    "deleted",
    // Server principals and fixed server roles.
    "sa",
    "public",
    "sysadmin",
    "serveradmin",
    "securityadmin",
    "processadmin",
    "setupadmin",
    "bulkadmin",
    "diskadmin",
    "dbcreator",
    "NT AUTHORITY\\SYSTEM",
    "NT AUTHORITY\\NETWORK SERVICE",
    "BUILTIN\\Administrators",
    // Fixed database roles.
    "db_owner",
    "db_securityadmin",
    "db_accessadmin",
    "db_backupoperator",
    "db_ddladmin",
    "db_datawriter",
    "db_datareader",
    "db_denydatawriter",
    "db_denydatareader",
    // Filegroup, Service Broker and endpoint defaults.
    "PRIMARY",
    "DEFAULT",
    "AutoCreatedLocal",
    "TSQL Default TCP",
    "TSQL Default VIA",
    "TSQL Local Machine",
    "TSQL Named Pipes",
    "Dedicated Admin Connection",
    // Extended Events sessions that setup creates.
    "system_health",
    "AlwaysOn_health",
    "telemetry_xevents",
    "hkenginexesession",
    "sp_server_diagnostics session",
    // SQL Server Agent's own job and job categories.
    "syspolicy_purge_history",
    "[Uncategorized (Local)]",
    "[Uncategorized (Multi-Server)]",
    "[Uncategorized]",
    "Data Collector",
    "Database Engine Tuning Advisor",
    "Database Maintenance",
    "Full-Text",
    "Jobs from MSX",
    "Log Shipping",
    "REPL-Alert Response",
    "REPL-Checkup",
    "REPL-Distribution",
    "REPL-Distribution Cleanup",
    "REPL-History Cleanup",
    "REPL-LogReader",
    "REPL-Merge",
    "REPL-QueueReader",
    "REPL-Snapshot",
    "REPL-Subscription Cleanup",
  ].map((name) => name.toLowerCase()),
);

/**
 * Tells whether `name` is built into SQL Server. Logins and roles named `##MS_…##`
 * are the certificate-mapped principals that setup creates.
 */
export function isBuiltInName(name: string): boolean {
  const lower = name.toLowerCase();
  return BUILT_IN_NAMES.has(lower) || (lower.startsWith("##ms_") && lower.endsWith("##"));
}
