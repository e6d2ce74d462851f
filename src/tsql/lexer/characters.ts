/**
 * Character classes of T-SQL identifiers and whitespace, following the
 * "Database identifiers" rules of the SQL Server 2022 documentation: an
 * identifier starts with a letter, `_`, `@` or `#` and continues with
 * letters, decimal digits, `@`, `$`, `#` and `_`.
 */

const LETTER = /\p{L}/u;
const LETTER_OR_MARK_OR_DIGIT = /[\p{L}\p{M}\p{Nd}]/u;

/**
 * Classes of the non-ASCII UTF-16 code units met so far, so each one is
 * tested against the Unicode regular expressions once: 0 not yet known,
 * otherwise the bits below plus KNOWN.
 */
const classes = new Uint8Array(65536);
const KNOWN = 1;
const START = 2;
const PART = 4;

function classOf(c: number): number {
  let bits = classes[c]!;
  if (bits === 0) {
    const ch = String.fromCharCode(c);
    bits = KNOWN;
    if (LETTER.test(ch)) {
      bits |= START;
    }
    if (LETTER_OR_MARK_OR_DIGIT.test(ch)) {
      bits |= PART;
    }
    classes[c] = bits;
  }
  return bits;
}

export function isIdentifierStart(c: number): boolean {
  if (c < 128) {
    return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 35;
  }
  return c !== -1 && (classOf(c) & START) !== 0;
}

export function isIdentifierPart(c: number): boolean {
  if (c < 128) {
    return (
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      (c >= 48 && c <= 57) ||
      c === 95 ||
      c === 35 ||
      c === 64 ||
      c === 36
    );
  }
  return c !== -1 && (classOf(c) & PART) !== 0;
}

/** Whitespace, including the Unicode spaces and the BOM that editors leave mid-file. */
export function isWhitespace(c: number): boolean {
  if (c <= 32) {
    return c === 32 || (c >= 9 && c <= 13) || c === 0;
  }
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Currency symbols that may prefix a money constant. SQL Server accepts the
 * symbols listed in "Constants (Transact-SQL)", which are the `$` sign, the
 * Latin-1 currency signs and the Unicode Currency Symbols block.
 */
export function isCurrencySymbol(c: number): boolean {
  return (
    c === 36 ||
    (c >= 0xa2 && c <= 0xa5) ||
    (c >= 0x20a0 && c <= 0x20cf) ||
    c === 0x09f2 ||
    c === 0x09f3 ||
    c === 0x0e3f ||
    c === 0x17db ||
    c === 0xfdfc
  );
}
