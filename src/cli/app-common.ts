/**
 * Helpers of the `infio app` commands: the store options, the application
 * model opened with the command's setup, and audited changes with their old
 * and new values. Also the confirmation before a removal, and lookups whose
 * error names the command that lists the valid names.
 */

import type { Command } from "commander";

import { currentOsActor } from "../security/audit/entry.js";
import type { JsonValue } from "../security/audit/entry.js";
import type { Application, Company, RowChange } from "../store/application-model.js";
import { checkModelName } from "../store/application-model.js";
import { applicationModel, type ApplicationModel } from "../store/applications-store.js";
import type { Store } from "../store/index.js";
import type { AuditRecord } from "./audit-trail.js";
import { DATA_DIR_HELP, STORE_HELP } from "./command.js";
import { setUpCommand, type CommandSetup } from "./command-setup.js";
import type { CliContext } from "./context.js";
import { resolveDataDir } from "./data-dir.js";
import { FailureError, UsageError } from "./errors.js";
import { createLogger } from "./log.js";
import { closeQuietly, embeddedStoreExists, openCliStore } from "./store-access.js";

/** The store options of every `infio app` command. */
export interface AppStoreOptions {
  readonly store: string;
  /** Absolute. */
  readonly dataDir: string;
  readonly quiet: boolean;
}

/** The common options as commander parses them. */
export interface RawAppCommon {
  store: string;
  dataDir?: string;
  quiet?: boolean;
}

/** Adds --store, --data-dir and --quiet. */
export function withStoreOptions(command: Command): Command {
  return command
    .option("--store <store>", STORE_HELP, "embedded")
    .option("--data-dir <dir>", DATA_DIR_HELP)
    .option("-q, --quiet", "no info logs; warnings and errors still show");
}

export function appStoreOptionsFrom(raw: RawAppCommon, ctx: CliContext): AppStoreOptions {
  if (raw.store === "none") {
    throw new UsageError(
      "--store none keeps no companies or applications; use --store embedded (the default) or a postgres:// URL",
    );
  }
  return {
    store: raw.store,
    dataDir: resolveDataDir({
      ...(raw.dataDir === undefined ? {} : { flag: raw.dataDir }),
      env: ctx.env,
      platform: ctx.platform,
      homedir: ctx.homedir,
      cwd: ctx.cwd,
    }),
    quiet: raw.quiet === true,
  };
}

/** Checks a company, application or server name given on the command line. */
export function checkedName(kind: string, name: string): string {
  const problem = checkModelName(kind, name);
  if (problem !== undefined) {
    throw new UsageError(problem);
  }
  return name;
}

/** An open application model with what a command run needs around it. */
export interface AppSession {
  readonly ctx: CliContext;
  readonly store: Store;
  readonly model: ApplicationModel;
  readonly setup: CommandSetup;
  /** Stamps a change with the operating-system user and the current time. */
  change(): RowChange;
}

/**
 * Opens the store, runs `work` on its application model and closes the
 * store. A read (`creates: false`) of an embedded store that was never
 * created gets undefined instead, so that it creates nothing.
 */
export async function withAppSession<T>(
  options: AppStoreOptions,
  ctx: CliContext,
  creates: boolean,
  work: (session: AppSession | undefined, setup: CommandSetup) => Promise<T>,
): Promise<T> {
  const log = createLogger(ctx.stderr, { quiet: options.quiet });
  const setup = await setUpCommand({ ctx, dataDir: options.dataDir, keepsData: true, log });
  if (!creates && !embeddedStoreExists(options.store, options.dataDir)) {
    return work(undefined, setup);
  }

  const store = await openCliStore(options.store, options.dataDir, log, setup);
  const actor = currentOsActor(ctx.env).name;
  try {
    const session: AppSession = {
      ctx,
      store,
      model: applicationModel(store),
      setup,
      change: () => ({ actor, at: new Date() }),
    };
    return await work(session, setup);
  } finally {
    await closeQuietly(store, log);
  }
}

/**
 * Records `event` as started, runs `change`, and records its outcome with
 * the details `change` returns (such as the new values). A failure is
 * recorded with its error and rethrown.
 */
export async function auditedChange<T>(
  setup: CommandSetup,
  event: Omit<AuditRecord, "outcome">,
  change: () => Promise<{ result: T; details?: Record<string, JsonValue> }>,
): Promise<T> {
  await setup.audit.before({ ...event, outcome: "started" });
  let done: { result: T; details?: Record<string, JsonValue> };
  try {
    done = await change();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await setup.audit.after({ ...event, outcome: "failed", details: { ...event.details, error: message } });
    throw error;
  }
  await setup.audit.after({ ...event, outcome: "succeeded", details: { ...event.details, ...done.details } });
  return done.result;
}

/**
 * Asks on the terminal before a removal, unless `yes`. Throws a UsageError
 * without a terminal, because a script must pass `--yes` to remove data, and
 * a FailureError when the answer is not yes.
 */
export async function confirmRemoval(ctx: CliContext, question: string, yes: boolean): Promise<void> {
  if (yes) {
    return;
  }
  const terminal = ctx.terminal;
  if (terminal === undefined) {
    throw new UsageError(`${question}: standard input is not a terminal to confirm on; pass --yes to remove without asking`);
  }

  const answer = await readLine(terminal.input, terminal.output, `${question}? Type 'yes' to confirm: `);
  if (answer.trim().toLowerCase() !== "yes") {
    throw new FailureError("not confirmed; nothing was removed");
  }
}

function readLine(
  input: NonNullable<CliContext["terminal"]>["input"],
  output: NonNullable<CliContext["terminal"]>["output"],
  prompt: string,
): Promise<string> {
  output.write(prompt);
  return new Promise((resolve) => {
    let typed = "";
    const onData = (data: string): void => {
      typed += data;
      const end = typed.search(/[\r\n]/);
      if (end >= 0) {
        input.off("data", onData);
        input.pause();
        resolve(typed.slice(0, end));
      }
    };
    input.setEncoding("utf8");
    input.on("data", onData);
    input.resume();
  });
}

export async function requireCompany(model: ApplicationModel, name: string): Promise<Company> {
  const company = await model.companies.find(name);
  if (company === undefined) {
    throw new FailureError(`company '${name}' not found; run 'infio app companies list' to see the companies`);
  }
  return company;
}

export async function requireApplication(model: ApplicationModel, name: string): Promise<Application> {
  const application = await model.applications.find(name);
  if (application === undefined) {
    throw new FailureError(`application '${name}' not found; run 'infio app applications list' to see the applications`);
  }
  return application;
}

/** Throws the error for a name that another row of the same kind has. */
export function duplicateName(kind: string, name: string, scope = ""): FailureError {
  return new FailureError(`${kind} '${name}' already exists${scope} (names are compared without case); choose another name`);
}

/** Throws the error for a store that was never created, for a command that needs a row. */
export function noStoreYet(kind: string, name: string, dataDir: string): FailureError {
  return new FailureError(`${kind} '${name}' not found: no store in '${dataDir}' yet; pass --data-dir or --store where it was saved`);
}

/** Writes `value` as indented JSON on stdout. */
export function writeJson(ctx: CliContext, value: unknown): void {
  ctx.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Formats a time for tables: UTC to the second. */
export function tableTime(time: Date): string {
  return time.toISOString().slice(0, 19).replace("T", " ");
}
