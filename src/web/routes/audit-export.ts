/**
 * The audit log as a download, as `infio audit export` writes it: the log
 * and its head record, copied under the log's append lock, so that no entry
 * is half in the copy. Both go in one zip archive, `audit.jsonl` and
 * `audit.jsonl.head`, so that `infio audit verify --log audit.jsonl` checks
 * the unpacked copy. The audit key is not included, as in the CLI.
 */

import { lstat, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";

import { copyLocked, countEntries } from "../../cli/audit-export.js";
import { verifyAuditLog } from "../../cli/audit-verify.js";
import { FileAuditLog } from "../../security/audit/file-log.js";
import { errorCode } from "../../security/errors.js";
import { notFound } from "../server/http-error.js";
import type { RouteContext } from "./registry.js";
import { zipFiles } from "./zip-stream.js";

/** Name of the log inside the archive; its head record is this name plus `.head`. */
export const EXPORTED_LOG_NAME = "audit.jsonl";

/** Sends the log at `logPath` as a zip attachment, audited as `audit.export`. */
export async function sendAuditExport(context: RouteContext, logPath: string): Promise<unknown> {
  const { services, reply } = context;
  if (!(await exists(logPath))) {
    throw notFound("The audit log");
  }

  const event = { action: "audit.export", details: { via: "console", log: logPath, out: "download" } } as const;
  await context.audit.before({ ...event, outcome: "started" });

  // A folder only this user can open (mkdtemp uses mode 0700), removed once the download ends.
  const folder = await mkdtemp(join(tmpdir(), "infio-audit-export-"));
  const out = join(folder, EXPORTED_LOG_NAME);
  let entries: number;
  let intact: boolean;
  try {
    await copyLocked(new FileAuditLog(logPath), out);
    entries = await countEntries(out);
    intact = (await verifyAuditLog(out, process.platform)).verification.ok;
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    const message = error instanceof Error ? error.message : String(error);
    await context.audit.after({ ...event, outcome: "failed", details: { ...event.details, error: message } });
    throw error;
  }
  await context.audit.after({ ...event, outcome: "succeeded", details: { ...event.details, entries, intact } });
  services.log.info(
    `console user '${context.user.name}' downloaded the audit log: ${entries} entries` +
      (intact ? "" : ", which fail verification"),
  );

  const now = services.now();
  const files = [{ name: EXPORTED_LOG_NAME, path: out, mode: 0o600 }];
  if (await exists(`${out}.head`)) {
    files.push({ name: `${EXPORTED_LOG_NAME}.head`, path: `${out}.head`, mode: 0o600 });
  }
  const body = Readable.from(removeAfter(zipFiles(files, now), folder, context));
  return reply
    .header("content-disposition", `attachment; filename="${archiveName(now)}"`)
    .type("application/zip")
    .send(body);
}

/** Yields what `source` yields, and removes `folder` once it ends, fails or the client goes away. */
async function* removeAfter(
  source: AsyncGenerator<Buffer>,
  folder: string,
  context: RouteContext,
): AsyncGenerator<Buffer> {
  try {
    yield* source;
  } catch (error) {
    // The status line is sent by now, so the client sees the download break off.
    const message = error instanceof Error ? error.message : String(error);
    context.services.log.error(`cannot send the audit log download to '${context.user.name}': ${message}`);
    throw error;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** `infio-audit-20250304-050607.zip`, in UTC. */
function archiveName(now: Date): string {
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
  return `infio-audit-${stamp}.zip`;
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if (errorCode(error) === "ENOENT") {
      return false;
    }
    throw error;
  }
}
