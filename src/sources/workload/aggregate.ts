/**
 * Counts the events of one or more captures by normalised statement:
 * executions, first and last time, and the databases, applications and
 * logins each statement ran with. Memory grows with the number of
 * distinct statements, not with the number of events.
 */

import type { CaptureEvent } from "./event-fields.js";
import { MAX_NAMES_KEPT, type WorkloadStatement } from "./model.js";
import { keyDigest, normaliseStatement, type NormalisedStatement } from "./normalise.js";

/** Raw SQL texts whose normal form is cached; drivers repeat the same text many times. */
const CACHE_ENTRIES = 10_000;

/** Raw texts longer than this are normalised every time instead of cached. */
const CACHE_TEXT_CHARS = 8 * 1024;

interface Normalised extends NormalisedStatement {
  readonly digest: string;
}

interface Entry {
  readonly normalised: Normalised;
  /** Index of the capture the statement was first seen in. */
  readonly capture: number;
  /** Order of first sight over all captures, for stable ties. */
  readonly order: number;
  executions: number;
  first: string | undefined;
  last: string | undefined;
  readonly databases: Set<string>;
  readonly applications: Set<string>;
  readonly logins: Set<string>;
  readonly events: Map<string, number>;
}

export class WorkloadAggregator {
  readonly #entries = new Map<string, Entry>();
  readonly #cache = new Map<string, Normalised>();

  /** Distinct statements so far. */
  get size(): number {
    return this.#entries.size;
  }

  /** Counts an event that has SQL text, seen in capture number `capture`. */
  add(event: CaptureEvent & { readonly sql: string }, capture: number): void {
    const normalised = this.#normalise(event.sql);
    let entry = this.#entries.get(normalised.digest);
    if (entry === undefined) {
      entry = {
        normalised,
        capture,
        order: this.#entries.size,
        executions: 0,
        first: undefined,
        last: undefined,
        databases: new Set(),
        applications: new Set(),
        logins: new Set(),
        events: new Map(),
      };
      this.#entries.set(normalised.digest, entry);
    }

    entry.executions++;
    entry.events.set(event.name, (entry.events.get(event.name) ?? 0) + 1);
    if (event.time !== undefined) {
      // ISO 8601 times in UTC compare as strings.
      if (entry.first === undefined || event.time < entry.first) {
        entry.first = event.time;
      }
      if (entry.last === undefined || event.time > entry.last) {
        entry.last = event.time;
      }
    }
    addName(entry.databases, event.database);
    addName(entry.applications, event.application);
    addName(entry.logins, event.login);
  }

  /**
   * Returns the statements, most executed first. Each is named
   * `workload:<capture>#<n>` after the capture it was first seen in,
   * numbered from 1 in that order within the capture.
   */
  statements(captureNames: readonly string[]): WorkloadStatement[] {
    const entries = [...this.#entries.values()].sort((a, b) => b.executions - a.executions || a.order - b.order);
    const numbers = captureNames.map(() => 0);

    return entries.map((e) => {
      numbers[e.capture] = (numbers[e.capture] ?? 0) + 1;
      const n = e.normalised;
      return {
        file: `workload:${captureNames[e.capture] ?? ""}#${numbers[e.capture]}`,
        hash: n.digest.slice(0, 16),
        text: n.text,
        executions: e.executions,
        ...(e.first === undefined ? {} : { firstSeen: e.first }),
        ...(e.last === undefined ? {} : { lastSeen: e.last }),
        databases: sorted(e.databases),
        applications: sorted(e.applications),
        logins: sorted(e.logins),
        events: sortedCounts(e.events),
        ...(n.calledThrough === undefined ? {} : { calledThrough: n.calledThrough }),
      };
    });
  }

  #normalise(sql: string): Normalised {
    const cacheable = sql.length <= CACHE_TEXT_CHARS;
    const cached = cacheable ? this.#cache.get(sql) : undefined;
    if (cached !== undefined) {
      return cached;
    }

    const statement = normaliseStatement(sql);
    const normalised = { ...statement, digest: keyDigest(statement.key) };
    if (cacheable) {
      // Clearing the whole cache when full is cruder than LRU but keeps
      // its memory bounded at no cost per hit.
      if (this.#cache.size >= CACHE_ENTRIES) {
        this.#cache.clear();
      }
      this.#cache.set(sql, normalised);
    }
    return normalised;
  }
}

// NOTE: past MAX_NAMES_KEPT names of a kind, further ones are not listed.
function addName(names: Set<string>, name: string | undefined): void {
  if (name !== undefined && names.size < MAX_NAMES_KEPT) {
    names.add(name);
  }
}

function sorted(names: ReadonlySet<string>): string[] {
  return [...names].sort();
}

/** Returns counts by name as an object whose keys are in code-unit order. */
export function sortedCounts(counts: ReadonlyMap<string, number>): Record<string, number> {
  const names = [...counts.keys()].sort();
  const record: Record<string, number> = {};
  for (const name of names) {
    record[name] = counts.get(name)!;
  }
  return record;
}
