/**
 * The name lookups of the redaction walk. Redaction walks the report
 * twice with the same code: first with a collecting namer that registers
 * every name, then, once the names are numbered, with a mapping namer that
 * returns the pseudonyms. Because both walks make the same calls, every
 * name the second walk meets has a number.
 */

import { isBuiltInName } from "./built-in-names.js";
import { prefixKind, spellPseudonym, type NameKind, type PathKind } from "./kinds.js";
import type { NameRegistry, PseudonymTable } from "./registry.js";

export interface Namer {
  /** Returns the pseudonym of one name; built-in and empty names come back unchanged. */
  name(name: string, kind: NameKind): string;
  /** Tells whether the objects, inventory or server header name `name`, not only code. */
  isKnown(name: string): boolean;
  /** Tells whether any part of the report, code and messages included, uses `name`. */
  isRegistered(name: string): boolean;
  /** Tells whether a structured part uses `name` for a database or a schema. */
  isQualifier(name: string): boolean;
  /** Returns the pseudonym of one segment of a script path. */
  pathSegment(segment: string, kind: PathKind): string;
  isPathSegment(segment: string, kind: PathKind): boolean;
}

/** The namer of the first walk: it registers names and returns them unchanged. */
export class CollectingNamer implements Namer {
  readonly #registry: NameRegistry;

  constructor(registry: NameRegistry) {
    this.#registry = registry;
  }

  name(name: string, kind: NameKind): string {
    this.#registry.addName(name, kind);
    return name;
  }

  isKnown(name: string): boolean {
    return this.#registry.isKnown(name);
  }

  isRegistered(name: string): boolean {
    return this.#registry.hasName(name);
  }

  isQualifier(name: string): boolean {
    return this.#registry.isQualifier(name);
  }

  pathSegment(segment: string, kind: PathKind): string {
    this.#registry.addPath(segment, kind);
    return segment;
  }

  isPathSegment(segment: string, kind: PathKind): boolean {
    return this.#registry.hasPath(segment, kind);
  }
}

/** The namer of the second walk: it returns pseudonyms. */
export class MappingNamer implements Namer {
  readonly #registry: NameRegistry;
  readonly #table: PseudonymTable;

  constructor(registry: NameRegistry, table: PseudonymTable) {
    this.#registry = registry;
    this.#table = table;
  }

  /**
   * Returns the name's pseudonym. A name the first walk did not see gets
   * number 0 of its kind, so it is still hidden, but such names share one
   * pseudonym. Only a text that changed between the walks contains one.
   */
  name(name: string, kind: NameKind): string {
    if (name === "" || isBuiltInName(name)) {
      return name;
    }
    return this.#table.name(name) ?? spellPseudonym(prefixKind(name) ?? kind, 0, name);
  }

  isKnown(name: string): boolean {
    return this.#registry.isKnown(name);
  }

  isRegistered(name: string): boolean {
    return this.#registry.hasName(name);
  }

  isQualifier(name: string): boolean {
    return this.#registry.isQualifier(name);
  }

  pathSegment(segment: string, kind: PathKind): string {
    return this.#table.path(segment, kind) ?? `${kind}0`;
  }

  isPathSegment(segment: string, kind: PathKind): boolean {
    return this.#registry.hasPath(segment, kind);
  }
}
