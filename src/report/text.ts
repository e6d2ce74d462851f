/** Text helpers shared by the report formats. */

const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Replaces each unpaired UTF-16 surrogate with U+FFFD. Such text cannot be
 * encoded as UTF-8 or percent-encoded, and undecodable input can leave it
 * in names and code.
 */
export function toWellFormedText(text: string): string {
  return text.replace(LONE_SURROGATE, "\uFFFD");
}

/** Formats a count with comma thousands separators, independent of locale. */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) {
    return String(value);
  }

  const [whole, fraction] = String(Math.abs(value)).split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const sign = value < 0 ? "-" : "";
  return fraction === undefined
    ? sign + grouped
    : `${sign}${grouped}.${fraction}`;
}

/** Orders strings by UTF-16 code units, the same on every locale. */
export function compareCodeUnits(a: string, b: string): number {
  if (a < b) {
    return -1;
  }

  return a > b ? 1 : 0;
}

/** Formats a count with its noun, singular for 1: `1 finding`, `2 findings`. */
export function countOf(
  value: number,
  singular: string,
  plural?: string,
): string {
  const noun = value === 1 ? singular : (plural ?? `${singular}s`);
  return `${formatCount(value)} ${noun}`;
}
