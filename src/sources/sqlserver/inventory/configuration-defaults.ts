/**
 * Server configuration options that matter to a migration, with their
 * default values and why a changed value matters. Defaults after "Server
 * configuration options", Microsoft Learn, SQL Server 2016-2022; options
 * left out here are still inventoried, only not flagged.
 */

export interface ConfigurationDefault {
  readonly value: number;
  /** Why a value other than the default matters to a migration team. */
  readonly reason: string;
}

export const CONFIGURATION_DEFAULTS: Readonly<Record<string, ConfigurationDefault>> = {
  "Ad Hoc Distributed Queries": {
    value: 0,
    reason: "OPENROWSET and OPENDATASOURCE with ad hoc connection strings are allowed",
  },
  "backup checksum default": { value: 0, reason: "backups are written with checksums" },
  "backup compression default": { value: 0, reason: "backups are compressed" },
  "c2 audit mode": {
    value: 0,
    reason: "C2 audit tracing is on and must be replaced by another audit",
  },
  "clr enabled": { value: 0, reason: "CLR assemblies can run; their code needs a rewrite" },
  "clr strict security": {
    value: 1,
    reason: "unsigned CLR assemblies with EXTERNAL_ACCESS or UNSAFE can be loaded",
  },
  "common criteria compliance enabled": {
    value: 0,
    reason: "Common Criteria compliance is required by policy",
  },
  "contained database authentication": {
    value: 0,
    reason: "contained databases can authenticate their own users",
  },
  "cost threshold for parallelism": { value: 5, reason: "parallel plans are tuned" },
  "cross db ownership chaining": {
    value: 0,
    reason: "ownership chains cross databases, so code relies on cross-database access",
  },
  "Database Mail XPs": { value: 0, reason: "Database Mail sends mail from T-SQL" },
  "default language": { value: 0, reason: "the default language changes date formats and names" },
  "default trace enabled": { value: 1, reason: "the default trace is off" },
  "disallow results from triggers": { value: 0, reason: "triggers may not return result sets" },
  "external scripts enabled": { value: 0, reason: "R or Python scripts run inside the server" },
  "filestream access level": { value: 0, reason: "FILESTREAM data is accessible" },
  "lightweight pooling": { value: 0, reason: "fiber mode scheduling is on" },
  "max degree of parallelism": { value: 0, reason: "parallelism is limited server-wide" },
  "max server memory (MB)": { value: 2147483647, reason: "the memory the instance uses is capped" },
  "min server memory (MB)": { value: 0, reason: "the instance keeps a memory floor" },
  "nested triggers": { value: 1, reason: "triggers cannot fire other triggers" },
  "Ole Automation Procedures": {
    value: 0,
    reason: "sp_OACreate and the other OLE Automation procedures can run COM objects",
  },
  "optimize for ad hoc workloads": { value: 0, reason: "single-use plans are stored as stubs" },
  "polybase enabled": { value: 0, reason: "PolyBase external data sources can be queried" },
  "priority boost": { value: 0, reason: "the server runs at a raised Windows priority" },
  "remote access": {
    value: 1,
    reason: "remote stored procedure calls from other servers are turned off",
  },
  "remote admin connections": {
    value: 0,
    reason: "the dedicated administrator connection accepts remote clients",
  },
  "remote proc trans": {
    value: 0,
    reason: "remote procedure calls are promoted to distributed transactions",
  },
  "server trigger recursion": { value: 1, reason: "server triggers cannot fire recursively" },
  "show advanced options": {
    value: 0,
    reason: "advanced options are shown and were likely changed",
  },
  "two digit year cutoff": { value: 2049, reason: "two-digit years are read with another cutoff" },
  "user options": { value: 0, reason: "new sessions start with non-default SET options" },
  xp_cmdshell: { value: 0, reason: "xp_cmdshell runs operating-system commands from T-SQL" },
};
