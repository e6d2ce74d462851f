/**
 * `infio capture-script`: prints the T-SQL that creates, starts, exports,
 * stops and drops a lightweight Extended Events session capturing the SQL
 * applications send, for `infio assess --workload`. infio only prints the
 * script; a DBA reviews and runs it.
 */

import { Command } from "commander";

import {
  captureScript,
  DEFAULT_EVENT_FILE_MB,
  DEFAULT_RING_BUFFER_MB,
  LIMITS,
  type CaptureTarget,
} from "../sources/workload/capture-script.js";
import { collect, DATA_DIR_HELP, withExamples, type CommandHost } from "./command.js";
import { setUpCommand } from "./command-setup.js";
import type { CliContext } from "./context.js";
import { resolveDataDir } from "./data-dir.js";
import { EXIT_OK, UsageError } from "./errors.js";
import { createLogger } from "./log.js";
import { parseInteger } from "./values.js";

export interface CaptureScriptCliOptions {
  readonly target: CaptureTarget;
  readonly folder?: string;
  readonly maxSizeMb: number;
  readonly databases: readonly string[];
  readonly applications: readonly string[];
  readonly durationMinutes?: number;
  /** The data folder, for the audit log. */
  readonly dataDir: string;
}

export type CaptureScriptRun = (options: CaptureScriptCliOptions) => Promise<number>;

interface RawCaptureScriptOptions {
  target: string;
  path?: string;
  maxSize?: string;
  database: string[];
  app: string[];
  duration?: string;
  dataDir?: string;
}

const TARGETS: readonly CaptureTarget[] = ["event-file", "ring-buffer"];

export function captureScriptCommand(
  host: CommandHost,
  run: CaptureScriptRun = (options) => executeCaptureScript(options, host.ctx),
): Command {
  const command = new Command("capture-script")
    .summary("print the T-SQL of an Extended Events session that captures application SQL")
    .description(
      "Print the T-SQL that creates and starts a lightweight Extended Events session " +
        "(sql_batch_completed and rpc_completed with the database, application and login), " +
        "the query that exports its events as XML for 'infio assess --workload', and the " +
        "statements that stop and drop it. The script needs ALTER ANY EVENT SESSION and " +
        "VIEW SERVER STATE. It goes to stdout; infio never runs it. docs/workload.md " +
        "describes the whole procedure.",
    )
    .option("--target <target>", "where the session keeps events: event-file (default) or ring-buffer", "event-file")
    .option("--path <dir>", "folder on the server for the .xel files (default: the instance's log folder)")
    .option(
      "--max-size <MB>",
      `event-file: megabytes on disk for all files (default ${DEFAULT_EVENT_FILE_MB}); ` +
        `ring-buffer: megabytes of memory (default ${DEFAULT_RING_BUFFER_MB})`,
    )
    .option("-d, --database <name>", "capture this database only (repeatable; default: every database)", collect, [])
    .option("--app <name>", "capture this client application name only (repeatable; default: every application)", collect, [])
    .option(
      "--duration <minutes>",
      `wait this many minutes (${LIMITS.durationMinutes.min} to ${LIMITS.durationMinutes.max}) after START, ` +
        "then export, stop and drop in the same run",
    )
    .option("--data-dir <dir>", DATA_DIR_HELP)
    .action(async (raw: RawCaptureScriptOptions) =>
      host.exit(await run(captureScriptOptionsFrom(raw, host.ctx))),
    );

  return withExamples(command, [
    "infio capture-script > capture-workload.sql",
    "infio capture-script --path 'D:\\XE' --max-size 2048 --database Sales --app 'Sales Web'",
    "infio capture-script --target ring-buffer --duration 30",
  ]);
}

/** Turns parsed arguments into options; throws UsageError on a bad value. */
export function captureScriptOptionsFrom(raw: RawCaptureScriptOptions, ctx: CliContext): CaptureScriptCliOptions {
  const target = TARGETS.find((t) => t === raw.target);
  if (target === undefined) {
    throw new UsageError(`invalid --target '${raw.target}'; use one of ${TARGETS.join(", ")}`);
  }

  const sizes = target === "event-file" ? LIMITS.eventFileMb : LIMITS.ringBufferMb;
  const maxSizeMb =
    raw.maxSize === undefined
      ? target === "event-file"
        ? DEFAULT_EVENT_FILE_MB
        : DEFAULT_RING_BUFFER_MB
      : parseInteger("--max-size", raw.maxSize, sizes.min, sizes.max);
  const limits = LIMITS.durationMinutes;
  const durationMinutes =
    raw.duration === undefined ? undefined : parseInteger("--duration", raw.duration, limits.min, limits.max);

  return {
    target,
    ...(raw.path === undefined ? {} : { folder: raw.path }),
    maxSizeMb,
    databases: raw.database,
    applications: raw.app,
    ...(durationMinutes === undefined ? {} : { durationMinutes }),
    dataDir: resolveDataDir({
      ...(raw.dataDir === undefined ? {} : { flag: raw.dataDir }),
      env: ctx.env,
      platform: ctx.platform,
      homedir: ctx.homedir,
      cwd: ctx.cwd,
    }),
  };
}

export async function executeCaptureScript(options: CaptureScriptCliOptions, ctx: CliContext): Promise<number> {
  let script: string;
  try {
    script = captureScript({
      target: options.target,
      ...(options.folder === undefined ? {} : { folder: options.folder }),
      maxSizeMb: options.maxSizeMb,
      databases: options.databases,
      applications: options.applications,
      ...(options.durationMinutes === undefined ? {} : { durationMinutes: options.durationMinutes }),
    });
  } catch (error) {
    if (error instanceof RangeError) {
      throw new UsageError(error.message);
    }
    throw error;
  }

  // As with grant-script, the audit log is written only where one exists
  // or is configured, because the script only goes to stdout.
  const log = createLogger(ctx.stderr);
  const setup = await setUpCommand({ ctx, dataDir: options.dataDir, keepsData: false, log });
  await setup.audit.before({
    action: "capture-script.print",
    outcome: "succeeded",
    details: {
      target: options.target,
      databases: [...options.databases],
      applications: [...options.applications],
      maxSizeMb: options.maxSizeMb,
      ...(options.durationMinutes === undefined ? {} : { durationMinutes: options.durationMinutes }),
    },
  });

  ctx.stdout.write(script.endsWith("\n") ? script : `${script}\n`);
  return EXIT_OK;
}
