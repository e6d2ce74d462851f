/**
 * Byte order marks and the zero-byte pattern that gives away UTF-16 text
 * written without one.
 */

export type UnicodeEncoding =
  | "utf-8"
  | "utf-16le"
  | "utf-16be"
  | "utf-32le"
  | "utf-32be";

export interface ByteOrderMark {
  readonly encoding: UnicodeEncoding;
  /** Length of the mark in bytes. */
  readonly length: number;
}

/** Bytes examined by the heuristics; enough to see a script's first lines. */
export const SAMPLE_LENGTH = 8192;

/** Returns the byte order mark at the start of `bytes`, if there is one. */
export function sniffBom(bytes: Uint8Array): ByteOrderMark | undefined {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    return { encoding: "utf-8", length: 3 };
  }

  // FF FE 00 00 could also start UTF-16LE text whose first character is
  // U+0000, which no script has, so the UTF-32 reading wins.
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) {
    return { encoding: "utf-32le", length: 4 };
  }
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) {
    return { encoding: "utf-32be", length: 4 };
  }

  if (b0 === 0xff && b1 === 0xfe) {
    return { encoding: "utf-16le", length: 2 };
  }
  if (b0 === 0xfe && b1 === 0xff) {
    return { encoding: "utf-16be", length: 2 };
  }
  return undefined;
}

/**
 * Recognises UTF-16 without a byte order mark from the first bytes. T-SQL is
 * mostly ASCII, and an ASCII character in UTF-16 has one zero byte: the odd
 * byte in little-endian order, the even byte in big-endian order. Text in
 * any 8-bit encoding has almost no zero bytes.
 *
 * NOTE: text made mostly of characters above U+00FF (Chinese, Japanese)
 * has no such pattern and is not recognised; pass the encoding explicitly.
 */
export function detectUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const length = Math.min(bytes.length, SAMPLE_LENGTH) & ~1;
  const pairs = length / 2;
  if (pairs === 0) {
    return undefined;
  }

  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) {
      zeroEven++;
    }
    if (bytes[i + 1] === 0) {
      zeroOdd++;
    }
  }

  // Thresholds leave room for non-ASCII letters (Cyrillic, Greek) and for
  // the odd U+0000 or U+0100-U+01FF character.
  if (zeroOdd >= pairs * 0.4 && zeroEven <= pairs * 0.1) {
    return "utf-16le";
  }
  if (zeroEven >= pairs * 0.4 && zeroOdd <= pairs * 0.1) {
    return "utf-16be";
  }
  return undefined;
}
