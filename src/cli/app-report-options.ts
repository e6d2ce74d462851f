/**
 * The options that `infio app report` and `infio app companies report`
 * share: the formats, the report folder, Chromium for the PDF, the target,
 * and the store and master key options of `infio report`.
 */

import { resolve } from "node:path";

import type { Command } from "commander";

import { formatTarget, parseTarget } from "../catalog/targets.js";
import { DATA_DIR_HELP, STORE_HELP, type CommandHost, type StoreOptions } from "./command.js";
import { UsageError } from "./errors.js";
import { storeOptionsFrom } from "./list.js";
import { addMasterKeyOptions, type RawMasterKeyOptions } from "./master-key-options.js";

export const APP_REPORT_FORMATS = ["html", "pdf", "json"] as const;

export type AppReportFormat = (typeof APP_REPORT_FORMATS)[number];

export interface AppReportOptions extends StoreOptions {
  /** Absolute path of the report folder. */
  readonly out: string;
  readonly formats: readonly AppReportFormat[];
  /** `--chromium`: the executable that prints the PDF. */
  readonly chromium?: string;
  /** `--target`, normalised; by default the target of the newest assessment read. */
  readonly target?: string;
  readonly quiet: boolean;
}

export interface RawAppReportOptions extends RawMasterKeyOptions {
  out: string;
  format: string;
  chromium?: string;
  target?: string;
  store: string;
  dataDir?: string;
  quiet?: boolean;
}

/** Adds the shared options to a report command. */
export function withAppReportOptions(command: Command, defaultOut: string): Command {
  command
    .option("-o, --out <dir>", "folder for the report files", defaultOut)
    .option("-f, --format <list>", "report formats, comma-separated: html, pdf, json", "html,pdf,json")
    .option(
      "--chromium <path>",
      "Chromium or Chrome executable that prints the PDF (default: $INFIO_CHROMIUM, else chromium, " +
        "chromium-browser or google-chrome on PATH)",
    )
    .option(
      "--target <target>",
      "target the report compares with, for example babelfish@5.5 (default: the target of the newest assessment read)",
    )
    .option("--store <store>", STORE_HELP, "embedded")
    .option("--data-dir <dir>", DATA_DIR_HELP)
    .option("-q, --quiet", "no info logs; warnings and errors still show");
  return addMasterKeyOptions(command);
}

/** Resolves the shared options; throws UsageError on an invalid value. */
export function appReportOptionsFrom(raw: RawAppReportOptions, host: CommandHost): AppReportOptions {
  const chromium = raw.chromium === undefined ? undefined : resolve(host.ctx.cwd, raw.chromium);
  return {
    ...storeOptionsFrom(raw, host.ctx),
    out: resolve(host.ctx.cwd, raw.out),
    formats: parseAppReportFormats(raw.format),
    ...(chromium === undefined ? {} : { chromium }),
    ...(raw.target === undefined ? {} : { target: normalisedTarget(raw.target) }),
    quiet: raw.quiet === true,
  };
}

/** Parses `--format`; throws UsageError naming a format other than html, pdf or json. */
export function parseAppReportFormats(value: string): AppReportFormat[] {
  const chosen = new Set<string>();
  for (const part of value.split(",")) {
    const name = part.trim().toLowerCase();
    if (name === "") {
      continue;
    }
    if (!(APP_REPORT_FORMATS as readonly string[]).includes(name)) {
      throw new UsageError(
        `invalid format '${part.trim()}' in --format '${value}'; use a comma-separated list of ${APP_REPORT_FORMATS.join(", ")}`,
      );
    }
    chosen.add(name);
  }
  if (chosen.size === 0) {
    throw new UsageError(`--format '${value}' names no format; use a comma-separated list of ${APP_REPORT_FORMATS.join(", ")}`);
  }
  return APP_REPORT_FORMATS.filter((f) => chosen.has(f));
}

/** Parses `--target` as `infio assess` does and returns it in the form assessments store. */
function normalisedTarget(text: string): string {
  const parsed = parseTarget(text);
  if (!parsed.ok) {
    throw new UsageError(`--target: ${parsed.error}`);
  }
  return formatTarget(parsed.target);
}
