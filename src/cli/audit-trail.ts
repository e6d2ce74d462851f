/**
 * The audit log as the commands write it: which file, with which key, and
 * whether this run writes one at all. The log is `audit.jsonl` in the data
 * folder, or `auditLog` of the configuration. A command that keeps data
 * (the store, keys) creates the log when it is missing. A command that
 * keeps nothing (`assess --store none`, `collect`, `grant-script`,
 * `decrypt`) appends only to a log that exists or is configured, so such a
 * run leaves no file behind unless asked to.
 */

import { existsSync } from "node:fs";
import { join } from "node:path";

import { currentOsActor, type AuditActor, type AuditEvent } from "../security/audit/entry.js";
import { FileAuditLog } from "../security/audit/file-log.js";
import { auditKeyPath, createAuditKey, readAuditKey } from "./audit-key.js";
import type { CliContext } from "./context.js";
import { FailureError } from "./errors.js";

/** File name of the audit log in the data folder. */
export const AUDIT_LOG_FILE = "audit.jsonl";

/**
 * An audit event whose actor the trail adds: the operating-system user,
 * unless the record names another actor, such as a console user.
 */
export type AuditRecord = Omit<AuditEvent, "actor"> & { readonly actor?: AuditActor };

export interface AuditTrailOptions {
  readonly ctx: CliContext;
  readonly dataDir: string;
  /** `auditLog` of the configuration, absolute. */
  readonly configuredLog?: string;
  /** Whether to create the log when it is missing: true for commands that keep data. */
  readonly create: boolean;
  /** Receives the warning about a log without audit key. */
  readonly warn?: (message: string) => void;
}

/** Returns the audit log that commands write: the configured one, else the data folder's. */
export function auditLogPath(dataDir: string, configuredLog?: string): string {
  return configuredLog ?? join(dataDir, AUDIT_LOG_FILE);
}

export class AuditTrail {
  /** The log this run appends to; undefined when it writes none. */
  readonly path: string | undefined;
  readonly #ctx: CliContext;
  readonly #actor: AuditActor;
  readonly #warn: (message: string) => void;
  #log: FileAuditLog | undefined;

  constructor(options: AuditTrailOptions) {
    const path = auditLogPath(options.dataDir, options.configuredLog);
    const writes = options.create || options.configuredLog !== undefined || existsSync(path);
    this.path = writes ? path : undefined;
    this.#ctx = options.ctx;
    this.#actor = currentOsActor(options.ctx.env);
    this.#warn = options.warn ?? (() => undefined);
  }

  /**
   * Records an event before the command acts. Throws a FailureError when
   * the entry cannot be appended, so that the command stops before doing
   * anything that would go unrecorded.
   */
  async before(event: AuditRecord): Promise<void> {
    const failure = await this.#append(event);
    if (failure !== undefined) {
      throw new FailureError(`${failure}; nothing was done, because infio records each action before it acts`);
    }
  }

  /**
   * Records the outcome of an action. Throws a FailureError when the entry
   * cannot be appended: the action is done, but its outcome is not recorded.
   */
  async after(event: AuditRecord): Promise<void> {
    const failure = await this.#append(event);
    if (failure !== undefined) {
      throw new FailureError(`${failure}; the action finished, but its outcome is not in the audit log`);
    }
  }

  /** Returns the failure message, or undefined once the entry is appended. */
  async #append(event: AuditRecord): Promise<string | undefined> {
    if (this.path === undefined) {
      return undefined;
    }
    const log = this.#log ?? (this.#log = await this.#open(this.path));
    const appended = await log.append({ ...event, actor: event.actor ?? this.#actor });
    return appended.ok ? undefined : appended.error.message;
  }

  /**
   * Opens the log with its key. A new log gets a new key. An existing log
   * without one (written before infio kept audit keys, or whose key was
   * removed) goes on without HMACs, with a warning, because sealing only
   * the new entries would fail verification of the older ones.
   */
  async #open(path: string): Promise<FileAuditLog> {
    const platform = this.#ctx.platform;
    const keyPath = auditKeyPath(path);
    let key = await readAuditKey(keyPath, platform);
    if (key === undefined && !existsSync(path)) {
      key = await createAuditKey(keyPath, platform);
    }
    if (key === undefined) {
      this.#warn(
        `audit log '${path}' has no audit key '${keyPath}': its entries are hash-chained ` +
          "but not sealed with an HMAC",
      );
    }

    const secrets = this.#ctx.secrets;
    return new FileAuditLog(path, {
      ...(key === undefined ? {} : { macKey: key }),
      ...(secrets === undefined ? {} : { redact: (text: string) => secrets.redact(text) }),
    });
  }
}

/**
 * Runs `read` and records it with its outcome before the caller shows the
 * result, so that nothing read goes out unrecorded. A failed read is
 * recorded with its error and rethrown.
 */
export async function auditedRead<T>(
  audit: AuditTrail,
  event: Omit<AuditRecord, "outcome">,
  read: () => Promise<T>,
): Promise<T> {
  let result: T;
  try {
    result = await read();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await audit.after({ ...event, outcome: "failed", details: { ...event.details, error: message } });
    throw error;
  }
  await audit.before({ ...event, outcome: "succeeded" });
  return result;
}
