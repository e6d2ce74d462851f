/**
 * The live-server part of `infio show`: which server was read, its
 * version, whether its certificate was verified, and which databases were
 * read and which were not, as the reports state them.
 */

import { liveCoverage } from "../assessment/live-coverage.js";
import type { LiveSource } from "../assessment/model.js";
import { compareCodeUnits } from "../report/text.js";
import { formatCount } from "./progress.js";
import { safeCell } from "./table.js";

/** Returns the text lines of the live part, each value escaped for the terminal. */
export function liveLines(live: LiveSource): string[] {
  const s = live.server;
  const coverage = liveCoverage(live);
  const read = coverage.databasesRead;
  const notRead = coverage.databasesNotRead;

  const lines = [
    `Server      ${safeCell(s.name)} ('${safeCell(s.address)}')`,
    `Version     SQL Server ${safeCell(s.version)}, ${safeCell(s.edition)}`,
    `Collected   ${safeCell(s.collectedAt)}`,
    s.tlsVerificationDisabled
      ? "Certificate NOT verified (--trust-server-certificate): nothing shows that the data came from this server"
      : "Certificate verified",
    `Databases   ${formatCount(read.length)} read${read.length === 0 ? "" : `: ${read.map(safeCell).join(", ")}`}`,
  ];
  if (notRead.length > 0) {
    const names = notRead.map((d) => `${safeCell(d.database)} (${safeCell(d.reason)})`).join(", ");
    lines.push(`Not read    ${formatCount(notRead.length)} ${notRead.length === 1 ? "database" : "databases"}: ${names}`);
  }
  lines.push(`Problems    ${problemCounts(live)}`);
  return lines;
}

/** Returns the live part for `infio show --json`. */
export function liveJson(live: LiveSource): object {
  const coverage = liveCoverage(live);
  return {
    server: live.server,
    databasesRead: coverage.databasesRead,
    databasesNotRead: coverage.databasesNotRead,
    problems: live.problems.length,
  };
}

/** `4: database-unavailable 1, timeout 3`, by reason in code-unit order, or `none`. */
function problemCounts(live: LiveSource): string {
  if (live.problems.length === 0) {
    return "none: everything infio asked the server for was read";
  }
  const byReason = new Map<string, number>();
  for (const p of live.problems) {
    byReason.set(p.reason, (byReason.get(p.reason) ?? 0) + 1);
  }
  const reasons = [...byReason.keys()].sort(compareCodeUnits);
  const counts = reasons.map((r) => `${safeCell(r)} ${formatCount(byReason.get(r)!)}`);
  return `${formatCount(live.problems.length)}: ${counts.join(", ")}`;
}
