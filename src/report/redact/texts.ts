/**
 * The source texts of a redacted report, keyed by the redacted unit
 * names. A text is read from the original map and redacted each time it is
 * asked for, so a report with thousands of files never keeps them all in memory:
 * the HTML code view reads only the files it shows.
 */

import { redactCode, type CodeContext } from "./code.js";

export class RedactedTexts implements ReadonlyMap<string, string> {
  /** Original unit name by redacted unit name. */
  readonly #originals: ReadonlyMap<string, string>;
  readonly #texts: ReadonlyMap<string, string>;
  readonly #context: CodeContext;

  constructor(
    originals: ReadonlyMap<string, string>,
    texts: ReadonlyMap<string, string>,
    context: CodeContext,
  ) {
    this.#originals = originals;
    this.#texts = texts;
    this.#context = context;
  }

  get size(): number {
    return this.#originals.size;
  }

  get(name: string): string | undefined {
    const original = this.#originals.get(name);
    if (original === undefined) {
      return undefined;
    }
    const text = this.#texts.get(original);
    return text === undefined ? undefined : redactCode(text, this.#context).text;
  }

  has(name: string): boolean {
    const original = this.#originals.get(name);
    return original !== undefined && this.#texts.has(original);
  }

  *entries(): MapIterator<[string, string]> {
    for (const name of this.#originals.keys()) {
      const text = this.get(name);
      if (text !== undefined) {
        yield [name, text];
      }
    }
  }

  *keys(): MapIterator<string> {
    yield* this.#originals.keys();
  }

  *values(): MapIterator<string> {
    for (const [, text] of this.entries()) {
      yield text;
    }
  }

  forEach(callback: (value: string, key: string, map: ReadonlyMap<string, string>) => void): void {
    for (const [name, text] of this.entries()) {
      callback(text, name, this);
    }
  }

  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }
}
