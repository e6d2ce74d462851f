/**
 * `infio app metrics set|show`: an application's environment metrics.
 * Values set here are marked as entered by hand, so `infio assess --app`
 * never replaces them with values read from a server's inventory.
 * `--clear METRIC` removes one so that the next assessment fills it. The
 * actions are in app-metrics-run.ts.
 */

import { Command, Option } from "commander";

import { METRICS, type MetricName } from "../store/application-model.js";
import { withExamples, type CommandHost } from "./command.js";
import { appStoreOptionsFrom, withStoreOptions, type AppStoreOptions, type RawAppCommon } from "./app-common.js";
import { runMetrics } from "./app-metrics-run.js";
import { UsageError } from "./errors.js";
import { parseByteSize, parseInteger } from "./values.js";

export type MetricsOptions = AppStoreOptions &
  (
    | {
        readonly verb: "set";
        readonly application: string;
        /** Values to set by hand, in METRICS order. */
        readonly values: readonly { readonly name: MetricName; readonly value: number }[];
        readonly clear: readonly MetricName[];
      }
    | { readonly verb: "show"; readonly application: string; readonly json: boolean }
  );

export type MetricsRun = (options: MetricsOptions) => Promise<number>;

const MIB = 1024 * 1024;

/** The option of each metric: its flag, its help and how its value is parsed. */
const METRIC_OPTIONS: readonly {
  readonly name: MetricName;
  readonly flag: string;
  readonly key: string;
  readonly help: string;
  readonly size: boolean;
}[] = [
  { name: "production-instances", flag: "--production-instances <n>", key: "productionInstances", help: "SQL Server instances in production", size: false },
  { name: "non-production-instances", flag: "--non-production-instances <n>", key: "nonProductionInstances", help: "SQL Server instances outside production", size: false },
  { name: "cpu-cores", flag: "--cpu-cores <n>", key: "cpuCores", help: "CPU cores of all instances together", size: false },
  { name: "memory-mb", flag: "--memory <size>", key: "memory", help: "memory of all instances: bytes, or a number with KB, MB or GB (powers of 1024)", size: true },
  { name: "storage-mb", flag: "--storage <size>", key: "storage", help: "size of the application's database files, with a unit as --memory", size: true },
  { name: "primary-replicas", flag: "--primary-replicas <n>", key: "primaryReplicas", help: "availability group primary replicas", size: false },
  { name: "secondary-replicas", flag: "--secondary-replicas <n>", key: "secondaryReplicas", help: "availability group secondary replicas", size: false },
];

type RawSet = RawAppCommon & Record<string, string | undefined> & { clear: string[] };

export function metricsCommand(host: CommandHost, run: MetricsRun = (options) => runMetrics(options, host.ctx)): Command {
  const metrics = new Command("metrics").summary("enter and show an application's environment metrics");
  const ctx = host.ctx;

  const set = withStoreOptions(new Command("set"))
    .summary("enter metrics by hand; they take precedence over the inventory")
    .argument("<application>", "application name");
  for (const option of METRIC_OPTIONS) {
    set.option(option.flag, option.help);
  }
  set
    .addOption(
      new Option("--clear <metric>", `remove a metric, so that the next 'assess --app' fills it (repeatable): ${METRICS.join(", ")}`)
        .argParser(collectMetric)
        .default([]),
    )
    .action(async (application: string, raw: RawSet) => {
      const { values, clear } = metricChangesFrom(raw);
      host.exit(await run({ ...appStoreOptionsFrom(raw, ctx), verb: "set", application, values, clear }));
    });
  metrics.addCommand(
    withExamples(set, [
      "infio app metrics set Billing --production-instances 2 --cpu-cores 32 --memory 256GB",
      "infio app metrics set Billing --storage 1536GB --clear cpu-cores",
    ]),
  );

  metrics.addCommand(
    withStoreOptions(new Command("show"))
      .summary("show the metrics and where each came from")
      .argument("<application>", "application name")
      .option("--json", "print JSON instead of text")
      .action(async (application: string, raw: RawAppCommon & { json?: boolean }) =>
        host.exit(await run({ ...appStoreOptionsFrom(raw, ctx), verb: "show", application, json: raw.json === true })),
      ),
  );

  return metrics;
}

/** Collects the `--clear` values, rejecting a name that is not a metric. */
function collectMetric(value: string, previous: readonly MetricName[]): MetricName[] {
  const name = METRICS.find((metric) => metric === value.trim().toLowerCase());
  if (name === undefined) {
    throw new UsageError(`invalid --clear '${value}'; use one of ${METRICS.join(", ")}`);
  }
  return [...previous, name];
}

/** Parses the metric options of `set`; throws UsageError on a bad value or when nothing is given. */
export function metricChangesFrom(raw: RawSet): {
  values: { name: MetricName; value: number }[];
  clear: MetricName[];
} {
  const values: { name: MetricName; value: number }[] = [];
  for (const option of METRIC_OPTIONS) {
    const text = raw[option.key];
    if (text === undefined) {
      continue;
    }
    const flag = option.flag.split(" ")[0]!;
    const value = option.size ? Math.round(parseByteSize(flag, text) / MIB) : parseInteger(flag, text, 0);
    values.push({ name: option.name, value });
  }

  const clear = [...new Set(raw.clear as MetricName[])];
  const both = clear.filter((name) => values.some((v) => v.name === name));
  if (both.length > 0) {
    throw new UsageError(`metric ${both.join(", ")} is both set and cleared; pass one of the two`);
  }
  if (values.length === 0 && clear.length === 0) {
    throw new UsageError(`nothing to set: pass ${METRIC_OPTIONS.map((o) => o.flag.split(" ")[0]).join(", ")} or --clear METRIC`);
  }
  return { values, clear };
}
