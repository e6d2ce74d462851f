/**
 * Assessments and checks shared by the tests of the assessment pages. The
 * fixture assessment spreads many findings over statuses, feature groups,
 * files and hostile object names. The helpers give the filter those
 * findings must pass and scan a page for inline script and style.
 */

import assert from "node:assert/strict";

import type { Assessment, Finding, FindingStatus } from "../../../src/assessment/model.js";
import { FINDING_STATUSES } from "../../../src/assessment/model.js";
import { defaultCatalog } from "../../../src/catalog/catalog.js";
import { receiveUpload } from "../../../src/web/uploads/index.js";
import { uploadJobSource } from "../../../src/web/jobs/index.js";
import { parseTarget } from "../../../src/catalog/targets.js";
import type { TestConsole } from "../../helpers/web-console.js";
import { sampleSummary } from "../../store/sample-assessment.js";

export const HOSTILE_HTML = "<img src=x onerror=alert(1)>";
export const HOSTILE_FORMULA = '=HYPERLINK("http://x")';

/** Returns a feature id of the catalog group `group`. The test fails when the group has none. */
function catalogFeature(group: string): string {
  for (const entry of defaultCatalog().entries.values()) {
    if (entry.group === group) {
      return entry.id;
    }
  }
  assert.fail(`the catalog has no feature in group '${group}'`);
}

/** The features the many-findings assessment uses, with their groups. */
export const FIXTURE_FEATURES: readonly { readonly id: string; readonly group: string }[] = [
  { id: catalogFeature("Cursors"), group: "Cursors" },
  { id: catalogFeature("Built-in functions"), group: "Built-in functions" },
  { id: catalogFeature("DML"), group: "DML" },
  // Unknown to the catalog, so its group is the id without its last part.
  { id: "fixture.unknown.feature", group: "fixture.unknown" },
];

/** Statuses of the fixture's findings, in turn. */
export const FIXTURE_STATUSES: readonly FindingStatus[] = ["notSupported", "reviewManually", "supported", "unknown"];

/**
 * Returns finding `i` of the many-findings assessment. Statuses cycle with
 * period 4, and features with period 4 after a shift of one every 4, so
 * each status meets each feature. Files cycle with period 10. Every 97th
 * finding has a hostile object name.
 */
export function fixtureFinding(i: number): Finding {
  const status = FIXTURE_STATUSES[i % 4]!;
  const feature = FIXTURE_FEATURES[(i + Math.floor(i / 4)) % 4]!;
  let object = `dbo.usp_${i % 25}`;
  if (i % 97 === 0) {
    object = i % 2 === 0 ? HOSTILE_HTML : HOSTILE_FORMULA;
  }
  return {
    featureId: feature.id,
    status,
    file: `procs/proc_${i % 10}.sql`,
    line: 1 + (i % 300),
    column: 1 + (i % 7),
    object,
    message: `Finding number ${i} of the fixture`,
  };
}

/** Builds an assessment of `count` fixture findings. */
export function manyFindingsAssessment(id: string, count: number, startedAt = "2025-03-04T05:06:07.089Z"): Assessment {
  const findings = Array.from({ length: count }, (_, i) => fixtureFinding(i));
  const byStatus = Object.fromEntries(FINDING_STATUSES.map((s) => [s, 0])) as Record<FindingStatus, number>;
  for (const finding of findings) {
    byStatus[finding.status]++;
  }

  return {
    id,
    startedAt,
    infioVersion: "0.1.0",
    target: "babelfish@5.5",
    sources: ["procs", HOSTILE_HTML],
    summary: sampleSummary({ findingsByStatus: byStatus, lines: 123_456 }),
    units: Array.from({ length: 10 }, (_, i) => ({
      file: `procs/proc_${i}.sql`,
      encoding: "utf-8",
      lines: 300,
      bytes: 9_000,
      batches: 3,
      batchesWithErrors: 0,
      statements: 30,
    })),
    objects: [{ name: HOSTILE_HTML, type: "procedure", file: "procs/proc_0.sql", line: 1, lines: 20 }],
    findings,
    parseErrors: [{ file: "procs/proc_3.sql", line: 42, column: 5, message: `expected ')' near ${HOSTILE_HTML}` }],
    skipped: [{ file: "logo.png", reason: "binary", message: HOSTILE_FORMULA }],
  };
}

