/**
 * Reversible escaping for text that PostgreSQL cannot store as is.
 *
 * PostgreSQL `text` and `jsonb` reject U+0000, and the UTF-8 encoding that
 * both drivers send cannot carry a lone UTF-16 surrogate (Node replaces it with
 * U+FFFD). Decoded scripts can contain both, so the store escapes them with the
 * private-use character U+E000 and restores them on read:
 *
 * - U+0000 becomes U+E000 `0`
 * - U+E000 itself becomes U+E000 U+E000
 * - a lone surrogate becomes U+E000 `u` and four hex digits
 *
 * Text without any of these characters, which is almost all text, passes
 * through unchanged, so SQL queries over the store see the original values.
 */

const ESCAPE = "\uE000";
const NEEDS_ESCAPE = /[\u0000\uE000\uD800-\uDFFF]/;
const IS_ESCAPED = /\uE000/;

/** Escapes `value` for storage in a PostgreSQL text or jsonb string. */
export function escapeText(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) {
    return value;
  }

  let out = "";
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);

    if (code === 0) {
      out += ESCAPE + "0";
    } else if (code === 0xe000) {
      out += ESCAPE + ESCAPE;
    } else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(value, i + 1)) {
      out += value[i] + value[i + 1];
      i++;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      out += ESCAPE + "u" + code.toString(16).padStart(4, "0");
    } else {
      out += value[i];
    }
  }
  return out;
}

/** Reverses {@link escapeText}. */
export function unescapeText(value: string): string {
  if (!IS_ESCAPED.test(value)) {
    return value;
  }

  let out = "";
  for (let i = 0; i < value.length; i++) {
    if (value[i] !== ESCAPE) {
      out += value[i];
      continue;
    }

    const marker = value[i + 1];
    if (marker === "0") {
      out += "\u0000";
      i += 1;
    } else if (marker === ESCAPE) {
      out += ESCAPE;
      i += 1;
    } else if (marker === "u") {
      out += String.fromCharCode(parseInt(value.slice(i + 2, i + 6), 16));
      i += 5;
    } else {
      // Not produced by escapeText: keep the character rather than lose data.
      out += value[i];
    }
  }
  return out;
}

/** Escapes `value` unless it is null or undefined. */
export function escapeOptional(value: string | undefined): string | null {
  return value === undefined ? null : escapeText(value);
}

/**
 * Escapes every string and object key in a JSON-compatible value, so that
 * `JSON.stringify` of the result is accepted by PostgreSQL `jsonb`.
 */
export function escapeJson(value: unknown): unknown {
  return mapJsonStrings(value, escapeText);
}

/** Reverses {@link escapeJson}. */
export function unescapeJson(value: unknown): unknown {
  return mapJsonStrings(value, unescapeText);
}

function mapJsonStrings(value: unknown, map: (s: string) => string): unknown {
  if (typeof value === "string") {
    return map(value);
  }
  if (Array.isArray(value)) {
    return value.map((item) => mapJsonStrings(item, map));
  }
  if (value !== null && typeof value === "object") {
    // Object.fromEntries defines own properties, so a `__proto__` key from
    // JSON stays a key instead of replacing the prototype.
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        map(key),
        mapJsonStrings(item, map),
      ]),
    );
  }
  return value;
}

function isLowSurrogate(value: string, index: number): boolean {
  const code = value.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff;
}
