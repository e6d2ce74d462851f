/** Times on the admin pages, in UTC to the second, as the CLI's tables show them. */

/** Formats `time` as `2025-03-04 05:06:07`; `fallback` when there is none or it is invalid. */
export function utcTime(time: Date | string | undefined, fallback = ""): string {
  if (time === undefined) {
    return fallback;
  }
  const date = typeof time === "string" ? new Date(time) : time;
  if (Number.isNaN(date.getTime())) {
    return typeof time === "string" ? time : fallback;
  }
  return date.toISOString().slice(0, 19).replace("T", " ");
}
