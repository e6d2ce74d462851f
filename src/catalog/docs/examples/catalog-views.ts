/** Examples for the catalog views family. */
import { tsql, type FamilyExamples } from "../family-examples.js";

export const CATALOG_VIEWS: FamilyExamples = {
  group: "Catalog views",
  problem:
    "Babelfish emulates the SQL Server catalog views that tools read most " +
    "(sys.tables, sys.columns, sys.objects, sys.procedures, " +
    "sys.foreign_keys, the INFORMATION_SCHEMA views), but not all of " +
    "them. No release supports sys.parameters, sys.sql_dependencies, " +
    "sys.periods or sys.allocation_units, nor the dynamic management " +
    "views for performance (sys.dm_exec_query_stats, " +
    "sys.dm_db_index_usage_stats, sys.dm_tran_locks, " +
    "sys.dm_os_wait_stats). Native PostgreSQL has pg_catalog and its own " +
    "information_schema instead.",
  solution:
    "Query the views Babelfish implements, such as sys.all_parameters " +
    "joined to sys.objects in place of sys.parameters, and test the " +
    "columns the code reads. Take performance data (query statistics, " +
    "waits, locks) from PostgreSQL's pg_stat views or from Performance " +
    "Insights.",
  flagged: tsql`
SELECT o.name AS ModuleName, p.name AS ParameterName
FROM sys.objects AS o
INNER JOIN sys.parameters AS p ON p.object_id = o.object_id;
SELECT TOP (10) total_worker_time, execution_count
FROM sys.dm_exec_query_stats
ORDER BY total_worker_time DESC;
`,
  findings: [
    { featureId: "catalog.sys_objects", line: 2, column: 6, status: "supported" },
    { featureId: "catalog.sys_parameters", line: 3, column: 12, status: "notSupported" },
    { featureId: "dml.top", line: 4, column: 8, status: "supported" },
    { featureId: "catalog.sys_dm_exec_query_stats", line: 5, column: 6, status: "notSupported" },
    { featureId: "behavior.sort_nulls", line: 6, column: 1, status: "supported" },
  ],
  fine: tsql`
SELECT o.name AS ModuleName, p.name AS ParameterName
FROM sys.objects AS o
INNER JOIN sys.all_parameters AS p ON p.object_id = o.object_id;
`,
};
