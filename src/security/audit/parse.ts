/** Checks events before they are logged and entries as they are read back. */

import { fail, ok, type Result } from "../errors.js";
import type { Redactor } from "../secrets/redact.js";
import type { AuditEntry, AuditEvent, AuditHead, JsonValue } from "./entry.js";

const ACTION = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;
const HEX_HASH = /^[0-9a-f]{64}$/;
const ACTOR_KINDS = new Set(["os-user", "console-user", "process"]);
const OUTCOMES = new Set(["started", "succeeded", "failed", "denied"]);
const MAX_DEPTH = 8;

/**
 * Checks an event and masks secrets in its strings with `redact`. Details
 * may hold strings, booleans, null, safe integers, arrays and objects, so
 * that the canonical form is well defined.
 */
export function checkEvent(event: AuditEvent, redact?: Redactor): Result<AuditEvent> {
  if (!ACTION.test(event.action)) {
    return fail(
      "invalid-argument",
      `invalid audit action '${event.action}': use dotted lower-case words such as 'assessment.started'`,
    );
  }
  if (!ACTOR_KINDS.has(event.actor.kind) || typeof event.actor.name !== "string") {
    return fail("invalid-argument", `invalid audit actor kind '${event.actor.kind}'`);
  }
  if (!OUTCOMES.has(event.outcome)) {
    return fail("invalid-argument", `invalid audit outcome '${event.outcome}'`);
  }

  const mask = redact ?? ((text: string) => text);
  const objects: Record<string, string> = {};
  for (const [name, id] of Object.entries(event.objects ?? {})) {
    if (typeof id !== "string") {
      return fail("invalid-argument", `audit object '${name}' must be a string id`);
    }
    objects[name] = mask(id);
  }

  const details = cleanJson(event.details ?? {}, mask, 0, "details");
  if (!details.ok) {
    return details;
  }
  return ok({
    actor: { kind: event.actor.kind, name: mask(event.actor.name) },
    action: event.action,
    outcome: event.outcome,
    objects,
    details: details.value as Record<string, JsonValue>,
  });
}

function cleanJson(value: unknown, mask: Redactor, depth: number, path: string): Result<JsonValue> {
  if (depth > MAX_DEPTH) {
    return fail("invalid-argument", `audit ${path} is nested deeper than ${MAX_DEPTH} levels`);
  }
  if (value === null || typeof value === "boolean") {
    return ok(value);
  }
  if (typeof value === "string") {
    return ok(mask(value));
  }
  if (typeof value === "number") {
    return Number.isSafeInteger(value)
      ? ok(value)
      : fail("invalid-argument", `audit ${path} is ${value}; only safe integers are allowed, so pass other numbers as strings`);
  }
  if (Array.isArray(value)) {
    const items: JsonValue[] = [];
    for (const [index, item] of value.entries()) {
      const cleaned = cleanJson(item, mask, depth + 1, `${path}[${index}]`);
      if (!cleaned.ok) {
        return cleaned;
      }
      items.push(cleaned.value);
    }
    return ok(items);
  }
  if (typeof value === "object") {
    const members: Record<string, JsonValue> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) {
        continue;
      }
      const cleaned = cleanJson(item, mask, depth + 1, `${path}.${key}`);
      if (!cleaned.ok) {
        return cleaned;
      }
      members[key] = cleaned.value;
    }
    return ok(members);
  }
  return fail("invalid-argument", `audit ${path} has the unsupported type ${typeof value}`);
}

/** Parses one stored entry; returns a description of the problem instead. */
export function parseEntry(text: string): AuditEntry | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return "it is not valid JSON";
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return "it is not a JSON object";
  }

  const entry = value as Record<string, unknown>;
  const actor = entry.actor as Record<string, unknown> | null | undefined;
  const problems = [
    Number.isSafeInteger(entry.seq) && (entry.seq as number) > 0 ? "" : "seq",
    typeof entry.time === "string" ? "" : "time",
    typeof actor === "object" && actor !== null && ACTOR_KINDS.has(actor.kind as string) && typeof actor.name === "string" ? "" : "actor",
    typeof entry.action === "string" ? "" : "action",
    OUTCOMES.has(entry.outcome as string) ? "" : "outcome",
    isPlainObject(entry.objects) ? "" : "objects",
    isPlainObject(entry.details) ? "" : "details",
    typeof entry.prev === "string" && HEX_HASH.test(entry.prev) ? "" : "prev",
    typeof entry.hash === "string" && HEX_HASH.test(entry.hash) ? "" : "hash",
    entry.mac === undefined || (typeof entry.mac === "string" && HEX_HASH.test(entry.mac)) ? "" : "mac",
  ].filter((name) => name !== "");
  if (problems.length > 0) {
    return `its ${problems.join(", ")} ${problems.length === 1 ? "field is" : "fields are"} missing or invalid`;
  }
  return entry as unknown as AuditEntry;
}

/** Parses a stored head record; undefined when it is not one. */
export function parseHead(text: string): AuditHead | undefined {
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    const valid =
      Number.isSafeInteger(value.seq) &&
      typeof value.hash === "string" &&
      HEX_HASH.test(value.hash) &&
      (value.mac === undefined || typeof value.mac === "string");
    return valid ? (value as unknown as AuditHead) : undefined;
  } catch {
    return undefined;
  }
}

function isPlainObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
