/**
 * SQL Server Agent on the Kestrel fixture server: the jobs of
 * examples/kestrel-cold-chain/50-agent-jobs.sql with their steps (T-SQL,
 * CmdExec and PowerShell) and schedules, the syspolicy job every instance
 * has, two operators and three alerts. The weekly maintenance job also
 * mails a report with sp_send_dbmail and lists the backup share with
 * xp_cmdshell.
 */

import type { ViewRows } from "../fixture.js";
import type { FixtureArea } from "./area.js";
import {
  ARCHIVE_FILES_COMMAND,
  EXPORT_STATEMENTS_COMMAND,
  GENERATE_INVOICES_COMMAND,
  ISSUE_DRAFTS_COMMAND,
  MAIL_REPORT_COMMAND,
  PURGE_HISTORY_COMMAND,
  SYSPOLICY_CHECK_COMMAND,
} from "./agent-commands.js";
import { LOGIN_SIDS } from "./security-server.js";

const INVOICING = "6F1D2C3B-4A59-4E8F-9B0A-1C2D3E4F5A61";
const INTEGRATION = "6F1D2C3B-4A59-4E8F-9B0A-1C2D3E4F5A62";
const MAINTENANCE = "6F1D2C3B-4A59-4E8F-9B0A-1C2D3E4F5A63";
const EXCURSIONS = "6F1D2C3B-4A59-4E8F-9B0A-1C2D3E4F5A64";
const SYSPOLICY = "0B7E6A1F-2C3D-4E5F-8A9B-0C1D2E3F4A55";

/** The proxy 'Kestrel File Export' of 50-agent-jobs.sql. */
const FILE_EXPORT_PROXY = 1;

interface JobSpec {
  readonly id: string;
  readonly name: string;
  readonly owner: string;
  readonly category: number;
  readonly description: string;
  readonly created: string;
}

const JOBS: readonly JobSpec[] = [
  {
    id: INVOICING,
    name: "Kestrel - Nightly invoicing",
    owner: "KESTREL\\svc-sqlagent",
    category: 100,
    description:
      "Invoices delivered shipments, issues the invoices and sends the statement files to the print house.",
    created: "2024-03-12T09:02:11Z",
  },
  {
    id: INTEGRATION,
    name: "Kestrel - Integration",
    owner: "KESTREL\\svc-sqlagent",
    category: 0,
    description: "No description available.",
    created: "2024-03-12T09:05:40Z",
  },
  {
    id: MAINTENANCE,
    name: "Kestrel - Weekly maintenance",
    owner: "sa",
    category: 3,
    description: "Integrity check, index maintenance, report and history cleanup.",
    created: "2024-03-12T09:07:02Z",
  },
  {
    id: EXCURSIONS,
    name: "Kestrel - Telemetry excursions",
    owner: "KESTREL\\svc-sqlagent",
    category: 0,
    description: "Detects temperature excursions and dispatches outbound events.",
    created: "2024-03-12T09:04:18Z",
  },
  {
    id: SYSPOLICY,
    name: "syspolicy_purge_history",
    owner: "sa",
    category: 0,
    description: "No description available.",
    created: "2023-11-02T10:04:00Z",
  },
];

const sysjobs: ViewRows = JOBS.map((job) => ({
  job_id: job.id,
  originating_server_id: 0,
  name: job.name,
  enabled: 1,
  description: job.description,
  start_step_id: 1,
  category_id: job.category,
  owner_sid: LOGIN_SIDS[job.owner]!,
  notify_level_eventlog: 2,
  notify_level_email: job.category === 100 ? 2 : 0,
  notify_level_netsend: 0,
  notify_level_page: 0,
  delete_level: 0,
  date_created: new Date(job.created),
  date_modified: new Date("2025-02-27T17:10:00Z"),
  version_number: 3,
}));

interface StepSpec {
  readonly job: string;
  readonly id: number;
  readonly name: string;
  readonly subsystem: "TSQL" | "CmdExec" | "PowerShell";
  readonly database: string | null;
  readonly command: string;
  readonly onSuccess: number;
  readonly onFail: number;
  readonly retries?: number;
  readonly proxy?: number;
}

