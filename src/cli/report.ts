/**
 * `infio report ID`: writes the reports of a stored assessment again, in
 * plain form, encrypted (`--encrypt-output`) or redacted (`--redact`).
 */

import { resolve } from "node:path";

import { Command } from "commander";

import { compareStoredAssessment } from "../assessment/compare-stored.js";
import type { Assessment } from "../assessment/model.js";
import type { UnitTexts } from "../store/index.js";
import { defaultCatalog } from "../catalog/catalog.js";
import { parseTarget, type Target } from "../catalog/targets.js";
import { comparisonLine } from "./assess-run.js";
import {
  DATA_DIR_HELP,
  STORE_HELP,
  withExamples,
  type CommandHost,
  type StoreOptions,
} from "./command.js";
import { auditedRead } from "./audit-trail.js";
import type { BundleKeyOptions } from "./bundle-keys.js";
import { setUpCommand } from "./command-setup.js";
import type { CliContext } from "./context.js";
import {
  addEncryptOutputOptions,
  encryptOutputFrom,
  prepareReportEncryption,
  type RawEncryptOutputOptions,
} from "./encrypt-output.js";
import { EXIT_FAILURE, EXIT_OK, UsageError } from "./errors.js";
import { featureLookup } from "./feature-lookup.js";
import { watchInterrupts } from "./interrupts.js";
import { storeOptionsFrom } from "./list.js";
import { createLogger, type Logger } from "./log.js";
import { addMasterKeyOptions } from "./master-key-options.js";
import { prepareOutDir, removeCreatedFolders } from "./out-dir.js";
import {
  addRedactOptions,
  redactOptionsFrom,
  reportRedaction,
  type RawRedactOptions,
  type RedactReportOptions,
} from "./redact-reports.js";
import { logMissingTexts, readStoredTexts, reportSourceTexts } from "./stored-source.js";
import { embeddedStoreExists, readAssessments } from "./store-access.js";
import { parseFormats, type ReportFormat } from "./values.js";
import {
  addPriceBookOption,
  loadReportPriceBook,
  priceBookPathFrom,
  type RawPriceBookOptions,
} from "./price-book-option.js";
import { withPriceBook } from "./report-cost.js";
import { DEFAULT_FORMATS, DEFAULT_OUT } from "./assess.js";
import { writeReports } from "./write-reports.js";

export interface ReportOptions extends StoreOptions {
  readonly id: string;
  /** A target to compare the assessed target with (`--compare`). */
  readonly compare?: Target;
  readonly out: string;
  readonly formats: readonly ReportFormat[];
  readonly quiet: boolean;
  /** `--encrypt-output`: the master key that wraps the reports' key. */
  readonly encryptOutput?: BundleKeyOptions;
  /** `--redact`: the reports are rendered from a redacted copy. */
  readonly redact?: RedactReportOptions;
  /** `--price-book`: compute the cost section again with this price book, absolute. */
  readonly priceBook?: string;
}

export type ReportRun = (options: ReportOptions) => Promise<number>;

interface RawReportOptions extends RawEncryptOutputOptions, RawRedactOptions, RawPriceBookOptions {
  compare?: string;
  out: string;
  format: string;
  store: string;
  dataDir?: string;
  quiet?: boolean;
}

export function reportCommand(
  host: CommandHost,
  run: ReportRun = (options) => executeReport(options, host.ctx),
): Command {
  const command = new Command("report")
    .summary("write the reports of a stored assessment again")
    .description(
      "Write the reports of a stored assessment again, for example in another " +
        "format. The HTML code view reads the scripts again from where they " +
        "were assessed (relative paths from the current folder); scripts " +
        "that are gone or changed size are shown without code.",
    )
    .argument("<id>", "assessment id, as 'infio list' shows it")
    .option("-o, --out <dir>", "folder for the report files", DEFAULT_OUT)
    .option("-f, --format <list>", "report formats, comma-separated: json, html, csv, sarif", DEFAULT_FORMATS)
    .option(
      "--compare <target>",
      "classify the findings again for this target and list what it unblocks and what still blocks",
    )
    .option("--store <store>", STORE_HELP, "embedded")
    .option("--data-dir <dir>", DATA_DIR_HELP)
    .option("-q, --quiet", "no info logs");
  addMasterKeyOptions(command);
  addEncryptOutputOptions(command);
  addRedactOptions(command);
  addPriceBookOption(command);
  command.action(async (id: string, raw: RawReportOptions) => {
    const store = storeOptionsFrom(raw, host.ctx);
    const encryptOutput = encryptOutputFrom(raw, store.dataDir, host.ctx);
    const out = resolve(host.ctx.cwd, raw.out);
    const redact = redactOptionsFrom(raw, out, host.ctx);
    const priceBook = priceBookPathFrom(raw, host.ctx);
    host.exit(
      await run({
        ...store,
        id,
        ...(raw.compare === undefined ? {} : { compare: parseCompareTarget(raw.compare) }),
        out,
        formats: parseFormats(raw.format),
        quiet: raw.quiet === true,
        ...(encryptOutput === undefined ? {} : { encryptOutput }),
        ...(redact === undefined ? {} : { redact }),
        ...(priceBook === undefined ? {} : { priceBook }),
      }),
    );
  });

  return withExamples(command, [
    "infio report 20250304-050607-3f9a1c",
    "infio report 20250304-050607-3f9a1c --format sarif --out ./scan",
    "infio report 20250304-050607-3f9a1c --compare babelfish@5.5 --format html",
    "infio report 20250304-050607-3f9a1c --encrypt-output --key-file ./master.key",
    "infio report 20250304-050607-3f9a1c --redact --out ./for-vendor --pseudonym-map ~/private/pseudonyms.json",
    "INFIO_REDACT_KEY=$(openssl rand -hex 32) infio report 20250304-050607-3f9a1c --redact --redact-key-env INFIO_REDACT_KEY",
    "infio report 20250304-050607-3f9a1c --price-book prices.json --format html,json",
  ]);
}

