/**
 * Upper-case values of words. Scripts repeat the same few hundred keywords
 * and names, so the lexer keeps the upper-case spelling of recent words in
 * a small hash table and hands out the stored string instead of slicing and
 * upper-casing each word again.
 */

/** Number of slots in the table, a power of two. */
const SLOTS = 4096;

/** Longer words are rare and upper-cased directly. */
const MAX_CACHED_LENGTH = 48;

const slots: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);

/**
 * Returns the upper-case text of `text` from `start` to `end`. Only ASCII
 * words go through the table, because `toUpperCase` may change the length
 * of other text (`ß` becomes `SS`).
 */
export function upperCaseWord(text: string, start: number, end: number): string {
  let hash = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) {
      return text.slice(start, end).toUpperCase();
    }
    hash = hashStep(hash, c);
  }
  return upperCaseAsciiWord(text, start, end, hash);
}

/** Adds the ASCII character `c` to a word's hash, ignoring its case. */
export function hashStep(hash: number, c: number): number {
  return (Math.imul(hash, 31) + upperAscii(c)) | 0;
}

/**
 * Returns the upper-case text of an ASCII word whose hash the caller
 * computed with `hashStep` while scanning it.
 */
export function upperCaseAsciiWord(text: string, start: number, end: number, hash: number): string {
  const length = end - start;
  if (length > MAX_CACHED_LENGTH) {
    return text.slice(start, end).toUpperCase();
  }

  const mixed = hash ^ length;
  const slot = (mixed ^ (mixed >>> 13)) & (SLOTS - 1);
  const cached = slots[slot];
  if (cached !== undefined && matches(cached, text, start, length)) {
    return cached;
  }

  const value = text.slice(start, end).toUpperCase();
  slots[slot] = value;
  return value;
}

function upperAscii(c: number): number {
  return c >= 97 && c <= 122 ? c - 32 : c;
}

function matches(upper: string, text: string, start: number, length: number): boolean {
  if (upper.length !== length) {
    return false;
  }
  for (let i = 0; i < length; i++) {
    if (upper.charCodeAt(i) !== upperAscii(text.charCodeAt(start + i))) {
      return false;
    }
  }
  return true;
}
