import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { after, before, describe, it } from "node:test";

import { runAssessment, type RunOptions } from "../../src/assessment/run.js";
import { defaultCatalog } from "../../src/catalog/catalog.js";
import { parseTarget } from "../../src/catalog/targets.js";
import { ASSESSED, SKIPPED, writeFixtureFolder } from "../cli/fixture-folder.js";
import { RecordingStore } from "./recording-store.js";

function target() {
  const parsed = parseTarget("babelfish");
  assert.ok(parsed.ok);
  return parsed.target;
}

function options(root: string, store: RecordingStore, extra: Partial<RunOptions> = {}): RunOptions {
  return {
    id: "test-run",
    startedAt: new Date("2025-03-04T05:06:07.089Z"),
    infioVersion: "0.0.0-test",
    sources: [root],
    target: target(),
    catalog: defaultCatalog(),
    maxFileSize: 1024 * 1024,
    jobs: 2,
    store,
    ...extra,
  };
}

/**
 * Waits up to a second for the message ports of stopped worker threads to
 * close; returns whether they all did. A worker left running keeps its port.
 */
async function workerPortsClosed(): Promise<boolean> {
  const open = () => process.getActiveResourcesInfo().filter((r) => r === "MessagePort").length;
  for (let i = 0; i < 100 && open() > 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return open() === 0;
}

describe("runAssessment", () => {
  let root: string;
  before(() => {
    root = writeFixtureFolder();
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it("assesses the SQL files and lists every skipped input with its reason", async () => {
    const store = new RecordingStore();
    const result = await runAssessment(options(root, store));
    assert.ok(result.ok, result.ok ? "" : result.error);

    const a = result.assessment;
    assert.deepEqual(a.units.map((u) => u.file), ASSESSED);
    assert.deepEqual(a.skipped.map((s) => `${s.file} ${s.reason}`), SKIPPED);
    assert.equal(a.units[2]!.encoding, "utf-16le");
    assert.equal(a.summary.files, 3);
    assert.equal(a.summary.lines, a.units.reduce((n, u) => n + u.lines, 0));
    assert.equal(a.summary.bytes, a.units.reduce((n, u) => n + u.bytes, 0));
    assert.equal(a.target, "babelfish@" + target().version);
  });

  it("finds CHECKPOINT, in the procedure and in the UTF-16 file, as not supported", async () => {
    const result = await runAssessment(options(root, new RecordingStore()));
    assert.ok(result.ok);
    const checkpoints = result.assessment.findings.filter((f) => f.featureId === "statement.checkpoint");
    assert.deepEqual(
      checkpoints.map((f) => `${f.file}:${f.line}:${f.column} ${f.status} ${f.object}`),
      ["procs/checkpoint.sql:4:5 notSupported dbo.FlushLog", "unicode/utf16.sql:2:1 notSupported "],
    );
    assert.ok(result.assessment.summary.findingsByStatus.notSupported >= 2);
    assert.ok(result.assessment.summary.effort.high > 0);
  });

  it("writes to the store in walk order and commits once", async () => {
    const store = new RecordingStore();
    store.delayMs = 2;
    const result = await runAssessment(options(root, store, { jobs: 3 }));
    assert.ok(result.ok);
    assert.equal(store.calls[0], "begin test-run");
    assert.equal(store.calls.at(-1), "commit");
    assert.deepEqual(store.rows.units.map((u) => (u as { file: string }).file), ASSESSED);
    assert.deepEqual(store.rows.findings, result.assessment.findings);
    assert.deepEqual(store.summary, result.assessment.summary);
  });

  it("commits the effort breakdown, overrides and comparison", async () => {
    const store = new RecordingStore();
    const compare = parseTarget("postgresql@17");
    assert.ok(compare.ok);
    const overrides = {
      features: [],
      rates: [{ rates: "perOccurrence" as const, complexity: "low" as const, from: { low: 0.05, high: 0.25 }, to: { low: 1, high: 2 } }],
    };
    const occurrenceRates = { low: { low: 1, high: 2 }, medium: { low: 1, high: 2 }, high: { low: 1, high: 2 } };
    const result = await runAssessment(
      options(root, store, { compare: compare.target, appliedOverrides: overrides, occurrenceRates }),
    );
    assert.ok(result.ok, result.ok ? "" : result.error);

    const a = result.assessment;
    assert.deepEqual(store.details?.effort, a.effort);
    assert.deepEqual(store.details?.comparison, a.comparison);
    assert.deepEqual(store.details?.overrides, overrides);
    assert.deepEqual(a.effort?.total, a.summary.effort);
    assert.deepEqual(a.effort?.rates.perOccurrence, occurrenceRates);
    assert.equal(a.comparison?.candidate, "postgresql@17");
    const checkpoint = [...(a.comparison?.stillBlocking ?? []), ...(a.comparison?.changed ?? [])]
      .find((f) => f.featureId === "statement.checkpoint");
    assert.equal(checkpoint?.occurrences, 2);
  });

  it("leaves comparison and overrides out when not asked", async () => {
    const store = new RecordingStore();
    const result = await runAssessment(options(root, store));
    assert.ok(result.ok);
    assert.equal(result.assessment.comparison, undefined);
    assert.equal(result.assessment.overrides, undefined);
    assert.ok(result.assessment.effort);
    assert.deepEqual(Object.keys(store.details ?? {}), ["effort"]);
  });

  it("produces the same assessment with one worker and with four", async () => {
    const one = await runAssessment(options(root, new RecordingStore(), { jobs: 1 }));
    const four = await runAssessment(options(root, new RecordingStore(), { jobs: 4 }));
    assert.ok(one.ok && four.ok);
    const strip = (a: typeof one.assessment) => ({ ...a, summary: { ...a.summary, elapsedMs: 0 } });
    assert.deepEqual(strip(one.assessment), strip(four.assessment));
  });

  it("assesses standard input and keeps its text for the code view", async () => {
    const result = await runAssessment(
      options(root, new RecordingStore(), {
        sources: ["-"],
        readStdin: async () => Buffer.from("CHECKPOINT\nGO\n"),
      }),
    );
    assert.ok(result.ok);
    assert.deepEqual(result.assessment.units.map((u) => u.file), ["<stdin>"]);
    assert.equal(result.texts.get("<stdin>"), "CHECKPOINT\nGO\n");
    assert.equal(result.assessment.findings[0]?.featureId, "statement.checkpoint");
  });

  it("aborts the writer and reports an interrupted run", async () => {
    const store = new RecordingStore();
    store.delayMs = 20;
    const controller = new AbortController();
    const run = runAssessment(
      options(root, store, {
        signal: controller.signal,
        onProgress: () => controller.abort(),
      }),
    );
    const result = await run;
    assert.equal(result.ok, false);
    assert.ok(!result.ok && result.aborted);
    assert.equal(store.calls.at(-1), "abort");
    assert.ok(!store.calls.includes("commit"));
  });

  it("stops its workers when begin fails", async () => {
    class FailingStore extends RecordingStore {
      override async beginAssessment(): Promise<never> {
        throw new Error("cannot begin assessment 'test-run': the store is read-only");
      }
    }
    const store = new FailingStore();
    await workerPortsClosed();

    const result = await runAssessment(options(root, store));

    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.aborted, false);
    assert.match(!result.ok ? result.error : "", /the store is read-only/);
    assert.deepEqual(store.calls, []);
    // The pool starts before the store begins, so the run must stop it.
    assert.equal(await workerPortsClosed(), true);
  });

  it("reports progress with totals scanned before the run", async () => {
    const seen: number[] = [];
    let totalFiles = 0;
    const result = await runAssessment(
      options(root, new RecordingStore(), {
        onProgress: (p) => {
          seen.push(p.files);
          totalFiles = p.totals?.files ?? -1;
        },
      }),
    );
    assert.ok(result.ok);
    // Files to read: the walk itself skips the dangling link and notes.txt.
    assert.equal(totalFiles, 6);
    assert.deepEqual(seen, [1, 2, 3, 4, 5, 6]);
  });

  it("skips a file over --max-file-size and assesses the rest", async () => {
    const result = await runAssessment(options(root, new RecordingStore(), { maxFileSize: 110 }));
    assert.ok(result.ok);
    const tooLarge = result.assessment.skipped.filter((s) => s.reason === "too-large").map((s) => s.file);
    assert.deepEqual(tooLarge, ["broken-utf16.sql", "unicode/utf16.sql"]);
    assert.deepEqual(result.assessment.units.map((u) => u.file), ["procs/checkpoint.sql", "tables/orders.sql"]);
  });
});
