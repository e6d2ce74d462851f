/**
 * SQL Server Agent: jobs with their owner, category and schedules, their
 * steps, and how many operators and alerts are defined, read from the
 * msdb tables. The command of each T-SQL step is returned as a module, so
 * it is parsed and assessed like any procedure. The inventory item keeps
 * only the first characters of the command.
 */

import { defineQuery } from "../catalog-query.js";
import type { CollectedModule, InventoryItem } from "../collected.js";
import type { Row } from "../reader.js";
import { describeSchedule } from "./agent-schedules.js";
import { appendTo } from "./lists.js";
import type { InventoryPart, PartResult } from "./part.js";
import { countOf, numberOf } from "./row-numbers.js";
import { dateOf, flagOf, requiredTextOf, textOf } from "./row-values.js";

/** Characters of a step's command kept in its inventory item. */
export const STEP_COMMAND_PREVIEW = 200;

// msdb.dbo.sysproxies is left out because only sysadmin may read it
// (Microsoft Learn, dbo.sysproxies). Every table read here is open to
// db_datareader in msdb.
const MSDB_PERMISSION = "db_datareader role in msdb";

// SUSER_SNAME returns NULL for an owner SID that matches no login, as for
// a job whose owner login was dropped.
const JOBS = defineQuery({
  id: "inventory.agent-jobs",
  scope: "server",
  sql: `
SELECT
    j.name,
    j.enabled,
    SUSER_SNAME(j.owner_sid) AS owner_name,
    c.name AS category_name,
    j.description,
    j.date_created,
    j.date_modified
FROM msdb.dbo.sysjobs AS j
LEFT JOIN msdb.dbo.syscategories AS c
    ON c.category_id = j.category_id
ORDER BY j.name;`,
  reads: ["msdb.dbo.sysjobs", "msdb.dbo.syscategories", "SUSER_SNAME"],
  permission: MSDB_PERMISSION,
});

const JOB_STEPS = defineQuery({
  id: "inventory.agent-job-steps",
  scope: "server",
  sql: `
SELECT
    j.name AS job_name,
    s.step_id,
    s.step_name,
    s.subsystem,
    s.database_name,
    s.command,
    s.on_success_action,
    s.on_success_step_id,
    s.on_fail_action,
    s.on_fail_step_id,
    s.retry_attempts,
    CAST(CASE WHEN s.proxy_id > 0 THEN 1 ELSE 0 END AS bit) AS uses_proxy
FROM msdb.dbo.sysjobsteps AS s
JOIN msdb.dbo.sysjobs AS j
    ON j.job_id = s.job_id
ORDER BY j.name, s.step_id;`,
  reads: ["msdb.dbo.sysjobsteps", "msdb.dbo.sysjobs"],
  permission: MSDB_PERMISSION,
});

const JOB_SCHEDULES = defineQuery({
  id: "inventory.agent-job-schedules",
  scope: "server",
  sql: `
SELECT
    j.name AS job_name,
    sc.name AS schedule_name,
    sc.enabled,
    sc.freq_type,
    sc.freq_interval,
    sc.freq_subday_type,
    sc.freq_subday_interval,
    sc.freq_relative_interval,
    sc.freq_recurrence_factor,
    sc.active_start_date,
    sc.active_start_time,
    sc.active_end_time
FROM msdb.dbo.sysjobschedules AS js
JOIN msdb.dbo.sysjobs AS j
    ON j.job_id = js.job_id
JOIN msdb.dbo.sysschedules AS sc
    ON sc.schedule_id = js.schedule_id
ORDER BY j.name, sc.name;`,
  reads: ["msdb.dbo.sysjobschedules", "msdb.dbo.sysjobs", "msdb.dbo.sysschedules"],
  permission: MSDB_PERMISSION,
});

// Counts only, because operators carry the e-mail and pager addresses of people.
const OPERATORS_AND_ALERTS = defineQuery({
  id: "inventory.agent-operators-alerts",
  scope: "server",
  sql: `
SELECT
    (SELECT COUNT(*) FROM msdb.dbo.sysoperators) AS operator_count,
    (SELECT COUNT(*) FROM msdb.dbo.sysalerts) AS alert_count,
    (SELECT COUNT(*) FROM msdb.dbo.sysalerts WHERE enabled = 1) AS enabled_alert_count;`,
  reads: ["msdb.dbo.sysoperators", "msdb.dbo.sysalerts"],
  permission: MSDB_PERMISSION,
});

