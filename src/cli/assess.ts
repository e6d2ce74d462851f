/**
 * `infio assess PATH...`, `infio assess --server HOST` and `infio assess
 * --bundle FILE`: assesses scripts, a live server or a bundle, stores the
 * assessment and writes the reports. Parsing (arguments to AssessOptions) is apart from running
 * (runAssess), so each can be tested alone.
 */

import { availableParallelism } from "node:os";
import { resolve } from "node:path";

import { Command } from "commander";

import type { FindingStatus } from "../assessment/model.js";
import { formatTarget, parseTarget, type Target } from "../catalog/targets.js";
import { collect, DATA_DIR_HELP, STORE_HELP, withExamples, type CommandHost } from "./command.js";
import { resolveDataDir } from "./data-dir.js";
import { UsageError } from "./errors.js";
import { executeAssess } from "./assess-run.js";
import { appNameFrom, executeAppAssess } from "./assess-app.js";
import { assessSourceFrom, type CollectedSourceOptions, type RawSourceOptions } from "./assess-source.js";
import type { BundleKeyOptions } from "./bundle-keys.js";
import { addEncryptOutputOptions, encryptOutputFrom, type RawEncryptOutputOptions } from "./encrypt-output.js";
import { addMasterKeyOptions, chosenMasterKey, type MasterKeyOptions } from "./master-key-options.js";
import {
  addRedactOptions,
  redactOptionsFrom,
  type RawRedactOptions,
  type RedactReportOptions,
} from "./redact-reports.js";
import { addConnectionOptions } from "./live-options.js";
import { addPriceBookOption, priceBookPathFrom, type RawPriceBookOptions } from "./price-book-option.js";
import { addWorkloadOption, workloadFilesFrom, type WorkloadFile } from "./workload-source.js";
import { addAppCodeOption, appCodeRootsFrom } from "./app-code-source.js";
import type { AppCodeRoot } from "../sources/app-code/index.js";
import {
  parseByteSize,
  parseFailOn,
  parseFormats,
  parseInteger,
  parseVariable,
  type ReportFormat,
} from "./values.js";
import type { CliContext } from "./context.js";

export interface AssessOptions {
  /** Paths as given; `-` is standard input. Empty for a server or a bundle. */
  readonly paths: readonly string[];
  /** A live server or a bundle; absent for scripts. */
  readonly collected?: CollectedSourceOptions;
  /** Report folder, absolute. */
  readonly out: string;
  readonly formats: readonly ReportFormat[];
  readonly target: Target;
  /** A second target to classify the findings for (`--compare`). */
  readonly compare?: Target;
  readonly store: string;
  readonly dataDir: string;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly encoding?: string;
  readonly variables: Readonly<Record<string, string>>;
  readonly failOn?: FindingStatus;
  readonly config?: string;
  readonly jobs: number;
  readonly quiet: boolean;
  readonly maxFileSize: number;
  /** `--encrypt-output`: the master key that wraps the reports' key. */
  readonly encryptOutput?: BundleKeyOptions;
  /** `--workload`: capture files whose statements are assessed. */
  readonly workload?: readonly WorkloadFile[];
  /** `--app-code`: application source trees scanned for SQL. */
  readonly appCode?: readonly AppCodeRoot[];
  /**
   * The master key of the store's data keys, when `--key-file`,
   * `--kms-key-id` or their environment variables name one.
   */
  readonly masterKey?: MasterKeyOptions;
  /** `--redact`: the reports are rendered from a redacted copy. */
  readonly redact?: RedactReportOptions;
  /** `--price-book`: the price book of the cost section, absolute; the shipped one when absent. */
  readonly priceBook?: string;
  /** `--app NAME`: every server of this application is assessed instead of `paths`. */
  readonly app?: string;
  /** False with `--no-keep-source`: the store keeps no source text. */
  readonly keepSource?: boolean;
}

export type AssessRun = (options: AssessOptions) => Promise<number>;

interface RawAssessOptions
  extends RawSourceOptions,
    RawEncryptOutputOptions,
    RawRedactOptions,
    RawPriceBookOptions {
  out: string;
  format: string;
  target: string;
  compare?: string;
  store: string;
  dataDir?: string;
  failOn?: string;
  config?: string;
  jobs?: string;
  quiet?: boolean;
  maxFileSize: string;
  app?: string;
  keepSource?: boolean;
}

export const DEFAULT_OUT = "infio-report";
export const DEFAULT_FORMATS = "json,html,csv,sarif";

