/**
 * Statement parsers keyed by one to three words, such as `BEGIN TRAN` or
 * `XML SCHEMA COLLECTION`. The table is a tree of words, so a lookup walks
 * the tokens instead of joining them into a key string for every
 * statement.
 */

import { TokenKind } from "../lexer/token.js";
import type { Parser } from "./parser.js";
import type { StatementParser } from "./registry.js";

interface Entry {
  parser: StatementParser | undefined;
  next: Map<string, Entry> | undefined;
}

/** Keys longer than this are never matched, as the dispatcher reads three words at most. */
const MAX_KEY_WORDS = 3;

export class KeywordTable {
  private readonly root = new Map<string, Entry>();

  /** Adds `parser` under `key`: upper-case words joined by one space. */
  add(key: string, parser: StatementParser): void {
    let level = this.root;
    let entry: Entry | undefined;
    for (const word of key.split(" ")) {
      entry = level.get(word);
      if (entry === undefined) {
        entry = { parser: undefined, next: undefined };
        level.set(word, entry);
      }
      level = entry.next ??= new Map();
    }
    entry!.parser = parser;
  }

  /** The parser of exactly `word`, a one-word key. */
  get(word: string): StatementParser | undefined {
    return this.root.get(word)?.parser;
  }

  /** The first words of all keys. */
  firstWords(): IterableIterator<string> {
    return this.root.keys();
  }

  /** Finds the parser of the longest key that the words at `offset` spell. */
  lookup(p: Parser, offset: number): StatementParser | undefined {
    let level: Map<string, Entry> | undefined = this.root;
    let found: StatementParser | undefined;
    for (let i = 0; i < MAX_KEY_WORDS && level !== undefined; i++) {
      const t = p.peek(offset + i);
      if (t.kind !== TokenKind.Word) {
        break;
      }
      const entry: Entry | undefined = level.get(t.value);
      if (entry === undefined) {
        break;
      }
      if (entry.parser !== undefined) {
        found = entry.parser;
      }
      level = entry.next;
    }
    return found;
  }
}
