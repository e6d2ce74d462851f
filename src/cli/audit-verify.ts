/**
 * Verification of an audit log file with its key, for `infio audit verify`
 * and `infio audit export`. With the key file `<log>.key`, every entry's
 * HMAC and the head's are checked. Without it, only the hash chain is
 * checked, and a note states that when the entries carry HMACs.
 */

import { FileAuditLog } from "../security/audit/file-log.js";
import type { AuditVerification } from "../security/audit/verify.js";
import { auditKeyPath, readAuditKey } from "./audit-key.js";
import { FailureError } from "./errors.js";

export interface KeyedVerification {
  readonly verification: AuditVerification;
  /** Whether HMACs were checked. */
  readonly sealed: boolean;
  readonly notes: readonly string[];
}

/** Verifies the log at `path`; throws FailureError when it cannot be read. */
export async function verifyAuditLog(path: string, platform: NodeJS.Platform): Promise<KeyedVerification> {
  const keyPath = auditKeyPath(path);
  const key = await readAuditKey(keyPath, platform);
  const log = new FileAuditLog(path, key === undefined ? {} : { macKey: key });

  const result = await log.verify();
  if (!result.ok) {
    throw new FailureError(result.error.message);
  }

  const notes: string[] = [];
  if (key === undefined && (await carriesMacs(log))) {
    notes.push(
      `the entries carry HMACs, but the audit key '${keyPath}' was not found, so only the hash chain ` +
        "was checked; put the key there to check them",
    );
  }
  if (result.value.ok) {
    notes.push(...result.value.notes);
  }
  return { verification: result.value, sealed: key !== undefined, notes };
}

async function carriesMacs(log: FileAuditLog): Promise<boolean> {
  for await (const entry of log.entries()) {
    if (entry.mac !== undefined) {
      return true;
    }
  }
  return false;
}
