/**
 * The names of one report and their pseudonyms. Redaction first registers
 * every name with the kinds it is used as, then numbers them: within each
 * kind, names are sorted and numbered from 1. The numbering follows the
 * sorted names, not the order they were met in, so the same input always
 * gets the same pseudonyms.
 *
 * Names compare case-insensitively, as SQL Server compares them under its
 * default collations, so `Orders` and `ORDERS` share one pseudonym. Path
 * segments of script files compare exactly, because two files whose names
 * differ in case are two files on most file systems.
 */

import { createHmac } from "node:crypto";

import { extname } from "node:path";

import { SQL_EXTENSIONS } from "../../sources/scripts/extensions.js";
import { compareCodeUnits } from "../text.js";
import { isBuiltInName } from "./built-in-names.js";
import {
  firstKind,
  isWeakKind,
  spellPseudonym,
  type NameKind,
  type PathKind,
} from "./kinds.js";

/** One row of the mapping from names to pseudonyms. */
export interface PseudonymEntry {
  readonly kind: NameKind | PathKind;
  /** Of the spellings that differ only in case, the first in code-unit order. */
  readonly name: string;
  readonly pseudonym: string;
}

interface NameEntry {
  spelling: string;
  readonly kinds: Set<NameKind>;
}

/** Key of a name: SQL Server's default collations ignore case. */
function nameKey(name: string): string {
  return name.toLowerCase();
}

function pathKey(segment: string, kind: PathKind): string {
  return `${kind}\u0000${segment}`;
}

/** Collects the names of a report while redaction walks it the first time. */
export class NameRegistry {
  readonly #names = new Map<string, NameEntry>();
  readonly #paths = new Map<string, { segment: string; kind: PathKind }>();

  /** Registers `name` as used for `kind`; built-in and empty names are skipped. */
  addName(name: string, kind: NameKind): void {
    if (name === "" || isBuiltInName(name)) {
      return;
    }

    const key = nameKey(name);
    let entry = this.#names.get(key);
    if (entry === undefined) {
      entry = { spelling: name, kinds: new Set() };
      this.#names.set(key, entry);
    } else if (compareCodeUnits(name, entry.spelling) < 0) {
      entry.spelling = name;
    }
    entry.kinds.add(kind);
  }

  /** Tells whether any part of the report registered `name`. */
  hasName(name: string): boolean {
    return this.#names.has(nameKey(name));
  }

  /**
   * Tells whether `name` has a kind other than the ones code and messages
   * give unplaced words, so it names an object, a principal or a database.
   */
  isKnown(name: string): boolean {
    const entry = this.#names.get(nameKey(name));
    return entry !== undefined && [...entry.kinds].some((kind) => !isWeakKind(kind));
  }

  /** Tells whether `name` is used for a database or a schema. */
  isQualifier(name: string): boolean {
    const kinds = this.#names.get(nameKey(name))?.kinds;
    return kinds !== undefined && (kinds.has("database") || kinds.has("schema"));
  }

  addPath(segment: string, kind: PathKind): void {
    this.#paths.set(pathKey(segment, kind), { segment, kind });
  }

  hasPath(segment: string, kind: PathKind): boolean {
    return this.#paths.has(pathKey(segment, kind));
  }

  /** Every registered name and path segment, as spelled. */
  *allSpellings(): Generator<{ readonly text: string; readonly path?: PathKind }> {
    for (const entry of this.#names.values()) {
      yield { text: entry.spelling };
    }
    for (const { segment, kind } of this.#paths.values()) {
      yield { text: segment, path: kind };
    }
  }

  /**
   * Numbers the names. Without `secret`, names of a kind are numbered in
   * the order of their lower-case spelling. With it, in the order of
   * HMAC-SHA256(secret, lower-case name), so a reader who guesses the
   * names cannot tell from the numbers which guess is which.
   */
  number(secret?: string | Uint8Array): PseudonymTable {
    const sortKey = (key: string): string =>
      secret === undefined ? key : createHmac("sha256", secret).update(key).digest("hex");

    const names = new Map<string, { kind: NameKind; pseudonym: string; spelling: string }>();
    const byKind = new Map<NameKind, { key: string; sort: string }[]>();
    for (const [key, entry] of this.#names) {
      const kind = firstKind(entry.kinds);
      const list = byKind.get(kind) ?? [];
      list.push({ key, sort: sortKey(key) });
      byKind.set(kind, list);
    }
    for (const [kind, list] of byKind) {
      list.sort((x, y) => compareCodeUnits(x.sort, y.sort) || compareCodeUnits(x.key, y.key));
      list.forEach(({ key }, index) => {
        const spelling = this.#names.get(key)!.spelling;
        names.set(key, { kind, pseudonym: spellPseudonym(kind, index + 1, key), spelling });
      });
    }

    const paths = new Map<string, { kind: PathKind; pseudonym: string; segment: string }>();
    for (const kind of ["folder", "file"] as const) {
      const list = [...this.#paths.values()]
        .filter((p) => p.kind === kind)
        .map((p) => ({ segment: p.segment, sort: sortKey(p.segment) }))
        .sort((x, y) => compareCodeUnits(x.sort, y.sort) || compareCodeUnits(x.segment, y.segment));
      list.forEach(({ segment }, index) => {
        paths.set(pathKey(segment, kind), {
          kind,
          segment,
          pseudonym: spellPathPseudonym(kind, index + 1, segment),
        });
      });
    }

    return new PseudonymTable(names, paths);
  }
}

/**
 * Spells a path segment's pseudonym: `folder3`, or `file7.sql` with the
 * file's extension when it is one infio reads as T-SQL. Other extensions
 * are dropped, because a custom one can be as telling as a name.
 */
function spellPathPseudonym(kind: PathKind, n: number, segment: string): string {
  if (kind === "folder") {
    return `folder${n}`;
  }
  const extension = extname(segment).toLowerCase();
  return `file${n}${SQL_EXTENSIONS.has(extension) ? extension : ""}`;
}

/** The numbered pseudonyms of one report. */
export class PseudonymTable {
  readonly #names: ReadonlyMap<string, { kind: NameKind; pseudonym: string; spelling: string }>;
  readonly #paths: ReadonlyMap<string, { kind: PathKind; pseudonym: string; segment: string }>;

  constructor(
    names: ReadonlyMap<string, { kind: NameKind; pseudonym: string; spelling: string }>,
    paths: ReadonlyMap<string, { kind: PathKind; pseudonym: string; segment: string }>,
  ) {
    this.#names = names;
    this.#paths = paths;
  }

  /** Returns the pseudonym of a registered name, or undefined. */
  name(name: string): string | undefined {
    return this.#names.get(nameKey(name))?.pseudonym;
  }

  path(segment: string, kind: PathKind): string | undefined {
    return this.#paths.get(pathKey(segment, kind))?.pseudonym;
  }

  /** Returns every name and path segment with its pseudonym, sorted by kind and pseudonym. */
  entries(): PseudonymEntry[] {
    const rows: PseudonymEntry[] = [];
    for (const entry of this.#names.values()) {
      rows.push({ kind: entry.kind, name: entry.spelling, pseudonym: entry.pseudonym });
    }
    for (const entry of this.#paths.values()) {
      rows.push({ kind: entry.kind, name: entry.segment, pseudonym: entry.pseudonym });
    }
    return rows.sort(
      (x, y) =>
        compareCodeUnits(x.kind, y.kind) ||
        x.pseudonym.length - y.pseudonym.length ||
        compareCodeUnits(x.pseudonym, y.pseudonym),
    );
  }
}
