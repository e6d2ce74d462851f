/**
 * `infio assess --workload FILE`: the option, its checks, and reading the
 * captures into the statements the run assesses. Reading comes before the
 * run starts, so that an invalid capture fails it before anything is
 * stored.
 */

import { stat } from "node:fs/promises";
import { resolve } from "node:path";

import type { Command } from "commander";

import type { MemoryInput } from "../assessment/run.js";
import { captureFile, readWorkload, XmlCaptureError, type WorkloadSource } from "../sources/workload/index.js";
import { collect } from "./command.js";
import type { CliContext } from "./context.js";
import { FailureError, UsageError } from "./errors.js";
import type { Logger } from "./log.js";
import { formatCount } from "./progress.js";

/** A capture to read: as the user wrote it, and its absolute path. */
export interface WorkloadFile {
  readonly given: string;
  readonly path: string;
}

/** The captures as the run needs them. */
export interface WorkloadRun {
  /** The assessment's sources: the captures as given. */
  readonly sources: readonly string[];
  readonly workload: WorkloadSource;
  /** One text input per distinct statement, most executed first. */
  readonly inputs: readonly MemoryInput[];
}

interface RawWorkloadOptions {
  workload?: string[];
  appCode?: string[];
  include: string[];
  exclude: string[];
  encoding?: string;
  var: string[];
}

export function addWorkloadOption(command: Command): void {
  command.option(
    "--workload <file>",
    "assess the statements of an Extended Events or Profiler XML capture, counted per " +
      "statement with literals masked (repeatable; 'infio capture-script' prints the capture session)",
    collect,
    [],
  );
}

/**
 * Returns the captures named with `--workload`, or undefined without it.
 * Throws UsageError for an empty name and for options that only select or
 * decode script files.
 */
export function workloadFilesFrom(raw: RawWorkloadOptions, ctx: CliContext): WorkloadFile[] | undefined {
  const given = raw.workload ?? [];
  if (given.length === 0) {
    return undefined;
  }
  if (given.some((g) => g.trim() === "")) {
    throw new UsageError("invalid --workload '': pass an XML capture file");
  }

  // With --app-code, --include and --exclude select the source files.
  const selects = (raw.appCode?.length ?? 0) === 0;
  const scriptOptions = [
    ...(selects && raw.include.length > 0 ? ["--include"] : []),
    ...(selects && raw.exclude.length > 0 ? ["--exclude"] : []),
    ...(raw.encoding !== undefined ? ["--encoding"] : []),
    ...(raw.var.length > 0 ? ["--var"] : []),
  ];
  if (scriptOptions.length > 0) {
    const one = scriptOptions.length === 1;
    throw new UsageError(
      `${scriptOptions.join(", ")} ${one ? "applies" : "apply"} to script files only, not to --workload, ` +
        "whose XML names its own encoding and whose statements were sent with variables replaced; " +
        `leave ${one ? "it" : "them"} out`,
    );
  }
  return given.map((g) => ({ given: g, path: resolve(ctx.cwd, g) }));
}

/**
 * Reads the captures and logs what each contained. Throws UsageError for
 * a missing file, and FailureError for a file that is no valid capture or
 * for captures without any SQL.
 */
export async function readWorkloadCaptures(
  files: readonly WorkloadFile[],
  log: Logger,
  signal?: AbortSignal,
): Promise<WorkloadRun> {
  for (const file of files) {
    await checkFile(file);
  }

  let read;
  try {
    read = await readWorkload(
      files.map((f) => captureFile(f.given, f.path)),
      {
        ...(signal === undefined ? {} : { signal }),
        onCapture: (c) => {
          const format = c.format === "extendedEvents" ? "Extended Events" : "Profiler trace";
          log.info(
            `read capture '${c.file}' (${format}): ${formatCount(c.events)} event(s), ` +
              `${formatCount(c.statementEvents)} with SQL text`,
          );
          for (const warning of c.warnings) {
            log.warn(`capture '${c.file}': ${warning}`);
          }
        },
      },
    );
  } catch (error) {
    if (error instanceof XmlCaptureError) {
      throw new FailureError(error.message);
    }
    throw error;
  }

  const { statements } = read.source;
  if (statements.length === 0 && signal?.aborted !== true) {
    throw new FailureError(
      `no statement to assess in ${files.map((f) => `'${f.given}'`).join(", ")}: the capture contains no ` +
        "sql_batch_completed, rpc_completed or statement event with SQL text; capture again with the " +
        "session that 'infio capture-script' prints",
    );
  }
  const executions = statements.reduce((sum, s) => sum + s.executions, 0);
  log.info(`${formatCount(statements.length)} distinct statement(s) from ${formatCount(executions)} execution(s)`);

  return {
    sources: files.map((f) => f.given),
    workload: read.source,
    inputs: statements.map((s) => ({ kind: "text", name: s.file, text: s.text })),
  };
}

async function checkFile(file: WorkloadFile): Promise<void> {
  let info;
  try {
    info = await stat(file.path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : (error as Error).message;
    throw new UsageError(`cannot read --workload '${file.given}': ${reason}; check the path`);
  }
  if (!info.isFile()) {
    throw new UsageError(`cannot read --workload '${file.given}': it is not a regular file; pass the XML capture file`);
  }
}
