/** The actions of `infio app metrics`: see app-metrics.ts for the options. */

import type { Metric } from "../store/application-model.js";
import type { MetricsOptions } from "./app-metrics.js";
import { auditedChange, noStoreYet, requireApplication, withAppSession, writeJson, type AppSession } from "./app-common.js";
import { metricJson } from "./app-views.js";
import { auditedRead } from "./audit-trail.js";
import type { CliContext } from "./context.js";
import { EXIT_OK } from "./errors.js";

export function runMetrics(options: MetricsOptions, ctx: CliContext): Promise<number> {
  return withAppSession(options, ctx, false, async (session) => {
    if (session === undefined) {
      throw noStoreYet("application", options.application, options.dataDir);
    }
    return options.verb === "set"
      ? setMetrics(session, options)
      : showMetrics(session, options.application, options.json);
  });
}

async function setMetrics(session: AppSession, options: Extract<MetricsOptions, { verb: "set" }>): Promise<number> {
  const application = await requireApplication(session.model, options.application);
  const current = await session.model.metrics.list(application.key);
  const touched = new Set([...options.values.map((v) => v.name), ...options.clear]);
  const old = Object.fromEntries(
    current.filter((m) => touched.has(m.name)).map((m) => [m.name, { value: m.value, origin: m.origin }]),
  );

  await auditedChange(
    session.setup,
    { action: "application.metrics.set", objects: { application: application.name }, details: { old } },
    async () => {
      const change = session.change();
      for (const { name, value } of options.values) {
        await session.model.metrics.setManual(application.key, name, value, change);
      }
      for (const name of options.clear) {
        await session.model.metrics.clear(application.key, name);
      }
      const next = Object.fromEntries([
        ...options.values.map((v) => [v.name, { value: v.value, origin: "manual" }]),
        ...options.clear.map((name) => [name, null]),
      ]);
      return { result: undefined, details: { new: next } };
    },
  );
  session.setup.log.info(
    `saved ${options.values.length} metric(s) and cleared ${options.clear.length} of application '${application.name}'`,
  );
  return EXIT_OK;
}

async function showMetrics(session: AppSession, name: string, json: boolean): Promise<number> {
  const { application, metrics } = await auditedRead(
    session.setup.audit,
    { action: "application.metrics.show", objects: { application: name } },
    async () => {
      const application = await requireApplication(session.model, name);
      return { application, metrics: await session.model.metrics.list(application.key) };
    },
  );

  if (json) {
    writeJson(session.ctx, { application: application.name, metrics: metrics.map(metricJson) });
    return EXIT_OK;
  }
  if (metrics.length === 0) {
    session.ctx.stderr.write(
      `no metrics for application '${application.name}' yet; run 'infio assess --app' on its live servers or 'infio app metrics set'\n`,
    );
    return EXIT_OK;
  }
  session.ctx.stdout.write(`${metrics.map(describeMetric).join("\n")}\n`);
  return EXIT_OK;
}

/** Describes a metric on one line: name, value with its unit, and where it came from. */
export function describeMetric(metric: Metric): string {
  const unit = metric.name === "memory-mb" || metric.name === "storage-mb" ? " MiB" : "";
  const origin =
    metric.origin === "manual"
      ? `entered by ${metric.updatedBy}`
      : `read from the inventory of ${metric.assessments.join(", ")}`;
  return `${metric.name}: ${metric.value}${unit} (${origin}, ${metric.updatedAt.toISOString()})`;
}
