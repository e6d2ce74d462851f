/** Assessment ids: sortable by start time, short enough to type. */

import { randomBytes } from "node:crypto";

/** Returns an id such as `20250304-050607-3f9a1c` (UTC time, random tail). */
export function newAssessmentId(startedAt: Date): string {
  const iso = startedAt.toISOString();
  const date = iso.slice(0, 10).replaceAll("-", "");
  const time = iso.slice(11, 19).replaceAll(":", "");
  return `${date}-${time}-${randomBytes(3).toString("hex")}`;
}