const STEPS: readonly StepSpec[] = [
  {
    job: INVOICING,
    id: 1,
    name: "Generate invoices",
    subsystem: "TSQL",
    database: "KestrelColdChain",
    command: GENERATE_INVOICES_COMMAND,
    onSuccess: 3,
    onFail: 2,
    retries: 2,
  },
  {
    job: INVOICING,
    id: 2,
    name: "Issue drafts",
    subsystem: "TSQL",
    database: "KestrelColdChain",
    command: ISSUE_DRAFTS_COMMAND,
    onSuccess: 3,
    onFail: 2,
  },
  {
    job: INVOICING,
    id: 3,
    name: "Export statements",
    subsystem: "CmdExec",
    database: "master",
    command: EXPORT_STATEMENTS_COMMAND,
    onSuccess: 1,
    onFail: 2,
    retries: 1,
    proxy: FILE_EXPORT_PROXY,
  },
  {
    job: INTEGRATION,
    id: 1,
    name: "Process inbound messages",
    subsystem: "TSQL",
    database: "KestrelColdChain",
    command: "EXEC integration.usp_ProcessInboundMessages @MaxMessages = 500;",
    onSuccess: 3,
    onFail: 3,
  },
  {
    job: INTEGRATION,
    id: 2,
    name: "Copy carrier tracking",
    subsystem: "TSQL",
    database: "KestrelColdChain",
    command: "EXEC integration.usp_SyncCarrierTracking @Hours = 2;",
    onSuccess: 3,
    onFail: 2,
    retries: 3,
  },
  {
    job: INTEGRATION,
    id: 3,
    name: "Archive processed files",
    subsystem: "PowerShell",
    database: "master",
    command: ARCHIVE_FILES_COMMAND,
    onSuccess: 1,
    onFail: 2,
    proxy: FILE_EXPORT_PROXY,
  },
  {
    job: MAINTENANCE,
    id: 1,
    name: "Integrity check",
    subsystem: "TSQL",
    database: "master",
    command: "DBCC CHECKDB (N'KestrelColdChain') WITH NO_INFOMSGS, ALL_ERRORMSGS, DATA_PURITY;",
    onSuccess: 3,
    onFail: 2,
  },
  {
    job: MAINTENANCE,
    id: 2,
    name: "Index maintenance",
    subsystem: "TSQL",
    database: "KestrelColdChain",
    command: "EXEC dbo.usp_MaintainIndexes @ReorganizeAbove = 10, @RebuildAbove = 30, @MaxMinutes = 120;",
    onSuccess: 3,
    onFail: 3,
  },
  {
    job: MAINTENANCE,
    id: 3,
    name: "Mail maintenance report",
    subsystem: "TSQL",
    database: "msdb",
    command: MAIL_REPORT_COMMAND,
    onSuccess: 3,
    onFail: 3,
  },
  {
    job: MAINTENANCE,
    id: 4,
    name: "Purge job history",
    subsystem: "TSQL",
    database: "msdb",
    command: PURGE_HISTORY_COMMAND,
    onSuccess: 1,
    onFail: 2,
  },
  {
    job: EXCURSIONS,
    id: 1,
    name: "Detect excursions",
    subsystem: "TSQL",
    database: "KestrelColdChain",
    command: "EXEC telemetry.usp_DetectExcursions;",
    onSuccess: 3,
    onFail: 3,
  },
  {
    job: EXCURSIONS,
    id: 2,
    name: "Dispatch outbox",
    subsystem: "TSQL",
    database: "KestrelColdChain",
    command: "EXEC integration.usp_DispatchOutbox @BatchSize = 200, @RunSeconds = 50;",
    onSuccess: 1,
    onFail: 2,
  },
  {
    job: SYSPOLICY,
    id: 1,
    name: "Verify that automation is enabled.",
    subsystem: "TSQL",
    database: "master",
    command: SYSPOLICY_CHECK_COMMAND,
    onSuccess: 3,
    onFail: 1,
  },
  {
    job: SYSPOLICY,
    id: 2,
    name: "Purge history.",
    subsystem: "TSQL",
    database: "master",
    command: "EXEC msdb.dbo.sp_syspolicy_purge_history",
    onSuccess: 1,
    onFail: 2,
  },
];