/** Parses `--compare` as `--target` is parsed; throws UsageError on a bad value. */
function parseCompareTarget(text: string): Target {
  const parsed = parseTarget(text);
  if (!parsed.ok) {
    throw new UsageError(`--compare: ${parsed.error}`);
  }
  return parsed.target;
}

/** Replaces any stored comparison with one against `candidate`. */
function withComparison(a: Assessment, candidate: Target, log: Logger): Assessment {
  const result = compareStoredAssessment(a, candidate);
  if (!result.ok) {
    throw new UsageError(result.error);
  }

  for (const warning of result.warnings) {
    log.warn(`stored override not applied to the comparison: ${warning}`);
  }
  log.info(comparisonLine(result.comparison));
  return { ...a, comparison: result.comparison };
}

export async function executeReport(options: ReportOptions, ctx: CliContext): Promise<number> {
  const log = createLogger(ctx.stderr, { quiet: options.quiet });
  const keepsData = embeddedStoreExists(options.store, options.dataDir);
  const setup = await setUpCommand({ ctx, dataDir: options.dataDir, keepsData, masterKey: options.masterKey, log });
  // A missing or unreadable master key fails before anything is read or written.
  const encryption =
    options.encryptOutput === undefined ? undefined : await prepareReportEncryption(options.encryptOutput, ctx, log);
  // An invalid price book fails before anything is read or written.
  const priceBook = options.priceBook === undefined ? undefined : await loadReportPriceBook(options.priceBook);

  // Only the code view of the HTML report, and redaction, use the texts.
  const needsTexts = options.formats.includes("html") || options.redact !== undefined;
  let storedTexts: UnitTexts | undefined;
  const [stored] = await auditedRead(
    setup.audit,
    { action: "assessment.read", objects: { assessment: options.id }, details: { command: "report" } },
    () =>
      readAssessments(options.store, options.dataDir, [options.id], log, setup, async (store, read) => {
        if (needsTexts) {
          storedTexts = await readStoredTexts(store, read);
        }
      }),
  );
  const compared = options.compare === undefined ? stored : withComparison(stored, options.compare, log);
  const a = priceBook === undefined ? compared : withPriceBook(compared, priceBook, log);

  const sources = reportSourceTexts(a, storedTexts, ctx.cwd);
  const outDir = await prepareOutDir(options.out);
  const details = {
    out: options.out,
    formats: [...options.formats],
    encrypted: encryption !== undefined,
    redacted: options.redact !== undefined,
    ...(options.redact?.mapFile === undefined ? {} : { pseudonymMap: options.redact.mapFile }),
  };
  await setup.audit.before({ action: "report.write", outcome: "started", objects: { assessment: a.id }, details });

  const interrupts = watchInterrupts(ctx, (signal) => log.warn(`${signal} received; stopping`));
  let written: string[];
  try {
    written = await writeReports(a, {
      dir: options.out,
      formats: options.formats,
      // Overrides change no title or link, so the built-in catalog serves.
      features: featureLookup(defaultCatalog()),
      sources,
      signal: interrupts.signal,
      ...(encryption === undefined ? {} : { encryption }),
      ...(options.redact === undefined ? {} : { redaction: reportRedaction(options.redact) }),
    });
  } catch (error) {
    await removeCreatedFolders(outDir.created);
    const reason = error instanceof Error ? error.message : String(error);
    const failed = { action: "report.write", objects: { assessment: a.id } } as const;
    if (interrupts.signal.aborted) {
      log.warn("interrupted; no report file was written");
      await setup.audit.after({ ...failed, outcome: "failed", details: { ...details, interrupted: true } });
      return interrupts.exitCode();
    }
    log.error(`cannot write the reports to '${options.out}': ${reason}; pass a writable --out`);
    await setup.audit.after({ ...failed, outcome: "failed", details: { ...details, error: reason } });
    return EXIT_FAILURE;
  } finally {
    interrupts.stop();
  }
  await setup.audit.after({
    action: "report.write",
    outcome: "succeeded",
    objects: { assessment: a.id },
    details: { ...details, reports: written },
  });

  for (const path of written) {
    log.info(`wrote ${path}`);
  }
  logMissingTexts(a, storedTexts, sources, log);
  ctx.stdout.write(`report ${options.out}\n`);
  return EXIT_OK;
}
