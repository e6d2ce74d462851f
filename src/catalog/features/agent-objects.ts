/**
 * SQL Server Agent objects in msdb: the job, schedule, alert, operator and
 * proxy procedures, and the tables that scripts read. Babelfish Compass
 * (`BabelfishFeatures.cfg`, to 6.0.0) lists the procedures (`sp_add%`,
 * `sp_delete%`, `sp_update_job` and others) and supports none of them. It
 * does not cover the msdb tables, so those entries stay unverified; the
 * Babelfish 4.4.0 sources create no Agent table in msdb.
 */
import type { Listed } from "./system-objects.js";

const SCHEDULER = "Use pg_cron or an external scheduler.";
const ALERTS = "Raise alerts from CloudWatch or the monitoring system instead.";

export const AGENT_PROCEDURES: readonly Listed[] = [
  ["sp_add_jobserver", undefined, SCHEDULER], ["sp_add_schedule", undefined, SCHEDULER],
  ["sp_attach_schedule", undefined, SCHEDULER], ["sp_detach_schedule", undefined, SCHEDULER],
  ["sp_update_job", undefined, SCHEDULER], ["sp_update_jobstep", undefined, SCHEDULER],
  ["sp_update_schedule", undefined, SCHEDULER], ["sp_delete_job", undefined, SCHEDULER],
  ["sp_delete_jobstep", undefined, SCHEDULER], ["sp_delete_schedule", undefined, SCHEDULER],
  ["sp_stop_job", undefined, SCHEDULER], ["sp_help_job", undefined, "Query cron.job (pg_cron)."],
  ["sp_add_category", undefined, "Name pg_cron jobs by convention instead of categories."],
  ["sp_add_alert", undefined, ALERTS], ["sp_delete_alert", undefined, ALERTS],
  ["sp_add_notification", undefined, ALERTS], ["sp_add_operator", undefined, ALERTS],
  ["sp_delete_operator", undefined, ALERTS],
  ["sp_add_proxy", undefined, "Run job steps under a database role; PostgreSQL has no proxies."],
  ["sp_grant_proxy_to_subsystem", undefined, "Run job steps under a database role; PostgreSQL has no proxies."],
];

export const AGENT_TABLES: readonly Listed[] = [
  ["msdb.dbo.sysjobsteps", undefined, "cron.job (pg_cron)"],
  ["msdb.dbo.sysjobschedules", undefined, "cron.job (pg_cron)"],
  ["msdb.dbo.sysschedules", undefined, "cron.job (pg_cron)"],
  ["msdb.dbo.sysjobhistory", undefined, "cron.job_run_details (pg_cron)"],
  ["msdb.dbo.sysjobactivity", undefined, "cron.job_run_details (pg_cron)"],
  ["msdb.dbo.sysjobservers", undefined, "cron.job (pg_cron)"],
  ["msdb.dbo.syscategories", undefined, "no equivalent; name jobs by convention"],
  ["msdb.dbo.sysoperators", undefined, "no equivalent; configure notifications in the monitoring system"],
  ["msdb.dbo.sysalerts", undefined, "no equivalent; configure alerts in the monitoring system"],
  ["msdb.dbo.sysnotifications", undefined, "no equivalent; configure alerts in the monitoring system"],
  ["msdb.dbo.sysproxies", undefined, "no equivalent; PostgreSQL has no proxies"],
];