export function assessCommand(
  host: CommandHost,
  run: AssessRun = (options) =>
    options.app === undefined ? executeAssess(options, host.ctx) : executeAppAssess(options, host.ctx),
): Command {
  const command = new Command("assess")
    .summary("assess T-SQL scripts, a SQL Server or a bundle and write the reports")
    .description(
      "Assess T-SQL scripts, or a live SQL Server, for migration to Babelfish " +
        "or PostgreSQL: read every file or module, classify each feature for " +
        "the target, store the assessment and write the reports. A server is " +
        "read with catalog queries only, over TLS with the certificate " +
        "verified; --bundle assesses what 'infio collect' wrote. Prints the " +
        "assessment id and the report folder on stdout; progress and logs go " +
        "to stderr.\n\n" +
        "Exit codes: 0 done, 1 failure, 2 invalid usage, 3 findings at or " +
        "above --fail-on, 130 interrupted (Ctrl+C), 143 stopped by SIGTERM.",
    )
    .argument("[paths...]", "script files or folders (searched recursively); - reads standard input")
    .option("-o, --out <dir>", "folder for the report files", DEFAULT_OUT)
    .option("-f, --format <list>", "report formats, comma-separated: json, html, csv, sarif", DEFAULT_FORMATS)
    .option("-t, --target <target>", "babelfish, babelfish@VERSION, postgresql or postgresql@MAJOR", "babelfish")
    .option(
      "--compare <target>",
      "also classify the findings for this target and list what it unblocks and what still blocks",
    )
    .option("--store <store>", STORE_HELP, "embedded")
    .option("--data-dir <dir>", DATA_DIR_HELP)
    .option("--include <glob>", "assess only files matching (repeatable; also admits other extensions)", collect, [])
    .option("--exclude <glob>", "leave out files and folders matching (repeatable)", collect, [])
    .option("--encoding <name>", "encoding of every script, e.g. windows-1252 (default: detected per file)")
    .option("--var <name=value>", "sqlcmd variable for $(name) (repeatable)", collect, [])
    .option(
      "--fail-on <status>",
      "exit with 3 if a finding has this status or a more severe one: notSupported, " +
        "unknown, reviewManually, reviewSemantics, reviewPerformance, ignored, supported",
    )
    .option("--config <file>", "catalog overrides as JSON (see docs/catalog.md)")
    .option("-j, --jobs <n>", "worker threads (default: number of cores, less one when a store is written)")
    .option("-q, --quiet", "no progress and no info logs; warnings and errors still show")
    .option(
      "--max-file-size <size>",
      "skip larger files and modules: bytes, or a number with KB, MB, GB, KiB, MiB or GiB (all powers of 1024)",
      "16MiB",
    )
    .option(
      "--no-keep-source",
      "store no source text of the scripts and modules with the assessment; 'infio report' and " +
        "the console then show findings without the code around them",
    );
  addConnectionOptions(command);
  command.option("--bundle <file>", "assess a bundle that 'infio collect' wrote");
  command.option("--app <name>", "assess every server of this application (see 'infio app'), one assessment each");
  addWorkloadOption(command);
  addAppCodeOption(command);
  addMasterKeyOptions(command);
  addEncryptOutputOptions(command);
  addRedactOptions(command);
  addPriceBookOption(command);
  command.action(async (paths: string[], raw: RawAssessOptions) => {
    host.exit(await run(assessOptionsFrom(paths, raw, host.ctx)));
  });

  return withExamples(command, [
    "infio assess ./database",
    "infio assess ./database --target postgresql@17 --out ./report --format html,csv",
    "infio assess ./sql --exclude 'archive/**' --var DatabaseName=Sales --fail-on notSupported",
    "infio assess ./database --target babelfish@4.4 --compare babelfish@5.5",
    "sqlcmd_export | infio assess - --store none",
    "infio assess --server sql01.corp.example,1433 --user infio_reader --password-env INFIO_SQL_PASSWORD",
    "infio assess --server 'sql01\\PROD' --user infio_reader --database Sales --database Billing --tls strict",
    "infio assess --connection-string 'Server=sql01;User ID=infio_reader;Encrypt=Strict' --password-file ~/.infio-sql",
    "infio assess --server sql01 --secret-arn arn:aws:secretsmanager:eu-west-1:123456789012:secret:infio-sql-AbCdEf",
    "infio assess --bundle sql01.infio --key-file ./master.key",
    "infio assess --app Billing --out ./billing-report",
    "infio assess --workload workload.xml --target postgresql@17",
    "infio assess ./database --app-code ./src --exclude '**/Migrations/**'",
    "infio assess ./database --encrypt-output --out ./report",
    "INFIO_KMS_KEY_ID=alias/infio infio assess ./database",
    "infio assess ./database --redact --out ./shared --pseudonym-map ~/private/pseudonyms.json",
    "infio assess ./database --redact --redact-key-env INFIO_REDACT_KEY --store none",
    "infio assess --server sql01 --user infio_reader --password-env INFIO_SQL_PASSWORD --price-book prices.json",
  ]);
}

