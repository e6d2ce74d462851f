/**
 * The ADO.NET connection string grammar ("Connection strings in ADO.NET"
 * on Microsoft Learn): `keyword=value` pairs separated by `;`, with
 * case-insensitive keywords. Whitespace around keywords and unquoted
 * values is ignored, and an unquoted value runs to the next `;`, so it may
 * contain `=` and quotes. A value that starts with `"` or `'` ends at the
 * same quote, and that quote is doubled inside it. A `==` inside a keyword
 * is read as one `=`. Messages never quote a value, since one may be a
 * password.
 */

import { ConnectionSettingsError } from "./settings-error.js";

export interface ConnectionStringPair {
  /** The keyword as written, trimmed, e.g. `Initial Catalog`. */
  readonly keyword: string;
  /** Lower case with inner whitespace collapsed, e.g. `initial catalog`. */
  readonly normalized: string;
  readonly value: string;
}

const OPTION = "--connection-string";

/** Splits a connection string into its pairs, in order. */
export function tokenizeConnectionString(text: string): ConnectionStringPair[] {
  const pairs: ConnectionStringPair[] = [];
  let position = 0;

  while (position < text.length) {
    const keyword = readKeyword(text, position, pairs.length + 1);
    position = keyword.end;
    if (keyword.text === undefined) {
      continue;
    }

    const value = readValue(text, position, keyword.text);
    position = value.end;
    pairs.push({
      keyword: keyword.text,
      normalized: keyword.text.toLowerCase().replace(/\s+/g, " "),
      value: value.text,
    });
  }
  return pairs;
}

/**
 * Reads a keyword up to its `=`. Returns no text for an empty pair
 * (`;;` or a trailing `;`), which the grammar allows.
 */
function readKeyword(
  text: string,
  start: number,
  ordinal: number,
): { text: string | undefined; end: number } {
  let keyword = "";
  let position = start;

  while (position < text.length) {
    const character = text[position]!;
    if (character === "=" && text[position + 1] === "=") {
      keyword += "=";
      position += 2;
      continue;
    }
    if (character === "=") {
      break;
    }
    if (character === ";") {
      if (keyword.trim() !== "") {
        throw missingEquals(ordinal);
      }
      return { text: undefined, end: position + 1 };
    }
    keyword += character;
    position += 1;
  }

  const trimmed = keyword.trim();
  if (position >= text.length) {
    if (trimmed !== "") {
      throw missingEquals(ordinal);
    }
    return { text: undefined, end: position };
  }
  if (trimmed === "") {
    throw new ConnectionSettingsError(
      OPTION,
      `invalid ${OPTION}: pair ${ordinal} has a value but no keyword; write Keyword=Value pairs separated by ';'`,
    );
  }
  return { text: trimmed, end: position + 1 };
}

function readValue(text: string, start: number, keyword: string): { text: string; end: number } {
  let position = start;
  while (position < text.length && isBlank(text[position]!)) {
    position += 1;
  }

  const quote = text[position];
  if (quote === '"' || quote === "'") {
    return readQuoted(text, position, quote, keyword);
  }

  const semicolon = text.indexOf(";", position);
  const end = semicolon < 0 ? text.length : semicolon;
  return { text: text.slice(position, end).trim(), end: end + 1 };
}

function readQuoted(
  text: string,
  start: number,
  quote: string,
  keyword: string,
): { text: string; end: number } {
  let value = "";
  let position = start + 1;

  for (;;) {
    const next = text.indexOf(quote, position);
    if (next < 0) {
      throw new ConnectionSettingsError(
        OPTION,
        `invalid ${OPTION}: the value of ${keyword} has no closing ${quote}; ` +
          `end it with ${quote}, and double any ${quote} inside it`,
      );
    }
    value += text.slice(position, next);
    if (text[next + 1] === quote) {
      value += quote;
      position = next + 2;
      continue;
    }
    position = next + 1;
    break;
  }

  while (position < text.length && isBlank(text[position]!)) {
    position += 1;
  }
  if (position < text.length && text[position] !== ";") {
    throw new ConnectionSettingsError(
      OPTION,
      `invalid ${OPTION}: text follows the closing quote of ${keyword}; ` +
        "put ';' after the quoted value, and double any quote inside it",
    );
  }
  return { text: value, end: position + 1 };
}

function missingEquals(ordinal: number): ConnectionSettingsError {
  return new ConnectionSettingsError(
    OPTION,
    `invalid ${OPTION}: pair ${ordinal} has no '='; write Keyword=Value pairs separated by ';'`,
  );
}

function isBlank(character: string): boolean {
  return character === " " || character === "\t" || character === "\r" || character === "\n";
}
