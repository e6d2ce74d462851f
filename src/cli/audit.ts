/**
 * `infio audit verify` checks the audit log's hash chain and HMACs end to
 * end; `infio audit export --out FILE` copies it for the customer. Both
 * read the configured log (`auditLog` in config.json), else audit.jsonl in
 * the data folder, unless --log names another.
 */

import { posix, win32 } from "node:path";

import { Command } from "commander";

import { exportAuditLog } from "./audit-export.js";
import { auditLogPath, AuditTrail } from "./audit-trail.js";
import { verifyAuditLog } from "./audit-verify.js";
import { DATA_DIR_HELP, withExamples, type CommandHost } from "./command.js";
import type { CliContext } from "./context.js";
import { resolveDataDir } from "./data-dir.js";
import { EXIT_FAILURE, EXIT_OK, UsageError } from "./errors.js";
import { createLogger } from "./log.js";
import { loadSettings } from "./settings.js";

export interface AuditVerifyOptions {
  readonly log: string;
  readonly json: boolean;
}

export interface AuditExportCliOptions {
  readonly log: string;
  readonly out: string;
  readonly dataDir: string;
  /** The configured log, where the export itself is recorded. */
  readonly configuredLog?: string;
}

export type AuditVerifyRun = (options: AuditVerifyOptions) => Promise<number>;
export type AuditExportRun = (options: AuditExportCliOptions) => Promise<number>;

interface RawAuditOptions {
  log?: string;
  dataDir?: string;
  json?: boolean;
  out?: string;
}

const LOG_HELP = "audit log file (default: auditLog of config.json, else audit.jsonl in the data folder)";

export function auditCommand(
  host: CommandHost,
  runVerify: AuditVerifyRun = (options) => executeAuditVerify(options, host.ctx),
  runExport: AuditExportRun = (options) => executeAuditExport(options, host.ctx),
): Command {
  const verify = new Command("verify")
    .summary("check that no audit entry was edited, deleted or reordered")
    .description(
      "Recompute the hash chain of the audit log, check each entry's HMAC with the audit key " +
        "(LOG.key beside the log) and compare the end with the head record. Prints the first " +
        "broken link and exits with 1 when the log was altered.",
    )
    .option("--log <path>", LOG_HELP)
    .option("--data-dir <dir>", DATA_DIR_HELP)
    .option("--json", "print the result as JSON")
    .action(async (raw: RawAuditOptions) => {
      const { log } = await auditPaths(raw, host.ctx);
      host.exit(await runVerify({ log, json: raw.json === true }));
    });

  const exporter = new Command("export")
    .summary("copy the audit log to a file for the customer")
    .description(
      "Copy the audit log byte for byte to FILE, and its head record to FILE.head, so that " +
        "'infio audit verify --log FILE' checks the copy. An existing file is never replaced. " +
        "The audit key is not copied. Exits with 1 when the copy fails verification; the copy " +
        "is kept as evidence.",
    )
    .requiredOption("-o, --out <file>", "file to write the log to")
    .option("--log <path>", LOG_HELP)
    .option("--data-dir <dir>", DATA_DIR_HELP)
    .action(async (raw: RawAuditOptions) => {
      const paths = await auditPaths(raw, host.ctx);
      const out = raw.out?.trim() ?? "";
      if (out === "") {
        throw new UsageError("invalid --out '': pass the file to write the audit log to");
      }
      const path = host.ctx.platform === "win32" ? win32 : posix;
      host.exit(await runExport({ ...paths, out: path.resolve(host.ctx.cwd, out) }));
    });

  const command = new Command("audit")
    .summary("verify or export the audit log")
    .description("Verify or export the append-only, hash-chained log of what infio did.");
  command.addCommand(withExamples(verify, ["infio audit verify", "infio audit verify --log ./audit.jsonl --json"]));
  command.addCommand(withExamples(exporter, ["infio audit export --out ./infio-audit-2025-03.jsonl"]));
  return command;
}

/** Resolves the log to read and the data folder; throws UsageError on an invalid config.json. */
async function auditPaths(raw: RawAuditOptions, ctx: CliContext): Promise<Omit<AuditExportCliOptions, "out">> {
  const path = ctx.platform === "win32" ? win32 : posix;
  const dataDir = resolveDataDir({
    ...(raw.dataDir === undefined ? {} : { flag: raw.dataDir }),
    env: ctx.env,
    platform: ctx.platform,
    homedir: ctx.homedir,
    cwd: ctx.cwd,
  });
  const settings = await loadSettings(dataDir);
  const configured = settings.auditLog;
  const log = raw.log !== undefined ? path.resolve(ctx.cwd, raw.log) : auditLogPath(dataDir, configured);
  return { log, dataDir, ...(configured === undefined ? {} : { configuredLog: configured }) };
}

export async function executeAuditVerify(options: AuditVerifyOptions, ctx: CliContext): Promise<number> {
  const checked = await verifyAuditLog(options.log, ctx.platform);
  const verification = checked.verification;
  if (options.json) {
    const json = { log: options.log, hmacChecked: checked.sealed, ...verification, notes: checked.notes };
    ctx.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return verification.ok ? EXIT_OK : EXIT_FAILURE;
  }
  for (const note of checked.notes) {
    ctx.stderr.write(`note: ${note}\n`);
  }
  if (!verification.ok) {
    ctx.stderr.write(`error: audit log '${options.log}' was altered: ${verification.problem.message}\n`);
    return EXIT_FAILURE;
  }

  const count = verification.entries;
  const sealed = checked.sealed ? "chain and HMACs intact" : "chain intact";
  ctx.stdout.write(
    count === 0
      ? `audit log '${options.log}' has no entries\n`
      : `audit log '${options.log}': ${count} entr${count === 1 ? "y" : "ies"}, ${sealed}\n`,
  );
  return EXIT_OK;
}

export async function executeAuditExport(options: AuditExportCliOptions, ctx: CliContext): Promise<number> {
  const log = createLogger(ctx.stderr);
  // The export goes in the current audit log, which it never creates.
  const audit = new AuditTrail({
    ctx,
    dataDir: options.dataDir,
    ...(options.configuredLog === undefined ? {} : { configuredLog: options.configuredLog }),
    create: false,
    warn: (message) => log.warn(message),
  });
  return exportAuditLog({ log: options.log, out: options.out }, ctx, audit);
}