/**
 * Most worker threads `--jobs` accepts. Each worker holds its own copy of
 * the parser and catalog, so workers beyond the cores only add memory.
 */
export const MAX_JOBS = 64;

/**
 * Picks the number of worker threads: one per core, but one fewer when a
 * store is written, because the main thread then spends about as much CPU
 * on store writes as a worker does on parsing. On a 2-core machine, one
 * worker assessed 500,000 generated lines into the embedded store in 8 s
 * against 11 s for two (bench/assess.ts, other processes running).
 */
export function defaultJobs(store: string): number {
  const cores = availableParallelism();
  return store === "none" ? cores : Math.max(1, cores - 1);
}

/** Turns parsed arguments into options; throws UsageError on a bad value. */
export function assessOptionsFrom(
  paths: readonly string[],
  raw: RawAssessOptions,
  ctx: CliContext,
): AssessOptions {
  const target = parseTarget(raw.target);
  if (!target.ok) {
    throw new UsageError(target.error);
  }
  const compare = raw.compare === undefined ? undefined : parseCompare(raw.compare, target.target);
  if (paths.filter((p) => p === "-").length > 1) {
    throw new UsageError("standard input (-) can be given only once");
  }

  let variables: Record<string, string> = {};
  for (const v of raw.var) {
    variables = parseVariable(v, variables);
  }

  const encoding = raw.encoding?.trim();
  const dataDir = resolveDataDir({
    ...(raw.dataDir === undefined ? {} : { flag: raw.dataDir }),
    env: ctx.env,
    platform: ctx.platform,
    homedir: ctx.homedir,
    cwd: ctx.cwd,
  });
  const app = appNameFrom(paths, raw);
  const collected = app === undefined ? assessSourceFrom(paths, raw, dataDir, ctx) : undefined;
  const workload = workloadFilesFrom(raw, ctx);
  const appCode = appCodeRootsFrom(raw, ctx);
  const encryptOutput = encryptOutputFrom(raw, dataDir, ctx);
  const masterKey = chosenMasterKey(raw, dataDir, ctx);
  const out = resolve(ctx.cwd, raw.out);
  const redact = redactOptionsFrom(raw, out, ctx);
  const priceBook = priceBookPathFrom(raw, ctx);
  return {
    paths,
    ...(collected === undefined ? {} : { collected }),
    ...(workload === undefined ? {} : { workload }),
    ...(appCode === undefined ? {} : { appCode }),
    out,
    formats: parseFormats(raw.format),
    target: target.target,
    ...(compare === undefined ? {} : { compare }),
    store: raw.store,
    dataDir,
    include: raw.include,
    exclude: raw.exclude,
    ...(encoding === undefined || encoding === "" ? {} : { encoding }),
    variables,
    ...(raw.failOn === undefined ? {} : { failOn: parseFailOn(raw.failOn) }),
    ...(raw.config === undefined ? {} : { config: resolve(ctx.cwd, raw.config) }),
    jobs: raw.jobs === undefined ? defaultJobs(raw.store) : parseInteger("--jobs", raw.jobs, 1, MAX_JOBS),
    quiet: raw.quiet === true,
    maxFileSize: parseByteSize("--max-file-size", raw.maxFileSize),
    ...(encryptOutput === undefined ? {} : { encryptOutput }),
    ...(masterKey === undefined ? {} : { masterKey }),
    ...(redact === undefined ? {} : { redact }),
    ...(priceBook === undefined ? {} : { priceBook }),
    ...(app === undefined ? {} : { app }),
    ...(raw.keepSource === false ? { keepSource: false } : {}),
  };
}

/**
 * Parses `--compare` as `--target` is parsed; throws UsageError on a bad
 * value or on the target already assessed, which would compare nothing.
 */
export function parseCompare(text: string, target: Target): Target {
  const parsed = parseTarget(text);
  if (!parsed.ok) {
    throw new UsageError(`--compare: ${parsed.error}`);
  }
  if (formatTarget(parsed.target) === formatTarget(target)) {
    throw new UsageError(
      `--compare '${text}' is the assessed target ${formatTarget(target)}; ` +
        "name another version or product",
    );
  }
  return parsed.target;
}