/** The filter of the findings API, written out plainly: what a page must contain. */
export function expectedMatches(
  findings: readonly Finding[],
  filter: { status?: string; group?: string; q?: string },
): Finding[] {
  const groupOf = (id: string) => FIXTURE_FEATURES.find((f) => f.id === id)!.group;
  const text = (filter.q ?? "").toLowerCase();
  return findings.filter(
    (f) =>
      (filter.status === undefined || filter.status === "" || f.status === filter.status) &&
      (filter.group === undefined || filter.group === "" || groupOf(f.featureId) === filter.group) &&
      (text === "" ||
        [f.featureId, f.file, f.object, f.message].some((value) => value.toLowerCase().includes(text))),
  );
}

/**
 * Returns what in a page could run as script or apply inline style: an
 * inline `<script>`, a `<style>` element, or a `style` or `on...`
 * attribute. Escaped text cannot contain `<`, so every `<` starts a tag.
 */
export function inlineCodeProblems(page: string): string[] {
  const problems: string[] = [];
  for (const match of page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (!/\ssrc="\/assets\//.test(match[1]!) || match[2]!.trim() !== "") {
      problems.push(`inline script: ${match[0].slice(0, 120)}`);
    }
  }
  if (/<style\b/i.test(page)) {
    problems.push("a <style> element");
  }

  for (const tag of page.matchAll(/<[a-zA-Z][^>]*>/g)) {
    // Quoted values are escaped, so only the attribute names remain.
    const names = tag[0].replace(/"[^"]*"/g, '""');
    if (/\s(style|on[a-z]+)\s*=/i.test(names)) {
      problems.push(`inline attribute: ${tag[0].slice(0, 120)}`);
    }
    if (/\s(href|src|action)="\s*javascript:/i.test(tag[0])) {
      problems.push(`javascript: URL: ${tag[0].slice(0, 120)}`);
    }
  }
  return problems;
}

/** Asserts that a page has the console's CSP header and no inline script or style. */
export function assertStrictPage(response: { headers: Record<string, unknown>; body: string }, label: string): void {
  const policy = String(response.headers["content-security-policy"] ?? "");
  assert.match(policy, /script-src 'self'/, `${label}: CSP header`);
  assert.doesNotMatch(policy, /unsafe-inline/, `${label}: CSP header`);
  assert.deepEqual(inlineCodeProblems(response.body), [], label);
}

/** T-SQL whose line 3 uses a cursor option and line 6 a CHECKPOINT. */
export const SOURCE_SCRIPT = [
  "CREATE PROCEDURE dbo.ScrollAll",
  "AS",
  "    DECLARE c CURSOR SCROLL FOR SELECT name FROM sys.objects;",
  "    OPEN c;",
  "    CLOSE c; DEALLOCATE c;",
  "    CHECKPOINT;",
  "GO",
  "",
].join("\r\n");

/**
 * Assesses `script` as an upload through the console's job runner, so the
 * runner keeps its text; returns the new assessment's id.
 */
export async function runUploadedScript(web: TestConsole, name: string, script: string): Promise<string> {
  const target = parseTarget("babelfish");
  assert.ok(target.ok);
  const intake = await receiveUpload({ name, content: Buffer.from(script, "utf8") });
  const job = web.services.runner.submit({ owner: "admin-user", source: uploadJobSource(intake), target: target.target });

  const events = web.services.runner.subscribe(job.id);
  assert.ok(events, `job ${job.id} is unknown`);
  let last;
  for await (const event of events) {
    last = event.job;
  }
  assert.equal(last?.state, "done", `the job ended ${last?.state}: ${last?.error ?? ""}`);
  assert.ok(last?.assessmentId, "the finished job names no assessment");
  return last.assessmentId;
}
