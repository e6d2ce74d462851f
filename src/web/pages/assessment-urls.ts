/** URLs of the assessment pages, built in one place so that links and routes agree. */

import { pageUrl } from "./html.js";

/** Returns the URL of an assessment's page, such as `/assessments/ID`. */
export function assessmentUrl(assessmentId: string): string {
  return `/assessments/${encodeURIComponent(assessmentId)}`;
}

/**
 * Returns the link to a unit's source with `line` highlighted:
 * `/assessments/ID/source?file=FILE&line=N#LN`.
 *
 * NOTE: a URL cannot carry an unpaired UTF-16 surrogate, so a file name
 * with one is linked with U+FFFD in its place, and its source view is not
 * found.
 */
export function sourceHref(assessmentId: string, file: string, line: number): string {
  return `${pageUrl(`${assessmentUrl(assessmentId)}/source`, { file, line })}#${lineAnchor(line)}`;
}

/** Returns the id of a line in the source view, such as `L12`. */
export function lineAnchor(line: number): string {
  return `L${line}`;
}
