/** `infio audit verify`: checks the audit log's hash chain end to end. */

import { posix, win32 } from "node:path";

import { Command } from "commander";

import { FileAuditLog } from "../security/audit/file-log.js";
import { DATA_DIR_HELP, withExamples, type CommandHost } from "./command.js";
import type { CliContext } from "./context.js";
import { resolveDataDir } from "./data-dir.js";
import { EXIT_FAILURE, EXIT_OK } from "./errors.js";

export interface AuditVerifyOptions {
  readonly log: string;
  readonly json: boolean;
}

export type AuditVerifyRun = (options: AuditVerifyOptions) => Promise<number>;

interface RawAuditOptions {
  log?: string;
  dataDir?: string;
  json?: boolean;
}

export function auditCommand(
  host: CommandHost,
  runVerify: AuditVerifyRun = (options) => executeAuditVerify(options, host.ctx),
): Command {
  const verify = new Command("verify")
    .summary("check that no audit entry was edited, deleted or reordered")
    .description(
      "Recompute the hash chain of the audit log and compare its end with the head record. " +
        "Prints the first broken link and exits with 1 when the log was altered.",
    )
    .option("--log <path>", "audit log file (default: audit.jsonl in the data folder)")
    .option("--data-dir <dir>", DATA_DIR_HELP)
    .option("--json", "print the result as JSON")
    .action(async (raw: RawAuditOptions) => host.exit(await runVerify(auditOptionsFrom(raw, host.ctx))));

  const command = new Command("audit")
    .summary("inspect the audit log")
    .description("Inspect the append-only, hash-chained log of what infio did.");
  command.addCommand(withExamples(verify, ["infio audit verify", "infio audit verify --log ./audit.jsonl --json"]));
  return command;
}

export function auditOptionsFrom(raw: RawAuditOptions, ctx: CliContext): AuditVerifyOptions {
  const path = ctx.platform === "win32" ? win32 : posix;
  if (raw.log !== undefined) {
    return { log: path.resolve(ctx.cwd, raw.log), json: raw.json === true };
  }
  const dataDir = resolveDataDir({
    ...(raw.dataDir === undefined ? {} : { flag: raw.dataDir }),
    env: ctx.env,
    platform: ctx.platform,
    homedir: ctx.homedir,
    cwd: ctx.cwd,
  });
  return { log: path.join(dataDir, "audit.jsonl"), json: raw.json === true };
}

export async function executeAuditVerify(options: AuditVerifyOptions, ctx: CliContext): Promise<number> {
  // NOTE: HMACs are not checked here yet, because no audit key is kept;
  // the chain and the head still show edits, deletions and truncation.
  const log = new FileAuditLog(options.log);
  const result = await log.verify();
  if (!result.ok) {
    ctx.stderr.write(`error: ${result.error.message}\n`);
    return EXIT_FAILURE;
  }

  const verification = result.value;
  if (options.json) {
    ctx.stdout.write(`${JSON.stringify({ log: options.log, ...verification }, null, 2)}\n`);
    return verification.ok ? EXIT_OK : EXIT_FAILURE;
  }
  if (!verification.ok) {
    ctx.stderr.write(`error: audit log '${options.log}' was altered: ${verification.problem.message}\n`);
    return EXIT_FAILURE;
  }

  for (const note of verification.notes) {
    ctx.stderr.write(`note: ${note}\n`);
  }
  const count = verification.entries;
  ctx.stdout.write(
    count === 0
      ? `audit log '${options.log}' has no entries\n`
      : `audit log '${options.log}': ${count} entr${count === 1 ? "y" : "ies"}, chain intact\n`,
  );
  return EXIT_OK;
}
