/**
 * Verification of an audit chain from its first entry, reporting the first
 * broken link: an edited entry, a missing or reordered one, a damaged line,
 * or a log shorter than its head record. Storage backends supply the entries.
 */

import { timingSafeEqual } from "node:crypto";

import { GENESIS_HASH, entryHash, entryMac, headMac, type AuditHead } from "./entry.js";
import { parseEntry } from "./parse.js";

export type AuditProblemKind =
  | "malformed"
  | "edited"
  | "missing"
  | "reordered"
  | "broken-link"
  | "bad-mac"
  | "incomplete"
  | "truncated"
  | "head-invalid";

export interface AuditProblem {
  readonly kind: AuditProblemKind;
  /** Sequence number expected where the chain breaks. */
  readonly seq: number;
  /** 1-based line of the file, or row position, where it breaks. */
  readonly position?: number;
  readonly message: string;
}

export type AuditVerification =
  | {
      readonly ok: true;
      readonly entries: number;
      /** Facts that are not tampering, such as a head one entry behind after a crash. */
      readonly notes: readonly string[];
    }
  | { readonly ok: false; readonly problem: AuditProblem };

/** One stored entry as read: its text and whether it was fully written. */
export interface StoredEntry {
  readonly position: number;
  readonly text: string;
  /** False for a last line without its newline. */
  readonly complete: boolean;
}

export interface VerifyOptions {
  /** The head record; undefined when none is stored. */
  readonly head: AuditHead | undefined | "invalid";
  /** The audit key; without it, MACs are not checked. */
  readonly macKey?: Uint8Array;
  /** Name of a position in messages: "line" (the default) or "row". */
  readonly positionName?: string;
}

export async function verifyChain(
  entries: AsyncIterable<StoredEntry>,
  options: VerifyOptions,
): Promise<AuditVerification> {
  const where = options.positionName ?? "line";
  let previousHash = GENESIS_HASH;
  let beforePreviousHash: string | undefined;
  let count = 0;

  for await (const stored of entries) {
    const expected = count + 1;
    const broken = (kind: AuditProblemKind, message: string): AuditVerification => ({
      ok: false,
      problem: { kind, seq: expected, position: stored.position, message: `${where} ${stored.position}: ${message}` },
    });

    if (!stored.complete) {
      return broken("incomplete", `entry ${expected} is incomplete: the log was cut inside an entry or a write was interrupted`);
    }
    const entry = parseEntry(stored.text);
    if (typeof entry === "string") {
      return broken("malformed", `expected entry ${expected}, but ${entry}`);
    }
    if (entryHash(entry) !== entry.hash) {
      return broken("edited", `entry ${entry.seq} was edited: its content does not match its hash`);
    }
    if (entry.seq > expected) {
      const missing = entry.seq === expected + 1 ? `entry ${expected} is` : `entries ${expected} to ${entry.seq - 1} are`;
      return broken("missing", `expected entry ${expected}, found entry ${entry.seq}: ${missing} missing (deleted or moved)`);
    }
    if (entry.seq < expected) {
      return broken("reordered", `expected entry ${expected}, found entry ${entry.seq} again: entries were reordered or repeated`);
    }
    if (entry.prev !== previousHash) {
      return broken(
        "broken-link",
        `entry ${entry.seq} does not follow entry ${entry.seq - 1}: its previous-hash differs, ` +
          "so an entry was replaced, inserted or rewritten",
      );
    }
    if (options.macKey !== undefined && !macMatches(entry.mac, entryMac(options.macKey, entry.hash))) {
      return broken("bad-mac", `entry ${entry.seq} has a missing or wrong HMAC: it was written without the audit key`);
    }

    beforePreviousHash = previousHash;
    previousHash = entry.hash;
    count = expected;
  }

  return checkHead(options, count, previousHash, beforePreviousHash);
}

function checkHead(
  options: VerifyOptions,
  count: number,
  lastHash: string,
  beforeLastHash: string | undefined,
): AuditVerification {
  const head = options.head;
  const broken = (kind: AuditProblemKind, seq: number, message: string): AuditVerification => ({
    ok: false,
    problem: { kind, seq, message },
  });

  if (head === "invalid") {
    return broken("head-invalid", count, "the head record is damaged; it cannot show whether entries were removed from the end");
  }
  if (head === undefined) {
    // The head is written after the entry, so a crash in between leaves a
    // first entry without a head.
    if (count > 1) {
      return broken("head-invalid", count, `the head record is missing although the log has ${count} entries; entries at the end may have been removed`);
    }
    return { ok: true, entries: count, notes: count === 1 ? ["the head record was not written after entry 1"] : [] };
  }
  if (options.macKey !== undefined && !macMatches(head.mac, headMac(options.macKey, head.seq, head.hash))) {
    return broken("bad-mac", head.seq, "the head record has a missing or wrong HMAC: it was written without the audit key");
  }

  if (head.seq > count) {
    const removed = head.seq === count + 1 ? `entry ${head.seq} was` : `entries ${count + 1} to ${head.seq} were`;
    return broken("truncated", count + 1, `the log ends at entry ${count}, but its head records entry ${head.seq}: ${removed} removed from the end`);
  }
  if (head.seq === count && head.hash === lastHash) {
    return { ok: true, entries: count, notes: [] };
  }
  if (head.seq === count - 1 && head.hash === beforeLastHash) {
    return { ok: true, entries: count, notes: [`the head record was not updated after entry ${count}, as after a crash during a write`] };
  }
  return broken(
    "head-invalid",
    head.seq,
    `the head record (entry ${head.seq}) does not match the log, which ends at entry ${count}: ` +
      "the log or its head was replaced",
  );
}

function macMatches(actual: string | undefined, expected: string): boolean {
  if (actual === undefined || actual.length !== expected.length) {
    return false;
  }
  return timingSafeEqual(Buffer.from(actual), Buffer.from(expected));
}
