/**
 * Scanner states, the characters that matter in each, and line helpers of
 * the batch splitter.
 */

import { isWhitespace } from "../lexer/characters.js";

export const enum State {
  Code,
  String,
  Bracket,
  DoubleQuote,
  BlockComment,
  LineComment,
}

export const CH_LF = 10;
export const CH_CR = 13;
export const CH_DOUBLE_QUOTE = 34;
export const CH_DOLLAR = 36;
export const CH_QUOTE = 39;
export const CH_LEFT_PAREN = 40;
export const CH_STAR = 42;
export const CH_MINUS = 45;
export const CH_SLASH = 47;
export const CH_LESS = 60;
export const CH_LEFT_BRACKET = 91;

/**
 * For each state, the ASCII characters that end a run of ordinary text:
 * line breaks, `$` of `$(name)`, `<` of a template parameter, and the
 * characters that can change the state. Indexed by State.
 */
export const STOPS: readonly Uint8Array[] = [
  stopTable("'[\"-/"),
  stopTable("'"),
  stopTable("]"),
  stopTable('"'),
  stopTable("/*"),
  stopTable(""),
];

function stopTable(characters: string): Uint8Array {
  const table = new Uint8Array(128);
  for (const c of `${characters}$<\r\n`) {
    table[c.charCodeAt(0)] = 1;
  }
  return table;
}

export function isBlank(c: number): boolean {
  return c !== CH_LF && c !== CH_CR && isWhitespace(c);
}

/** Tells whether `word` (upper case) starts at `at`, in any letter case. */
export function startsWithWord(text: string, at: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    if ((text.charCodeAt(at + i) & ~0x20) !== word.charCodeAt(i)) {
      return false;
    }
  }
  return true;
}

export function findLineEnd(text: string, from: number): number {
  let pos = from;
  while (pos < text.length) {
    const c = text.charCodeAt(pos);
    if (c === CH_LF || c === CH_CR) {
      break;
    }
    pos++;
  }
  return pos;
}

/** Returns the offset after the line break at `pos`, or `pos` at the end. */
export function skipLineBreak(text: string, pos: number): number {
  const c = text.charCodeAt(pos);
  if (c === CH_CR) {
    return text.charCodeAt(pos + 1) === CH_LF ? pos + 2 : pos + 1;
  }
  return c === CH_LF ? pos + 1 : pos;
}
