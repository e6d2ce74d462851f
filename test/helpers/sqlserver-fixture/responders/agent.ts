/**
 * Responders for the agent part: jobs, steps and schedules joined over the
 * fixture's msdb tables, the job owner found as SUSER_SNAME does, and the
 * operator and alert counts.
 */

import type { ResponderTable } from "../responder.js";
import {
  isOn,
  loginNameOf,
  orderBy,
  resultTable,
  serverView,
  type ColumnSpec,
  type NamedRow,
} from "./result-table.js";

const JOB_COLUMNS: readonly ColumnSpec[] = [
  ["name", "sysname"],
  ["enabled", "tinyint"],
  ["owner_name", "nvarchar(128)"],
  ["category_name", "sysname"],
  ["description", "nvarchar(512)"],
  ["date_created", "datetime"],
  ["date_modified", "datetime"],
];

const STEP_COLUMNS: readonly ColumnSpec[] = [
  ["job_name", "sysname"],
  ["step_id", "int"],
  ["step_name", "sysname"],
  ["subsystem", "nvarchar(40)"],
  ["database_name", "sysname"],
  ["command", "nvarchar(max)"],
  ["on_success_action", "tinyint"],
  ["on_success_step_id", "int"],
  ["on_fail_action", "tinyint"],
  ["on_fail_step_id", "int"],
  ["retry_attempts", "int"],
  ["uses_proxy", "bit"],
];

const SCHEDULE_COLUMNS: readonly ColumnSpec[] = [
  ["job_name", "sysname"],
  ["schedule_name", "sysname"],
  ["enabled", "int"],
  ["freq_type", "int"],
  ["freq_interval", "int"],
  ["freq_subday_type", "int"],
  ["freq_subday_interval", "int"],
  ["freq_relative_interval", "int"],
  ["freq_recurrence_factor", "int"],
  ["active_start_date", "int"],
  ["active_start_time", "int"],
  ["active_end_time", "int"],
];

const COUNT_COLUMNS: readonly ColumnSpec[] = [
  ["operator_count", "int"],
  ["alert_count", "int"],
  ["enabled_alert_count", "int"],
];

/** Joins rows that carry job_id to their job as an INNER JOIN does, adding job_name. */
function withJobName(rows: readonly NamedRow[], jobs: readonly NamedRow[]): NamedRow[] {
  const joined: NamedRow[] = [];
  for (const row of rows) {
    const job = jobs.find((j) => j["job_id"] === row["job_id"]);
    if (job !== undefined) {
      joined.push({ ...row, job_name: job["name"] });
    }
  }
  return joined;
}

export const AGENT_RESPONDERS: ResponderTable = {
  "inventory.agent-jobs": ({ server }) => {
    const categories = serverView(server, "msdb.dbo.syscategories");
    const rows = serverView(server, "msdb.dbo.sysjobs").map((job) => ({
      ...job,
      owner_name: loginNameOf(server, job["owner_sid"]),
      category_name: categories.find((c) => c["category_id"] === job["category_id"])?.["name"] ?? null,
    }));
    return resultTable(JOB_COLUMNS, orderBy(rows, "name"));
  },

  "inventory.agent-job-steps": ({ server }) => {
    const jobs = serverView(server, "msdb.dbo.sysjobs");
    const rows = withJobName(serverView(server, "msdb.dbo.sysjobsteps"), jobs).map((step) => ({
      ...step,
      uses_proxy: typeof step["proxy_id"] === "number" && step["proxy_id"] > 0,
    }));
    return resultTable(STEP_COLUMNS, orderBy(rows, "job_name", "step_id"));
  },

  "inventory.agent-job-schedules": ({ server }) => {
    const jobs = serverView(server, "msdb.dbo.sysjobs");
    const schedules = serverView(server, "msdb.dbo.sysschedules");
    const rows: NamedRow[] = [];
    for (const link of withJobName(serverView(server, "msdb.dbo.sysjobschedules"), jobs)) {
      const schedule = schedules.find((s) => s["schedule_id"] === link["schedule_id"]);
      if (schedule !== undefined) {
        rows.push({ ...schedule, job_name: link["job_name"], schedule_name: schedule["name"] });
      }
    }
    return resultTable(SCHEDULE_COLUMNS, orderBy(rows, "job_name", "schedule_name"));
  },

  "inventory.agent-operators-alerts": ({ server }) => {
    const alerts = serverView(server, "msdb.dbo.sysalerts");
    return resultTable(COUNT_COLUMNS, [
      {
        operator_count: serverView(server, "msdb.dbo.sysoperators").length,
        alert_count: alerts.length,
        enabled_alert_count: alerts.filter((a) => isOn(a["enabled"])).length,
      },
    ]);
  },
};
