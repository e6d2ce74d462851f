/**
 * The "Server" and "Not read" sections of an assessment of a live SQL
 * Server: which server was read, when and how, and everything that could
 * not be read, with the reason.
 */

import type { LiveSource } from "../../assessment/model.js";
import type { CollectionProblem } from "../../sources/sqlserver/collected.js";
import { compareCodeUnits, countOf, formatCount } from "../text.js";
import { escapeClipped } from "./escape.js";
import type { InventoryPlan } from "./inventory-plan.js";
import type { HtmlLimits } from "./limits.js";

/**
 * Renders the server section: the server header, a warning when the TLS
 * certificate was not verified, and the problems counted by reason.
 */
export function renderServer(
  live: LiveSource,
  plan: InventoryPlan,
  limits: HtmlLimits,
): string {
  const clip = (text: string) => escapeClipped(text, limits.textChars);
  const s = live.server;
  const parts = [`<section id="server"><h2>Server</h2>`];

  if (s.tlsVerificationDisabled) {
    parts.push(
      `<p class="warning">Warning: certificate verification was turned off ` +
        `for this collection. infio did not check the server's TLS ` +
        `certificate, so nothing shows that the data below came from ` +
        `<code>${clip(s.address)}</code> and not from a host that ` +
        `impersonated it. Collect again with verification on (pass ` +
        `<code>--tls-ca FILE</code> for a private CA) before relying on it.</p>`,
    );
  }

  parts.push(
    `<dl class="meta">`,
    `<dt>Address</dt><dd><code>${clip(s.address)}</code></dd>`,
    `<dt>Server name</dt><dd><code>${clip(s.name)}</code> <small>(@@SERVERNAME)</small></dd>`,
    `<dt>Version</dt><dd>${clip(s.version)}</dd>`,
    `<dt>Edition</dt><dd>${clip(s.edition)}</dd>`,
    `<dt>Collected at</dt><dd>${clip(s.collectedAt)}</dd>`,
    `<dt>Certificate</dt><dd>${s.tlsVerificationDisabled ? "not verified" : "verified"}</dd>`,
    `</dl>`,
  );

  const items = plan.parts.reduce((sum, p) => sum + p.total, 0);
  parts.push(
    `<p><a href="#inventory">Inventory</a>: ${countOf(plan.parts.length, "part")} ` +
      `with ${countOf(items, "item")}.</p>`,
    problemSummary(live.problems, limits),
    `</section>`,
  );
  return parts.join("\n");
}

function problemSummary(
  problems: readonly CollectionProblem[],
  limits: HtmlLimits,
): string {
  if (problems.length === 0) {
    return `<p>Everything infio asked the server for was read.</p>`;
  }

  const byReason = new Map<string, number>();
  for (const p of problems) {
    byReason.set(p.reason, (byReason.get(p.reason) ?? 0) + 1);
  }

  const rows = [...byReason.entries()]
    .sort(([x, cx], [y, cy]) => cy - cx || compareCodeUnits(x, y))
    .slice(0, limits.tableRows)
    .map(
      ([reason, count]) =>
        `<tr><td>${escapeClipped(reason, limits.textChars)}</td>` +
        `<td class="num">${formatCount(count)}</td></tr>`,
    );

  const databases = new Set(
    problems
      .filter((p) => p.reason === "database-unavailable" && p.database !== undefined)
      .map((p) => p.database!),
  );
  const skipped =
    databases.size === 0
      ? ""
      : ` ${countOf(databases.size, "database was", "databases were")} ` +
        `skipped as unavailable.`;

  return (
    `<p class="warning"><a href="#not-read">Not read</a>: ` +
    `${countOf(problems.length, "problem")}.${skipped} The rest of the ` +
    `server was assessed.</p>\n` +
    `<table class="counts"><thead><tr><th>Reason</th><th>Problems</th>` +
    `</tr></thead><tbody>\n${rows.join("\n")}\n</tbody></table>`
  );
}

/** Renders every collection problem, each linked to its inventory part. */
export function renderNotRead(
  live: LiveSource,
  plan: InventoryPlan,
  limits: HtmlLimits,
): string {
  const clip = (text: string) => escapeClipped(text, limits.textChars);
  const parts = [`<section id="not-read"><h2>Not read</h2>`];
  if (live.problems.length === 0) {
    parts.push(`<p>No problems: every part and database was read.</p></section>`);
    return parts.join("\n");
  }

  const rows = live.problems.slice(0, limits.tableRows).map((p) => {
    const name = `<code>${clip(p.part)}</code>`;
    const anchor = plan.partAnchor(p);
    const part = anchor === undefined ? name : `<a href="#${anchor}">${name}</a>`;
    const database = p.database === undefined ? "" : `<code>${clip(p.database)}</code>`;
    return (
      `<tr><td>${part}</td><td>${database}</td>` +
      `<td>${clip(p.reason)}</td><td>${clip(p.message)}</td></tr>`
    );
  });

  parts.push(
    `<p>What infio could not read, and why. Each problem skipped only what ` +
      `it names; the rest of the server was read and assessed.</p>`,
    `<table><thead><tr><th>Part</th><th>Database</th><th>Reason</th>` +
      `<th>Message</th></tr></thead><tbody>`,
    ...rows,
    `</tbody></table>`,
  );
  if (live.problems.length > rows.length) {
    parts.push(
      `<p class="more">Not shown: ` +
        `${countOf(live.problems.length - rows.length, "more problem")}; ` +
        `assessment.json lists them all.</p>`,
    );
  }

  parts.push(`</section>`);
  return parts.join("\n");
}
