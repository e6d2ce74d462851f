/**
 * Figures of the console load benchmark: latencies and errors per route,
 * and the report it prints as Markdown, ready for docs/benchmarks.md.
 */

import type { RunSnapshot } from "./console-client.js";

/** Error messages kept per route for the report. Errors past these are only counted. */
const KEPT_ERRORS = 5;

/** Requests of one route: latencies of the successful ones, and the errors. */
export class RouteStats {
  readonly route: string;
  readonly latenciesMs: number[] = [];
  errors = 0;
  readonly errorSamples: string[] = [];

  constructor(route: string) {
    this.route = route;
  }

  get requests(): number {
    return this.latenciesMs.length + this.errors;
  }

  /**
   * Records one request: its latency when it succeeded, or the reason it
   * failed. A request that failed before a response has no latency.
   */
  record(ms: number | undefined, error?: string): void {
    if (error === undefined && ms !== undefined) {
      this.latenciesMs.push(ms);
      return;
    }
    this.errors++;
    if (this.errorSamples.length < KEPT_ERRORS) {
      this.errorSamples.push(error ?? "failed without a reason");
    }
  }

  /** Turns the last successful request into an error, for a response whose body was invalid. */
  recordInvalid(error: string): void {
    this.latenciesMs.pop();
    this.record(undefined, error);
  }
}

/** Returns the `p`th percentile (0 to 100) of `sorted` by the nearest-rank method. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) {
    return Number.NaN;
  }
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export interface MeasuredRun {
  readonly snapshot: RunSnapshot;
  readonly wallMs: number;
  /** Lines the corpus was generated with. */
  readonly lines: number;
}

export interface LoadReport {
  readonly routes: readonly RouteStats[];
  /** From the start of the load to the last reader's last response, in ms. */
  readonly readMs: number;
  readonly readers: number;
  readonly durationS: number;
  readonly run: MeasuredRun | { readonly error: string };
  readonly baseline: MeasuredRun | undefined;
  readonly seed: MeasuredRun;
  /** CPU time the server used during the load, all threads together, in seconds. */
  readonly serverCpuS: number;
  /** CPU time this process (the simulated users) used during the load, in seconds. */
  readonly clientCpuS: number;
  /** VmRSS just before the load, in MiB. */
  readonly rssBeforeMiB: number;
  /** Highest VmRSS sampled during the load, in MiB. */
  readonly peakRssMiB: number;
  /** VmHWM at the end of the load, in MiB. */
  readonly lifetimePeakRssMiB: number;
  /** 1-minute load averages sampled from before to after the load. */
  readonly loadAverages: readonly number[];
  readonly serverProblems: readonly string[];
  readonly machine: string;
  readonly node: string;
}

/** Formats the report as Markdown: a context line, the route table, the runs and the memory. */
export function formatReport(report: LoadReport): string {
  const seconds = report.readMs / 1000;
  const loads = report.loadAverages;
  const lines = [
    `Date: ${new Date().toISOString().slice(0, 10)}. Machine: ${report.machine}. Node ${report.node}.`,
    `Load average (1 min): ${fixed(loads[0]!, 2)} before, ${fixed(Math.min(...loads), 2)} to ` +
      `${fixed(Math.max(...loads), 2)} during, ${fixed(loads.at(-1)!, 2)} after.`,
    `${report.readers} ${report.readers === 1 ? "reader" : "readers"}, one session each, read for ${fixed(seconds, 1)} s ` +
      `(--duration ${report.durationS}, then until the run ended).`,
    "",
    "| route | requests | errors | p50 ms | p90 ms | p99 ms | max ms | requests/s |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...report.routes.map((route) => routeRow(route.route, [route], seconds)),
    routeRow("all requests", report.routes, seconds),
    "",
    `Seed: ${runText(report.seed)}, without readers.`,
    `Run under load: ${"error" in report.run ? `failed: ${report.run.error}` : runText(report.run)}.`,
    `Run without readers: ${report.baseline === undefined ? "not measured (pass --baseline)" : runText(report.baseline)}.`,
    `Server CPU during the load: ${fixed(report.serverCpuS, 1)} s, ` +
      `${fixed(report.serverCpuS / seconds, 2)} cores on average; the simulated users took ` +
      `${fixed(report.clientCpuS / seconds, 2)} cores.`,
    `Server RSS: ${Math.round(report.rssBeforeMiB)} MiB before the load, peak ${Math.round(report.peakRssMiB)} MiB ` +
      `during it (VmRSS every 250 ms), ${Math.round(report.lifetimePeakRssMiB)} MiB over the server's life (VmHWM).`,
  ];

  for (const route of report.routes) {
    for (const sample of route.errorSamples) {
      lines.push(`Error, ${route.route}: ${sample}`);
    }
  }
  const problems = report.serverProblems;
  lines.push(`Server log: ${problems.length} warning and error lines.`, ...problems.slice(0, 10));
  return lines.join("\n");
}

function routeRow(label: string, routes: readonly RouteStats[], seconds: number): string {
  const latencies = routes.flatMap((route) => route.latenciesMs).sort((a, b) => a - b);
  const requests = routes.reduce((sum, route) => sum + route.requests, 0);
  const errors = routes.reduce((sum, route) => sum + route.errors, 0);
  const cells = [
    label,
    count(requests),
    count(errors),
    ...[50, 90, 99, 100].map((p) => count(Math.round(percentile(latencies, p)))),
    fixed(requests / seconds, 1),
  ];
  return `| ${cells.join(" | ")} |`;
}

/** Describes a run in one line: lines, findings, files and its times. */
export function runText(run: MeasuredRun): string {
  const s = run.snapshot;
  const outcome = s.state === "done" ? "" : ` ${s.state} (${s.error ?? "no reason given"}),`;
  return (
    `${count(run.lines)} lines generated,${outcome} ${count(s.lines)} lines assessed, ${count(s.findings)} findings, ` +
    `${count(s.unitsDone)} ${s.unitsDone === 1 ? "file" : "files"}; ${fixed(s.elapsedMs / 1000, 1)} s in the runner, ` +
    `${fixed(run.wallMs / 1000, 1)} s from upload to the last progress event`
  );
}

function count(value: number): string {
  return Number.isNaN(value) ? "-" : value.toLocaleString("en-US");
}

function fixed(value: number, digits: number): string {
  return value.toFixed(digits);
}
