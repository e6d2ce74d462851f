/**
 * The actions of `infio app report` and `infio app companies report`:
 * choose each server's newest complete assessment, read them, build the
 * report and write its files. Both reads are recorded in the audit trail
 * with the assessments read, and the writing as `report.write`.
 */

import { formatTarget, parseTarget } from "../catalog/targets.js";
import type { JsonValue } from "../security/audit/entry.js";
import {
  buildApplicationReport,
  renderApplicationHtml,
  renderApplicationJson,
} from "../report/application/index.js";
import {
  chooseAssessments,
  listingsById,
  newestTarget,
  readApplicationInput,
  type ApplicationChoice,
} from "../report/application/from-store.js";
import { renderCompanyHtml, renderCompanyJson } from "../report/company/index.js";
import { chooseCompanyAssessments, readCompanyReport } from "../report/company/from-store.js";
import { applicationModel, type ApplicationModel } from "../store/applications-store.js";
import { StoreError, type Store } from "../store/index.js";
import type { ApplicationReportOptions } from "./app-report.js";
import type { CompanyReportOptions } from "./app-companies-report.js";
import type { AppReportOptions } from "./app-report-options.js";
import { writeReportFiles, type ReportFiles } from "./app-report-files.js";
import type { AuditRecord } from "./audit-trail.js";
import { setUpCommand, type CommandSetup } from "./command-setup.js";
import type { CliContext } from "./context.js";
import { EXIT_FAILURE, EXIT_OK, FailureError, UsageError } from "./errors.js";
import { createLogger, type Logger } from "./log.js";
import { prepareOutDir, removeCreatedFolders } from "./out-dir.js";
import { closeQuietly, embeddedStoreExists, openCliStore } from "./store-access.js";

/** How many names an error lists when the name given is not found. */
const NAMES_LISTED = 5;

/** The report files to write, with what the audit trail records of them. */
interface ReportToWrite {
  readonly files: Omit<ReportFiles, "dir" | "formats" | "chromium" | "env">;
  readonly objects: Readonly<Record<string, string>>;
}

export function runApplicationReport(options: ApplicationReportOptions, ctx: CliContext): Promise<number> {
  const name = options.application;
  return withReportStore(options, ctx, `application '${name}'`, async (run) => {
    const event = { action: "application.report.read", objects: { application: name } };
    const report = await auditedReport(run.setup, event, async () => {
      const application = await run.model.applications.find(name);
      if (application === undefined) {
        throw await unknownName(run, "application", name);
      }
      const choice = await chooseAssessments(run.model, application, await listingsById(run.store));
      requireAssessments(choice);
      warnAboutNewerRuns(run.setup.log, choice);

      const target = options.target ?? newestTarget([choice]) ?? defaultTarget();
      const input = await readStored(() => readApplicationInput(run.store, run.model, choice, { target, generatedAt: run.generatedAt }));
      const assessments = input.servers.flatMap((s) => (s.assessment === undefined ? [] : [s.assessment.id]));
      const objects = { application: application.name, company: application.companyName };
      return { result: buildApplicationReport(input), objects, details: { assessments } };
    });

    return {
      files: { name: "application", html: () => renderApplicationHtml(report), json: () => renderApplicationJson(report) },
      objects: { application: report.applicationName },
    };
  });
}

