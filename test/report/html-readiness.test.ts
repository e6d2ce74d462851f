/**
 * The readiness section of the HTML report: counts by severity and by
 * database, escaped names, the row cap, and the text shown without
 * readiness.
 */

import assert from "node:assert/strict";
import { test } from "node:test";

import type { Readiness, ReadinessItem } from "../../src/assessment/readiness/model.js";
import { DEFAULT_READINESS_THRESHOLDS } from "../../src/assessment/readiness/thresholds.js";
import { renderReadiness } from "../../src/report/html/readiness.js";
import { DEFAULT_HTML_LIMITS } from "../../src/report/html/limits.js";
import { sampleAssessment } from "./sample-assessment.js";
import { liveAssessment } from "./sample-live.js";

const HOSTILE = `<img src=x onerror="alert(1)">`;

function item(severity: ReadinessItem["severity"], n: number, database = "Sales"): ReadinessItem {
  return {
    id: `readiness.table.no-key:${database}.dbo.T${n}`,
    rule: "readiness.table.no-key",
    severity,
    database,
    object: `dbo.T${n}`,
    objectType: "table",
    evidence: "no primary key and no unique index",
    action: "Add a primary key.",
  };
}

function readiness(items: readonly ReadinessItem[]): Readiness {
  return {
    target: "babelfish@5.5",
    thresholds: DEFAULT_READINESS_THRESHOLDS,
    source: "inventory",
    items,
    biggestTables: [
      { database: HOSTILE, table: "dbo.Big", rows: 12_000_000, reservedKb: 4_194_304, partitions: 1, lobColumns: 1, strategy: "parallel-full-load-ranges", lobMode: true },
    ],
    strategyCounts: { "full-load": 3, "parallel-full-load-partitions": 0, "parallel-full-load-ranges": 1 },
    missingParts: ["backup-history"],
  };
}

test("readiness section counts", () => {
  const items = [item("blocker", 1), item("warning", 2), item("warning", 3, "Archive"), item("info", 4)];

  const html = renderReadiness({ ...liveAssessment(), readiness: readiness(items) }, DEFAULT_HTML_LIMITS);

  assert.match(html, /<tr><td class="num">1<\/td><td class="num">2<\/td><td class="num">1<\/td><\/tr>/);
  assert.match(html, /<tr><td>Archive<\/td><td class="num">0<\/td><td class="num">1<\/td><td class="num">0<\/td><\/tr>/);
  assert.match(html, /<tr><td>Sales<\/td><td class="num">1<\/td><td class="num">1<\/td><td class="num">1<\/td><\/tr>/);
  assert.match(html, /Not read in full, so items may be missing: <code>backup-history<\/code>/);
  assert.match(html, /3 tables by full load, 1 table by parallel full load by key ranges/);
  assert.match(html, /parallel full load by key ranges, LOB mode/);
});

test("readiness section escapes names", () => {
  const items = [item("blocker", 1, HOSTILE)];

  const html = renderReadiness({ ...liveAssessment(), readiness: readiness(items) }, DEFAULT_HTML_LIMITS);

  assert.equal(html.includes(HOSTILE), false);
  assert.match(html, /&lt;img src=x onerror=&quot;alert\(1\)&quot;&gt;/);
});

test("readiness section caps rows", () => {
  const items = Array.from({ length: 7 }, (_, n) => item("info", n));

  const html = renderReadiness({ ...liveAssessment(), readiness: readiness(items) }, { ...DEFAULT_HTML_LIMITS, tableRows: 5 });

  assert.equal(html.match(/<td><code>dbo\.T\d<\/code><\/td>/g)?.length, 5);
  assert.match(html, /Not shown: 2 more items; assessment\.json lists them all\./);
});

test("readiness section without readiness", () => {
  const scripts = renderReadiness(sampleAssessment(), DEFAULT_HTML_LIMITS);
  const oldLive = renderReadiness(liveAssessment(), DEFAULT_HTML_LIMITS);

  assert.match(scripts, /No CREATE TABLE was assessed/);
  assert.match(oldLive, /stored before infio computed readiness/);
});