const sysjobsteps: ViewRows = STEPS.map((step) => ({
  job_id: step.job,
  step_id: step.id,
  step_name: step.name,
  subsystem: step.subsystem,
  command: step.command,
  flags: 0,
  cmdexec_success_code: 0,
  on_success_action: step.onSuccess,
  on_success_step_id: 0,
  on_fail_action: step.onFail,
  on_fail_step_id: 0,
  server: null,
  database_name: step.database,
  database_user_name: null,
  retry_attempts: step.retries ?? 0,
  retry_interval: step.retries === undefined ? 0 : 5,
  os_run_priority: 0,
  output_file_name: null,
  last_run_outcome: 1,
  proxy_id: step.proxy ?? null,
}));

const SCHEDULE_DEFAULTS = {
  enabled: 1,
  freq_interval: 1,
  freq_subday_type: 1,
  freq_subday_interval: 0,
  freq_relative_interval: 0,
  freq_recurrence_factor: 0,
  active_start_date: 20240101,
  active_end_date: 99991231,
  active_start_time: 0,
  active_end_time: 235959,
};

const sysschedules: ViewRows = [
  {
    ...SCHEDULE_DEFAULTS,
    schedule_id: 9,
    name: "Nightly 02:30",
    freq_type: 4,
    active_start_time: 23000,
  },
  {
    ...SCHEDULE_DEFAULTS,
    schedule_id: 10,
    name: "Kestrel - every minute",
    freq_type: 4,
    freq_subday_type: 4,
    freq_subday_interval: 1,
  },
  {
    ...SCHEDULE_DEFAULTS,
    schedule_id: 11,
    name: "Kestrel - every 15 minutes",
    freq_type: 4,
    freq_subday_type: 4,
    freq_subday_interval: 15,
  },
  {
    ...SCHEDULE_DEFAULTS,
    schedule_id: 12,
    name: "Kestrel - Sunday 01:00",
    freq_type: 8,
    freq_recurrence_factor: 1,
    active_start_time: 10000,
  },
  {
    ...SCHEDULE_DEFAULTS,
    schedule_id: 1,
    name: "syspolicy_purge_history_schedule",
    active_start_date: 20080101,
    freq_type: 4,
    active_start_time: 20000,
  },
].map((schedule) => ({
  ...schedule,
  owner_sid: LOGIN_SIDS["sa"]!,
  date_created: new Date("2024-03-12T09:00:00Z"),
  date_modified: new Date("2024-03-12T09:00:00Z"),
  version_number: 1,
}));

const sysjobschedules: ViewRows = [
  [9, INVOICING],
  [11, INTEGRATION],
  [12, MAINTENANCE],
  [10, EXCURSIONS],
  [1, SYSPOLICY],
].map(([schedule, job]) => ({
  schedule_id: schedule!,
  job_id: job!,
  next_run_date: 20250302,
  next_run_time: 23000,
}));

const syscategories: ViewRows = [
  [0, "[Uncategorized (Local)]"],
  [3, "Database Maintenance"],
  [100, "Kestrel Billing"],
].map(([id, name]) => ({ category_id: id!, category_class: 1, category_type: 1, name: name! }));

const sysoperators: ViewRows = [
  {
    id: 1,
    name: "Kestrel DBA Team",
    enabled: 1,
    email_address: "dba-team@kestrel-coldchain.example",
  },
  {
    id: 2,
    name: "Kestrel Duty Manager",
    enabled: 1,
    email_address: "duty-manager@kestrel-coldchain.example",
  },
];

const sysalerts: ViewRows = [
  { id: 1, name: "Kestrel - Severity 017", message_id: 0, severity: 17, enabled: 1 },
  { id: 2, name: "Kestrel - Severity 024", message_id: 0, severity: 24, enabled: 1 },
  { id: 3, name: "Kestrel - Error 823", message_id: 823, severity: 0, enabled: 0 },
];

export const AGENT: FixtureArea = {
  server: {
    "msdb.dbo.sysjobs": sysjobs,
    "msdb.dbo.sysjobsteps": sysjobsteps,
    "msdb.dbo.sysschedules": sysschedules,
    "msdb.dbo.sysjobschedules": sysjobschedules,
    "msdb.dbo.syscategories": syscategories,
    "msdb.dbo.sysoperators": sysoperators,
    "msdb.dbo.sysalerts": sysalerts,
  },
};
