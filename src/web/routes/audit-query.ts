/**
 * The audit page's filters and the page of entries they select, newest
 * first. The log is read twice, once to count the matches and once to keep
 * the page's entries, so that memory contains one page however long the log.
 */

import type { AuditEntry, AuditOutcome } from "../../security/audit/entry.js";
import { FileAuditLog } from "../../security/audit/file-log.js";
import { badRequest } from "../server/http-error.js";
import { fieldText } from "./admin-form.js";

export const AUDIT_OUTCOMES: readonly AuditOutcome[] = ["started", "succeeded", "failed", "denied"];

export interface AuditFilter {
  /** An action, such as `console-user.add`, or a dotted prefix of actions, such as `console-user`. */
  readonly action: string;
  /** An actor's name; names match regardless of case. */
  readonly actor: string;
  readonly outcome: AuditOutcome | "";
  /** First day shown, `YYYY-MM-DD` in UTC. */
  readonly from: string;
  /** Last day shown, `YYYY-MM-DD` in UTC. */
  readonly to: string;
}

export interface AuditQuery {
  readonly filter: AuditFilter;
  /** Matches skipped before the page, counted from the newest. */
  readonly offset: number;
}

export interface AuditPage {
  /** The page's entries, newest first. */
  readonly entries: readonly AuditEntry[];
  /** Entries that match the filter. */
  readonly total: number;
  /** Entries in the log when it was read. */
  readonly scanned: number;
}

const ACTION = /^[a-z0-9][a-z0-9._-]{0,99}$/i;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Reads the filters and the offset from the query string; throws 400 on an invalid one. */
export function parseAuditQuery(query: unknown): AuditQuery {
  const action = fieldText(query, "action").trim();
  if (action !== "" && !ACTION.test(action)) {
    throw badRequest(
      `Invalid action filter '${action}': give an action such as console-user.add, ` +
        "or the start of one such as console-user.",
    );
  }
  const actor = fieldText(query, "actor").trim();
  if (actor.length > 200) {
    throw badRequest("Invalid actor filter: it has more than 200 characters; give the actor's name.");
  }
  const outcome = fieldText(query, "outcome");
  if (outcome !== "" && !(AUDIT_OUTCOMES as readonly string[]).includes(outcome)) {
    throw badRequest(`Invalid outcome filter '${outcome}': choose ${AUDIT_OUTCOMES.join(", ")}, or any.`);
  }
  const from = parseDay(fieldText(query, "from").trim(), "from");
  const to = parseDay(fieldText(query, "to").trim(), "to");
  if (from !== "" && to !== "" && from > to) {
    throw badRequest(`Invalid dates: 'from' (${from}) is after 'to' (${to}); swap them.`);
  }

  const offsetText = fieldText(query, "offset");
  if (offsetText !== "" && !/^\d{1,9}$/.test(offsetText)) {
    throw badRequest("Invalid offset: give a whole number from 0, as the page links do.");
  }
  return {
    filter: { action, actor, outcome: outcome as AuditOutcome | "", from, to },
    offset: offsetText === "" ? 0 : Number(offsetText),
  };
}

/** Checks whether any filter is set. */
export function isFiltered(filter: AuditFilter): boolean {
  return Object.values(filter).some((value) => value !== "");
}

/** Reads the page of `limit` entries that starts `offset` matches from the newest. */
export async function readAuditPage(path: string, query: AuditQuery, limit: number): Promise<AuditPage> {
  const log = new FileAuditLog(path);
  const matches = entryMatcher(query.filter);

  // Entries appended between the two reads are left out of both.
  let total = 0;
  let lastSeq = 0;
  for await (const entry of log.entries()) {
    lastSeq = entry.seq;
    if (matches(entry)) {
      total++;
    }
  }

  const first = Math.max(0, total - query.offset - limit);
  const end = total - query.offset;
  const entries: AuditEntry[] = [];
  let index = 0;
  for await (const entry of log.entries()) {
    if (entry.seq > lastSeq || index >= end) {
      break;
    }
    if (matches(entry)) {
      if (index >= first) {
        entries.push(entry);
      }
      index++;
    }
  }
  return { entries: entries.reverse(), total, scanned: lastSeq };
}

function entryMatcher(filter: AuditFilter): (entry: AuditEntry) => boolean {
  const actor = filter.actor.toLowerCase();
  const from = filter.from === "" ? "" : `${filter.from}T00:00:00.000Z`;
  const before = filter.to === "" ? "" : nextDay(filter.to);
  const prefix = `${filter.action.replace(/\.$/, "")}.`;
  return (entry) =>
    (filter.action === "" || entry.action === filter.action || entry.action.startsWith(prefix)) &&
    (actor === "" || entry.actor.name.toLowerCase() === actor) &&
    (filter.outcome === "" || entry.outcome === filter.outcome) &&
    // Entry times are ISO 8601 in UTC, so they compare as text.
    (from === "" || entry.time >= from) &&
    (before === "" || entry.time < before);
}

function parseDay(text: string, field: string): string {
  if (text === "") {
    return "";
  }
  const match = DAY.exec(text);
  const date = match === null ? undefined : new Date(`${text}T00:00:00.000Z`);
  if (date === undefined || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
    throw badRequest(`Invalid date '${text}' in '${field}': give a day as YYYY-MM-DD, such as 2025-03-04.`);
  }
  return text;
}

/** Returns the start of the day after `day`, in the format of entry times. */
function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString();
}
