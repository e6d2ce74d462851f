/**
 * Source text for the HTML code view, read again from disk when the page
 * asks for a file, so that a run never holds every script in memory. A file
 * whose size changed since the assessment is left out: its lines would no
 * longer match the findings.
 */

import { readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";

import type { AssessedUnit } from "../assessment/model.js";
import { locateUnit } from "../sources/scripts/names.js";
import { decode } from "../tsql/decode/decode.js";

export interface SourceOrigin {
  /** Path as the user gave it; `-` is standard input. */
  readonly given: string;
  readonly folder: boolean;
}

/**
 * A map from unit name to text that loads on `get`. Only `get` and `has`
 * are lazy; the report renderer uses nothing else.
 */
export class SourceTexts extends Map<string, string> {
  readonly #units: ReadonlyMap<string, AssessedUnit>;
  readonly #origins: readonly SourceOrigin[];
  readonly #cwd: string;
  readonly #known: ReadonlyMap<string, string>;
  readonly #missing = new Set<string>();

  constructor(
    units: readonly AssessedUnit[],
    origins: readonly SourceOrigin[],
    cwd: string,
    known: ReadonlyMap<string, string> = new Map(),
  ) {
    super();
    this.#units = new Map(units.map((u) => [u.file, u]));
    this.#origins = origins;
    this.#cwd = cwd;
    this.#known = known;
  }

  /** Number of files the page asked for that could not be read again. */
  get missingCount(): number {
    return this.#missing.size;
  }

  override has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  override get(name: string): string | undefined {
    const known = this.#known.get(name);
    if (known !== undefined) {
      return known;
    }
    if (this.#missing.has(name)) {
      return undefined;
    }

    const text = this.#load(name);
    if (text === undefined) {
      this.#missing.add(name);
    }
    return text;
  }

  #load(name: string): string | undefined {
    const unit = this.#units.get(name);
    const located = locateUnit(name, this.#origins);
    if (unit === undefined || located === undefined) {
      return undefined;
    }

    const path = resolve(this.#cwd, located);
    try {
      // A pipe put in the file's place would block the read forever.
      const info = statSync(path);
      if (!info.isFile() || info.size !== unit.bytes) {
        return undefined;
      }
      const bytes = readFileSync(path);
      return decode(bytes, { encoding: unit.encoding }).text;
    } catch {
      return undefined;
    }
  }
}

/** Finds out which given sources are folders; missing ones count as files. */
export function originsOf(sources: readonly string[], cwd: string): SourceOrigin[] {
  return sources.map((given) => {
    if (given === "-") {
      return { given, folder: false };
    }
    try {
      return { given, folder: statSync(resolve(cwd, given)).isDirectory() };
    } catch {
      return { given, folder: false };
    }
  });
}
