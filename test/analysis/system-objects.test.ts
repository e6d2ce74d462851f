import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { systemObjectDetector } from "../../src/analysis/detectors/system-objects.js";
import { findings } from "./harness.js";

const CASES: readonly (readonly [string, string, readonly string[]])[] = [
  ["@@variables, @@ERROR left to the error detector", "SELECT @@ROWCOUNT, @@SPID, @@ERROR, @@VERSION",
    ["variable.rowcount 1:8", "variable.spid 1:20", "variable.version 1:37"]],
  ["system procedures with and without prefixes",
    "EXEC sp_rename 'a', 'b'\nEXEC sys.sp_who\nEXEC master.dbo.xp_cmdshell 'dir'\nEXEC msdb.dbo.sp_add_job @job_name = 'j'\nINSERT @t EXEC sp_helptext 'p'",
    ["sysproc.sp_rename 1:6", "sysproc.sp_who 2:6", "sysproc.xp_cmdshell 3:6", "sysproc.sp_add_job 4:6", "sysproc.sp_helptext 5:16"]],
  ["procedures with entries in other families", "EXEC sp_getapplock @Resource = 'r', @LockMode = 'Exclusive'\nEXEC sp_addmessage 50001, 16, 'x'\nEXEC sp_executesql N'SELECT 1'",
    ["transaction.applock 1:6", "error.sp_addmessage 2:6"]],
  ["user procedures are not system procedures", "EXEC dbo.usp_load\nEXEC app.sp_local", []],
  ["catalog views, DMVs, compatibility views and msdb tables",
    "SELECT * FROM sys.objects o JOIN INFORMATION_SCHEMA.TABLES t ON 1 = 1\nSELECT * FROM sysobjects, dbo.syscolumns\nSELECT * FROM msdb.dbo.sysjobs\nSELECT * FROM sys.dm_exec_requests CROSS APPLY sys.dm_exec_sql_text(sql_handle)",
    ["catalog.sys_objects 1:15", "catalog.information_schema_tables 1:34", "catalog.sys_sysobjects 2:15", "catalog.sys_syscolumns 2:27", "catalog.msdb_dbo_sysjobs 3:15", "catalog.sys_dm_exec_requests 4:15", "catalog.sys_dm_exec_sql_text 4:48"]],
  ["catalog views in an EXISTS inside a procedure", "CREATE PROCEDURE p AS\nIF EXISTS (SELECT 1 FROM sys.tables WHERE name = 't') PRINT 1",
    ["catalog.sys_tables 2:26"]],
];

describe("system-objects detector", () => {
  for (const [name, sql, expected] of CASES) {
    it(name, () => {
      assert.deepEqual(findings(systemObjectDetector, sql), expected);
    });
  }
});
