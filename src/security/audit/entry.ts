/**
 * Audit log entries and the hash chain that links them. Each entry's hash is
 * SHA-256 over its canonical serialisation without `hash` and `mac`, and
 * that serialisation includes the previous entry's hash, so editing,
 * deleting, inserting or reordering an entry breaks the chain after it.
 * With an audit key, each hash is also sealed with HMAC-SHA-256, so that a
 * chain rewritten from scratch by someone without the key is detected too.
 */

import { createHash, createHmac } from "node:crypto";
import { userInfo } from "node:os";

export type JsonValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

export interface AuditActor {
  /** Operating-system user, console user, or the infio process itself. */
  readonly kind: "os-user" | "console-user" | "process";
  readonly name: string;
}

export type AuditOutcome = "started" | "succeeded" | "failed" | "denied";

/** An event to record; the log adds sequence, time and chain fields. */
export interface AuditEvent {
  readonly actor: AuditActor;
  /** Dotted lower-case name, such as `assessment.started` or `store.purged`. */
  readonly action: string;
  readonly outcome: AuditOutcome;
  /** Ids of what the action touched: `server`, `database`, `assessment`. */
  readonly objects?: Readonly<Record<string, string>>;
  readonly details?: Readonly<Record<string, JsonValue>>;
}

export interface AuditEntry {
  /** 1 for the first entry, then one more for each entry. */
  readonly seq: number;
  /** ISO 8601 time in UTC. */
  readonly time: string;
  readonly actor: AuditActor;
  readonly action: string;
  readonly outcome: AuditOutcome;
  readonly objects: Readonly<Record<string, string>>;
  readonly details: Readonly<Record<string, JsonValue>>;
  /** Hash of the previous entry; GENESIS_HASH for the first. */
  readonly prev: string;
  /** SHA-256 in hex over the canonical form of the other fields. */
  readonly hash: string;
  /** HMAC-SHA-256 in hex of `hash` under the audit key, when one is used. */
  readonly mac?: string;
}

/** The end of the chain, kept apart from the entries to detect truncation. */
export interface AuditHead {
  readonly seq: number;
  readonly hash: string;
  readonly mac?: string;
}

export const GENESIS_HASH = "0".repeat(64);

/**
 * Serialises JSON with object keys sorted by UTF-16 code units and no
 * spaces. For strings, booleans, null and integers this is the output of
 * RFC 8785 (JSON Canonicalization Scheme); entries hold no other numbers
 * because `checkEvent` rejects them.
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== "object") {
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((item: JsonValue) => canonicalJson(item)).join(",")}]`;
  }
  const object = value as { readonly [key: string]: JsonValue };
  const members = Object.keys(object)
    .sort()
    .filter((key) => object[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key]!)}`);
  return `{${members.join(",")}}`;
}

/** Computes an entry's hash from every field but `hash` and `mac`. */
export function entryHash(entry: Omit<AuditEntry, "hash" | "mac">): string {
  const content: JsonValue = {
    seq: entry.seq,
    time: entry.time,
    actor: { kind: entry.actor.kind, name: entry.actor.name },
    action: entry.action,
    outcome: entry.outcome,
    objects: entry.objects,
    details: entry.details,
    prev: entry.prev,
  };
  return createHash("sha256").update(canonicalJson(content)).digest("hex");
}

export function entryMac(key: Uint8Array, hash: string): string {
  return createHmac("sha256", key).update(`entry\0${hash}`).digest("hex");
}

export function headMac(key: Uint8Array, seq: number, hash: string): string {
  return createHmac("sha256", key).update(`head\0${seq}\0${hash}`).digest("hex");
}

/** Builds the entry that follows `previous` (undefined for the first). */
export function chainEntry(
  previous: AuditHead | undefined,
  event: AuditEvent,
  time: Date,
  macKey: Uint8Array | undefined,
): AuditEntry {
  const unsealed = {
    seq: (previous?.seq ?? 0) + 1,
    time: time.toISOString(),
    actor: { kind: event.actor.kind, name: event.actor.name },
    action: event.action,
    outcome: event.outcome,
    objects: { ...event.objects },
    details: { ...event.details },
    prev: previous?.hash ?? GENESIS_HASH,
  };
  const hash = entryHash(unsealed);
  return macKey === undefined
    ? { ...unsealed, hash }
    : { ...unsealed, hash, mac: entryMac(macKey, hash) };
}

export function headOf(entry: AuditEntry, macKey: Uint8Array | undefined): AuditHead {
  return macKey === undefined
    ? { seq: entry.seq, hash: entry.hash }
    : { seq: entry.seq, hash: entry.hash, mac: headMac(macKey, entry.seq, entry.hash) };
}

/** Serialises an entry as one line of the JSON lines file, with its newline. */
export function entryLine(entry: AuditEntry): string {
  return `${canonicalJson(entry as unknown as JsonValue)}\n`;
}

/** Returns the operating-system user running this process. */
export function currentOsActor(env: Readonly<Record<string, string | undefined>> = process.env): AuditActor {
  try {
    return { kind: "os-user", name: userInfo().username };
  } catch {
    // userInfo() throws when the uid has no passwd entry, as in some containers.
    const name = env.USER ?? env.USERNAME ?? `uid ${process.getuid?.() ?? "unknown"}`;
    return { kind: "os-user", name };
  }
}