export const agentPart: InventoryPart = {
  name: "agent",
  title: "SQL Server Agent jobs, steps and schedules",
  scope: "server",
  queries: [JOBS, JOB_STEPS, JOB_SCHEDULES, OPERATORS_AND_ALERTS],

  async collect(reader): Promise<PartResult> {
    const jobs = await reader.all(JOBS);

    // Commands can be long, so steps are streamed and only their preview
    // is kept in the item; the whole T-SQL command goes to the module.
    const stepsByJob = new Map<string, InventoryItem[]>();
    const modules: CollectedModule[] = [];
    for await (const row of reader.rows(JOB_STEPS)) {
      const jobName = requiredTextOf(row, "job_name");
      appendTo(stepsByJob, jobName, stepItem(jobName, row));

      const module = stepModule(jobName, row);
      if (module !== undefined) {
        modules.push(module);
      }
    }

    const schedulesByJob = new Map<string, string[]>();
    for (const row of await reader.all(JOB_SCHEDULES)) {
      appendTo(schedulesByJob, requiredTextOf(row, "job_name"), scheduleText(row));
    }

    const [counts] = await reader.all(OPERATORS_AND_ALERTS);

    const items: InventoryItem[] = [];
    for (const row of jobs) {
      const name = requiredTextOf(row, "name");
      const steps = stepsByJob.get(name) ?? [];
      items.push(jobItem(row, steps.length, schedulesByJob.get(name) ?? []), ...steps);
    }
    items.push({
      type: "summary",
      operators: counts === undefined ? 0 : countOf(counts, "operator_count"),
      alerts: counts === undefined ? 0 : countOf(counts, "alert_count"),
      enabledAlerts: counts === undefined ? 0 : countOf(counts, "enabled_alert_count"),
    });

    return { items, modules };
  },
};

function jobItem(row: Row, stepCount: number, schedules: readonly string[]): InventoryItem {
  return {
    type: "job",
    name: requiredTextOf(row, "name"),
    enabled: flagOf(row, "enabled"),
    owner: textOf(row, "owner_name"),
    category: textOf(row, "category_name"),
    steps: stepCount,
    schedules,
    description: textOf(row, "description"),
    createDate: dateOf(row, "date_created"),
    modifyDate: dateOf(row, "date_modified"),
  };
}

function stepItem(jobName: string, row: Row): InventoryItem {
  const command = textOf(row, "command") ?? "";
  return {
    type: "job-step",
    name: requiredTextOf(row, "step_name"),
    job: jobName,
    stepId: numberOf(row, "step_id"),
    subsystem: textOf(row, "subsystem"),
    // Not named `database`, which would tie the server-level item to a database.
    runsInDatabase: textOf(row, "database_name"),
    command: truncateText(command, STEP_COMMAND_PREVIEW),
    commandLength: command.length,
    onSuccess: stepAction(numberOf(row, "on_success_action"), numberOf(row, "on_success_step_id")),
    onFailure: stepAction(numberOf(row, "on_fail_action"), numberOf(row, "on_fail_step_id")),
    retryAttempts: numberOf(row, "retry_attempts"),
    usesProxy: flagOf(row, "uses_proxy"),
  };
}

/**
 * Returns the module of a T-SQL step. Its database is empty because a
 * job step is a server-level object; the database it runs in is on the
 * inventory item.
 */
function stepModule(jobName: string, row: Row): CollectedModule | undefined {
  const subsystem = textOf(row, "subsystem") ?? "";
  const command = textOf(row, "command");
  if (subsystem.toUpperCase() !== "TSQL" || command === null) {
    return undefined;
  }

  return {
    database: "",
    schema: "",
    name: `${jobName}.step ${String(numberOf(row, "step_id"))}`,
    type: "agent-step",
    typeCode: "",
    origin: "agent-step",
    definition: command,
  };
}

/** on_success_action and on_fail_action codes of dbo.sysjobsteps (Microsoft Learn). */
function stepAction(action: number | null, stepId: number | null): string | null {
  switch (action) {
    case 1:
      return "quit with success";
    case 2:
      return "quit with failure";
    case 3:
      return "go to the next step";
    case 4:
      return `go to step ${String(stepId)}`;
    case null:
      return null;
    default:
      return `action ${String(action)}`;
  }
}

function scheduleText(row: Row): string {
  const number = (column: string): number => numberOf(row, column) ?? 0;

  const words = describeSchedule({
    freqType: number("freq_type"),
    freqInterval: number("freq_interval"),
    freqSubdayType: number("freq_subday_type"),
    freqSubdayInterval: number("freq_subday_interval"),
    freqRelativeInterval: number("freq_relative_interval"),
    freqRecurrenceFactor: number("freq_recurrence_factor"),
    activeStartDate: number("active_start_date"),
    activeStartTime: number("active_start_time"),
    activeEndTime: number("active_end_time"),
  });
  const disabled = flagOf(row, "enabled") === false ? " (disabled)" : "";
  return `${requiredTextOf(row, "schedule_name")}: ${words}${disabled}`;
}

/**
 * Cuts text to at most `length` UTF-16 code units without splitting a
 * surrogate pair, so the preview is always well-formed.
 */
export function truncateText(text: string, length: number): string {
  if (text.length <= length) {
    return text;
  }

  const cut = text.slice(0, length);
  const last = cut.charCodeAt(cut.length - 1);
  const endsInHighSurrogate = last >= 0xd800 && last <= 0xdbff;
  return endsInHighSurrogate ? cut.slice(0, -1) : cut;
}
