/**
 * Text shown by the islands. Everything from the server is rendered as text
 * nodes, never as markup, and passes through `visibleText` first.
 */

// The C0 controls other than tab, line feed and carriage return, DEL, the
// C1 controls, the bidirectional embedding, override and isolate controls
// (which can reorder code on screen, CVE-2021-42574), and U+FFFE and U+FFFF.
// The HTML report shows the same characters the same way.
const INVISIBLE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/g;

const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const COUNT_FORMAT = new Intl.NumberFormat("en-US");

/**
 * Replaces invisible control characters with a visible `[U+XXXX]` and
 * unpaired surrogates with U+FFFD, so the reader sees what the data contains.
 */
export function visibleText(text: string): string {
  return text
    .replace(LONE_SURROGATE, "\uFFFD")
    .replace(INVISIBLE, (c) => `[U+${codePointHex(c)}]`);
}

function codePointHex(c: string): string {
  return c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
}

/** Formats a count with thousands separators: `12,345`. */
export function formatCount(value: number): string {
  return COUNT_FORMAT.format(value);
}

/** Formats a duration in milliseconds: `42 s`, `3 min 07 s`, `2 h 05 min`. */
export function formatElapsed(milliseconds: number): string {
  const totalSeconds = Math.floor(milliseconds / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;

  if (hours > 0) {
    return `${hours} h ${twoDigits(minutes)} min`;
  }

  if (minutes > 0) {
    return `${minutes} min ${twoDigits(seconds)} s`;
  }

  return `${seconds} s`;
}

function twoDigits(value: number): string {
  return String(value).padStart(2, "0");
}