export function runCompanyReport(options: CompanyReportOptions, ctx: CliContext): Promise<number> {
  const name = options.company;
  return withReportStore(options, ctx, `company '${name}'`, async (run) => {
    const event = { action: "company.report.read", objects: { company: name } };
    const report = await auditedReport(run.setup, event, async () => {
      const company = await run.model.companies.find(name);
      if (company === undefined) {
        throw await unknownName(run, "company", name);
      }
      const choices = await chooseCompanyAssessments(run.model, company, await listingsById(run.store));
      requireCompanyAssessments(company.name, choices);
      for (const choice of choices) {
        if (choice.linked === 0) {
          run.setup.log.warn(
            `application '${choice.application.name}' has no assessments yet and is listed as not assessed; ` +
              `run 'infio assess --app ${choice.application.name}'`,
          );
        }
        warnAboutNewerRuns(run.setup.log, choice);
      }

      const target = options.target ?? newestTarget(choices) ?? defaultTarget();
      const read: Record<string, JsonValue> = {};
      const header = { target, generatedAt: run.generatedAt };
      const result = await readStored(() =>
        readCompanyReport(run.store, run.model, company, choices, header, (application, ids) => {
          read[application] = [...ids];
        }),
      );
      return { result, objects: { company: company.name }, details: { assessments: read } };
    });

    return {
      files: { name: "company", html: () => renderCompanyHtml(report), json: () => renderCompanyJson(report) },
      objects: { company: report.companyName },
    };
  });
}

/** The open store, its application model and the command's setup, for reading a report. */
interface ReportRun {
  readonly store: Store;
  readonly model: ApplicationModel;
  readonly setup: CommandSetup;
  /** ISO 8601 time of the report. */
  readonly generatedAt: string;
}

/**
 * Opens the store, lets `read` build the report, and writes its files.
 * The report folder is checked before the store is read, so a bad --out
 * fails at once. Returns 1 when the PDF cannot be printed, after writing
 * the other formats.
 */
async function withReportStore(
  options: AppReportOptions,
  ctx: CliContext,
  subject: string,
  read: (run: ReportRun) => Promise<ReportToWrite>,
): Promise<number> {
  const log = createLogger(ctx.stderr, { quiet: options.quiet });
  if (!embeddedStoreExists(options.store, options.dataDir)) {
    throw new UsageError(`${subject} not found: no store in '${options.dataDir}' yet; pass --data-dir or --store where it was saved`);
  }
  const setup = await setUpCommand({ ctx, dataDir: options.dataDir, keepsData: true, masterKey: options.masterKey, log });
  const outDir = await prepareOutDir(options.out);

  let toWrite: ReportToWrite;
  try {
    const store = await openCliStore(options.store, options.dataDir, log, setup);
    try {
      toWrite = await read({ store, model: applicationModel(store), setup, generatedAt: new Date().toISOString() });
    } finally {
      await closeQuietly(store, log);
    }
  } catch (error) {
    await removeCreatedFolders(outDir.created);
    throw error;
  }

  const details = { out: options.out, formats: [...options.formats] };
  const event = { action: "report.write", objects: toWrite.objects };
  await setup.audit.before({ ...event, outcome: "started", details });
  let written;
  try {
    written = await writeReportFiles({
      ...toWrite.files,
      dir: options.out,
      formats: options.formats,
      ...(options.chromium === undefined ? {} : { chromium: options.chromium }),
      env: ctx.env,
    });
  } catch (error) {
    await removeCreatedFolders(outDir.created);
    const reason = error instanceof Error ? error.message : String(error);
    log.error(`cannot write the reports to '${options.out}': ${reason}; pass a writable --out`);
    await setup.audit.after({ ...event, outcome: "failed", details: { ...details, error: reason } });
    return EXIT_FAILURE;
  }

  const files = [...written.written];
  const pdfError = written.pdfError?.message;
  await setup.audit.after({
    ...event,
    outcome: pdfError === undefined ? "succeeded" : "failed",
    details: { ...details, reports: files, ...(pdfError === undefined ? {} : { error: pdfError }) },
  });
  for (const path of files) {
    log.info(`wrote ${path}`);
  }
  if (pdfError !== undefined) {
    const others = files.length === 0 ? "no other format was asked for" : `the other formats were written`;
    log.error(`${pdfError}; ${others}`);
    return EXIT_FAILURE;
  }
  ctx.stdout.write(`report ${options.out}\n`);
  return EXIT_OK;
}

/** A report read, with the names as stored and the assessments read, for the audit trail. */
interface ReportRead<T> {
  readonly result: T;
  readonly objects: Readonly<Record<string, string>>;
  readonly details: Record<string, JsonValue>;
}

