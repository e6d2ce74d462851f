/** Examples for the @@variables family. */
import { tsql, type FamilyExamples } from "../family-examples.js";

export const VARIABLES: FamilyExamples = {
  group: "@@variables",
  problem:
    "The common @@variables (@@ROWCOUNT, @@IDENTITY, @@TRANCOUNT, " +
    "@@SPID, @@SERVERNAME, @@FETCH_STATUS, @@OPTIONS) exist on " +
    "Babelfish. Others describe SQL Server internals and no Babelfish " +
    "release supports them: @@TEXTSIZE, @@CPU_BUSY, @@CONNECTIONS and " +
    "@@REMSERVER. Native PostgreSQL has none of them.",
  solution:
    "Read session facts from the views Babelfish provides, such as " +
    "sys.dm_exec_sessions, and drop checks of session options that " +
    "Babelfish does not let the code change anyway. Take load figures " +
    "such as CPU time and connection counts from PostgreSQL's pg_stat " +
    "views or from Performance Insights.",
  flagged: tsql`
SELECT @@SERVERNAME AS ServerName,
       @@SPID AS SessionId,
       @@CONNECTIONS AS LoginAttempts,
       @@TEXTSIZE AS MaxTextSize,
       @@CPU_BUSY AS CpuTicks;
`,
  findings: [
    { featureId: "variable.servername", line: 1, column: 8, status: "supported" },
    { featureId: "variable.spid", line: 2, column: 8, status: "supported" },
    { featureId: "variable.connections", line: 3, column: 8, status: "notSupported" },
    { featureId: "variable.textsize", line: 4, column: 8, status: "notSupported" },
    { featureId: "variable.cpu_busy", line: 5, column: 8, status: "notSupported" },
  ],
  fine: tsql`
SELECT @@SERVERNAME AS ServerName,
       s.session_id AS SessionId,
       s.login_time AS LoginTime
FROM sys.dm_exec_sessions AS s
WHERE s.session_id = @@SPID;
`,
};
