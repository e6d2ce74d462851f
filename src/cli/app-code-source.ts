/**
 * `infio assess --app-code DIR`: the option, its checks, the scan that
 * feeds the run, and the log line of what the scan found. The folders are
 * checked before the run starts, so that a wrong path fails it before
 * anything is stored.
 */

import { stat } from "node:fs/promises";
import { resolve } from "node:path";

import type { Command } from "commander";

import { ApplicationCodeScan, type AppCodeRoot, type ApplicationCodeSource } from "../sources/app-code/index.js";
import type { GlobMatcher } from "../sources/scripts/glob.js";
import { collect } from "./command.js";
import type { CliContext } from "./context.js";
import { UsageError } from "./errors.js";
import type { Logger } from "./log.js";
import { formatCount } from "./progress.js";

export function addAppCodeOption(command: Command): void {
  command.option(
    "--app-code <dir>",
    "also scan a C#, Java, Python, JavaScript or TypeScript source tree for SQL in string literals " +
      "and assess it with the source file, line and column (repeatable; .sql files in it are assessed as scripts)",
    collect,
    [],
  );
}

/** Returns the folders named with `--app-code`, or undefined without it; throws UsageError for an empty name. */
export function appCodeRootsFrom(raw: { appCode?: string[] }, ctx: CliContext): AppCodeRoot[] | undefined {
  const given = raw.appCode ?? [];
  if (given.length === 0) {
    return undefined;
  }
  if (given.some((g) => g.trim() === "")) {
    throw new UsageError("invalid --app-code '': pass a folder of application source code");
  }
  return given.map((g) => ({ given: g, path: resolve(ctx.cwd, g) }));
}

/** Throws UsageError when a folder is missing or is a file. */
export async function checkAppCodeRoots(roots: readonly AppCodeRoot[]): Promise<void> {
  for (const root of roots) {
    let info;
    try {
      info = await stat(root.path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === "ENOENT" ? "no such folder" : (error as Error).message;
      throw new UsageError(`cannot scan --app-code '${root.given}': ${reason}; check the path`);
    }
    if (!info.isDirectory()) {
      throw new UsageError(
        `cannot scan --app-code '${root.given}': it is not a folder; pass the folder that contains the source files`,
      );
    }
  }
}

/**
 * Creates the scan. With no other source, names are relative to the one
 * root, or start with each root when there are several. Next to other
 * sources, they always start with the root, so that they cannot clash
 * with script names.
 */
export function createAppCodeScan(
  roots: readonly AppCodeRoot[],
  alone: boolean,
  options: { include: readonly GlobMatcher[]; exclude: readonly GlobMatcher[]; maxFileSize: number },
): ApplicationCodeScan {
  return new ApplicationCodeScan({
    roots,
    include: options.include,
    exclude: options.exclude,
    maxFileSize: options.maxFileSize,
    sourceCount: alone ? roots.length : roots.length + 1,
  });
}

/** Logs what the scan read, found and skipped. */
export function logAppCode(source: ApplicationCodeSource, log: Logger): void {
  const languages = Object.entries(source.filesScanned)
    .map(([language, files]) => `${formatCount(files ?? 0)} ${language}`)
    .join(", ");
  log.info(
    `application code: ${languages === "" ? "no source files" : `${languages} file(s)`} scanned, ` +
      `${formatCount(source.statementsFound)} SQL statement(s) found, ${formatCount(source.partlyDynamic)} partly dynamic`,
  );
  const skipped = Object.entries(source.skipped)
    .map(([reason, n]) => `${formatCount(n)} ${reason}`)
    .join(", ");
  if (skipped !== "") {
    log.info(`application code skipped: ${skipped}`);
  }
  if (source.unterminated > 0) {
    log.warn(
      `application code: ${formatCount(source.unterminated)} string(s) that start like SQL leave a quote or ` +
        "comment open and were not assessed; the report counts them",
    );
  }
}