/**
 * Runs `read` and records it in the audit trail. A read that succeeds is
 * recorded before the report is written, with the names as stored and the
 * assessments read. A read that fails is recorded with the name as given
 * and the error.
 */
async function auditedReport<T>(
  setup: CommandSetup,
  event: Omit<AuditRecord, "outcome" | "details">,
  read: () => Promise<ReportRead<T>>,
): Promise<T> {
  let done: ReportRead<T>;
  try {
    done = await read();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await setup.audit.after({ ...event, outcome: "failed", details: { error: message } });
    throw error;
  }
  await setup.audit.before({ ...event, objects: done.objects, outcome: "succeeded", details: done.details });
  return done.result;
}

/** Turns a data key that cannot be opened into a failure with the store's message, as `infio report` does. */
async function readStored<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof StoreError && (error.code === "key-unavailable" || error.code === "decrypt-failed")) {
      throw new FailureError(error.message, { cause: error });
    }
    throw error;
  }
}

function requireAssessments(choice: ApplicationChoice): void {
  const name = choice.application.name;
  if (choice.servers.length === 0) {
    throw new FailureError(
      `application '${name}' has no servers; add one with 'infio app servers add ${name} NAME', then run 'infio assess --app ${name}'`,
    );
  }
  if (choice.linked === 0) {
    throw new FailureError(`application '${name}' has no assessments yet; run 'infio assess --app ${name}' first`);
  }
}

function requireCompanyAssessments(company: string, choices: readonly ApplicationChoice[]): void {
  if (choices.length === 0) {
    throw new FailureError(
      `company '${company}' has no applications; add one with 'infio app applications add NAME --company ${company}'`,
    );
  }
  if (choices.every((choice) => choice.linked === 0)) {
    const names = choices.map((choice) => `'${choice.application.name}'`).join(", ");
    throw new FailureError(
      `no application of company '${company}' has assessments yet; run 'infio assess --app NAME' for ${names}`,
    );
  }
}

/** Warns about each server whose newest run failed or is running, because the report shows an older one. */
function warnAboutNewerRuns(log: Logger, choice: ApplicationChoice): void {
  for (const { server, chosen, newerRun } of choice.servers) {
    if (chosen === undefined || newerRun === undefined) {
      continue;
    }
    const outcome = newerRun.status === "running" ? "is still running" : `failed: ${newerRun.error ?? "no reason recorded"}`;
    log.warn(
      `server '${server.name}' of application '${choice.application.name}': its newest assessment ${newerRun.id} ` +
        `${outcome}; the report uses assessment ${chosen.id} of ${chosen.startedAt}`,
    );
  }
}

/** Builds the error for an application or company that is not in the store, listing a few known names. */
async function unknownName(run: ReportRun, kind: "application" | "company", name: string): Promise<UsageError> {
  const names =
    kind === "application"
      ? (await run.model.applications.list()).map((a) => a.name)
      : (await run.model.companies.list()).map((c) => c.name);
  const list = kind === "application" ? "infio app applications list" : "infio app companies list";
  if (names.length === 0) {
    return new UsageError(`${kind} '${name}' not found in the store ${run.store.location}, which has no ${kind === "application" ? "applications" : "companies"} yet`);
  }

  const shown = names.slice(0, NAMES_LISTED).map((n) => `'${n}'`).join(", ");
  const more = names.length > NAMES_LISTED ? ` and ${names.length - NAMES_LISTED} more` : "";
  return new UsageError(`${kind} '${name}' not found; known: ${shown}${more} (run '${list}' to see them all)`);
}

/** Returns the target `infio assess` uses without --target, for a report with no assessment to take it from. */
function defaultTarget(): string {
  const parsed = parseTarget("babelfish");
  if (!parsed.ok) {
    throw new Error(`the default target does not parse: ${parsed.error}`);
  }
  return formatTarget(parsed.target);
}
