/**
 * `infio audit export --out FILE`: copies the audit log for the customer,
 * byte for byte, with its head record as `FILE.head`, so that `infio audit
 * verify --log FILE` checks the copy as it checks the log. The copy is
 * taken under the log's append lock, so no entry is half in it. The audit
 * key is not copied: hand it over apart when HMACs are to be checked.
 */

import { randomBytes } from "node:crypto";
import { copyFile, link, lstat, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

import { withAppendLock } from "../security/audit/append-lock.js";
import { FileAuditLog } from "../security/audit/file-log.js";
import { fail, ok } from "../security/errors.js";
import type { AuditTrail } from "./audit-trail.js";
import { verifyAuditLog } from "./audit-verify.js";
import type { CliContext } from "./context.js";
import { EXIT_FAILURE, EXIT_OK, FailureError, UsageError } from "./errors.js";
import { makeFolder } from "./out-dir.js";

export interface AuditExportOptions {
  /** The log to export, absolute. */
  readonly log: string;
  /** The file to write, absolute; `FILE.head` is written beside it. */
  readonly out: string;
}

/**
 * Exports the log; `audit` records the export in the current audit log.
 * Returns 1 when the exported log fails verification: the copy is still
 * written, as evidence.
 */
export async function exportAuditLog(options: AuditExportOptions, ctx: CliContext, audit: AuditTrail): Promise<number> {
  const source = new FileAuditLog(options.log);
  if (!(await exists(options.log))) {
    throw new UsageError(`no audit log at '${options.log}'; nothing to export (pass --log or --data-dir)`);
  }
  const event = { action: "audit.export", details: { log: options.log, out: options.out } } as const;
  await audit.before({ ...event, outcome: "started" });

  let entries: number;
  try {
    await makeFolder(dirname(options.out));
    await copyLocked(source, options.out);
    entries = await countEntries(options.out);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await audit.after({ ...event, outcome: "failed", details: { ...event.details, error: message } });
    throw error instanceof FailureError ? error : new FailureError(`cannot export audit log '${options.log}': ${message}`);
  }

  const checked = await verifyAuditLog(options.out, ctx.platform);
  const intact = checked.verification.ok;
  await audit.after({ ...event, outcome: "succeeded", details: { ...event.details, entries, intact } });

  ctx.stdout.write(`${options.out}\n`);
  for (const note of checked.notes) {
    ctx.stderr.write(`note: ${note}\n`);
  }
  if (!checked.verification.ok) {
    ctx.stderr.write(
      `error: exported ${entries} entries to '${options.out}', but the log was altered: ` +
        `${checked.verification.problem.message}\n`,
    );
    return EXIT_FAILURE;
  }
  ctx.stderr.write(`exported ${entries} entries to '${options.out}' (and its head record to '${options.out}.head'); chain intact\n`);
  return EXIT_OK;
}

/**
 * Copies the log and its head to temporary files under the append lock,
 * then links them to their names, which fails rather than replace a file.
 */
export async function copyLocked(source: FileAuditLog, out: string): Promise<void> {
  const outHead = `${out}.head`;
  for (const path of [out, outHead]) {
    if (await exists(path)) {
      throw new FailureError(`'${path}' already exists and was left unchanged; pass another --out`);
    }
  }

  const temporary = (path: string) => join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  const copies = [
    { from: source.path, temporary: temporary(out), to: out },
    { from: source.headPath, temporary: temporary(outHead), to: outHead },
  ];
  try {
    const copied = await withAppendLock(source.lockPath, {}, async () => {
      try {
        for (const c of copies) {
          await copyFile(c.from, c.temporary).catch((error: unknown) => {
            // A crash between an entry and its head leaves a one-entry log
            // without head; verification accepts that, so the copy does too.
            if (c.to !== outHead || (error as { code?: unknown }).code !== "ENOENT") {
              throw error;
            }
          });
        }
        return ok(undefined);
      } catch (error) {
        return fail("io-failed", error instanceof Error ? error.message : String(error));
      }
    });
    if (!copied.ok) {
      throw new FailureError(`cannot copy audit log '${source.path}': ${copied.error.message}`);
    }
    for (const c of copies) {
      if (await exists(c.temporary)) {
        await link(c.temporary, c.to);
      }
    }
  } finally {
    for (const c of copies) {
      await unlink(c.temporary).catch(() => undefined);
    }
  }
}

/** Counts the complete entries of the audit log file at `path`. */
export async function countEntries(path: string): Promise<number> {
  let count = 0;
  for await (const _ of new FileAuditLog(path).entries()) {
    count++;
  }
  return count;
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code !== "ENOENT";
  }
}
