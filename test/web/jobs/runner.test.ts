import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { NullStore } from "../../../src/store/null-store.js";
import { SqlStore } from "../../../src/store/sql-store.js";
import { StoreError } from "../../../src/store/errors.js";
import { JobRunner, uploadJobSource, type JobEvent, type JobSource } from "../../../src/web/jobs/index.js";
import {
  babelfish,
  CHECKPOINT_PROC,
  eventsUntilEnd,
  finalSnapshot,
  heldSource,
  manyScripts,
  openTempStore,
  zipIntake,
  type TempStore,
} from "./job-helpers.js";

describe("job runner with an embedded store", { concurrency: false }, () => {
  let temp: TempStore;
  before(async () => {
    temp = await openTempStore();
  });
  after(async () => {
    await temp.remove();
  });

  it("assesses an upload into the store", async () => {
    const runner = new JobRunner({ store: temp.store, workerThreads: 1 });
    const intake = await zipIntake([
      { name: "procs/flush.sql", data: CHECKPOINT_PROC },
      { name: "tables/t.sql", data: "CREATE TABLE dbo.T (Id int NOT NULL PRIMARY KEY);\r\nGO\r\n" },
      { name: "readme.txt", data: "notes" },
      { name: "../escape.sql", data: "SELECT 1;" },
    ]);

    const job = runner.submit({ owner: "alice", source: uploadJobSource(intake), target: babelfish() });
    const events = await eventsUntilEnd(runner, job.id);
    const done = events.at(-1)!.job;

    assert.equal(done.state, "done", done.error);
    assert.equal(done.owner, "alice");
    assert.equal(done.kind, "upload");
    assert.equal(done.label, "scripts.zip");
    assert.ok(done.assessmentId);
    assert.equal(done.progress.phase, "finished");
    assert.equal(done.progress.units, 2);
    assert.equal(done.progress.unitsTotal, 2);

    const stored = await temp.store.getAssessment(done.assessmentId);
    assert.ok(stored, "the assessment is not in the store");
    assert.deepEqual(stored.sources, ["scripts.zip"]);
    assert.deepEqual(stored.units.map((u) => u.file), ["procs/flush.sql", "tables/t.sql"]);
    assert.deepEqual(
      stored.skipped.map((s) => `${s.file} ${s.reason}`),
      ["readme.txt not-sql", "../escape.sql unsafe-path"],
    );
    const checkpoint = stored.findings.find((f) => f.featureId === "statement.checkpoint");
    assert.equal(`${checkpoint?.file}:${checkpoint?.line}:${checkpoint?.column}`, "procs/flush.sql:4:5");
    assert.equal(done.progress.findings, stored.findings.length);
    assert.equal(done.progress.lines, stored.summary.lines);

    const texts = await temp.store.getUnitTexts(done.assessmentId, ["procs/flush.sql"]);
    assert.equal(texts.status, "kept");
    assert.equal(texts.texts.get("procs/flush.sql"), CHECKPOINT_PROC);
    await runner.close();
  });

  it("sends ordered events ending done", async () => {
    const runner = new JobRunner({ store: temp.store, workerThreads: 1 });
    const seen: JobEvent[] = [];
    runner.watch((event) => seen.push(event));

    const job = runner.submit({ owner: "alice", source: uploadJobSource(await manyScripts(20)), target: babelfish() });
    const streamed = await eventsUntilEnd(runner, job.id);

    const sequences = seen.map((e) => e.sequence);
    assert.deepEqual(sequences, sequences.map((_, i) => i + 1), "events are numbered from 1 without gaps");
    assert.deepEqual(
      seen.filter((e) => e.type === "state").map((e) => e.job.state),
      ["queued", "running", "done"],
    );
    const phases = [...new Set(seen.map((e) => e.job.progress.phase))];
    assert.deepEqual(phases, ["queued", "assessing", "saving", "finished"]);

    const units = seen.map((e) => e.job.progress.units);
    assert.deepEqual(units, [...units].sort((a, b) => a - b), "units never go down");
    const findings = seen.map((e) => e.job.progress.findings);
    assert.deepEqual(findings, [...findings].sort((a, b) => a - b), "findings never go down");
    assert.equal(units.at(-1), 20);

    const streamedSequences = streamed.map((e) => e.sequence);
    assert.deepEqual(streamedSequences, [...streamedSequences].sort((a, b) => a - b));
    assert.equal(streamed.at(-1)!.type, "state");
    assert.equal(streamed.at(-1)!.job.state, "done");
    await runner.close();
  });

  it("cancels a running job cleanly", async () => {
    const runner = new JobRunner({ store: temp.store, workerThreads: 1 });
    const before = (await temp.store.listAssessments()).map((a) => a.id);
    const stop = runner.watch((event) => {
      if (event.type === "progress" && event.job.progress.units === 1) {
        runner.cancel(event.job.id);
      }
    });

    const job = runner.submit({ owner: "bob", source: uploadJobSource(await manyScripts(200)), target: babelfish() });
    const end = await finalSnapshot(runner, job.id);
    stop();

    assert.equal(end.state, "cancelled");
    assert.ok(end.progress.units < 200, `${end.progress.units} units were assessed`);
    assert.equal(end.error, undefined);
    const after = (await temp.store.listAssessments()).map((a) => a.id);
    assert.deepEqual(after, before);
    assert.equal(existsSync(join(temp.dataDir, "keys", `${end.assessmentId}.json`)), false, "its data key is kept");

    const connection = (temp.store as SqlStore).connection;
    const [units] = await connection.query<{ n: number }>(
      "select count(*)::int as n from units u join assessments a using (assessment_key) where a.id = $1",
      [end.assessmentId!],
    );
    assert.equal(units?.n, 0);
    await runner.close();
  });

  it("cancels while the source opens", async () => {
    const runner = new JobRunner({ store: temp.store, workerThreads: 1 });
    const slow = heldSource("slow server", uploadJobSource(await manyScripts(1)));
    const job = runner.submit({ owner: "bob", source: slow.source, target: babelfish() });
    assert.equal(runner.get(job.id)?.progress.phase, "connecting");

    runner.cancel(job.id);
    const end = await finalSnapshot(runner, job.id);
    assert.equal(end.state, "cancelled");
    assert.equal(await temp.store.getAssessment(end.assessmentId!), undefined);
    await runner.close();
  });

  it("keeps data keys of done jobs", async () => {
    const keys = readdirSync(join(temp.dataDir, "keys")).map((name) => name.replace(/\.json$/, ""));
    const stored = (await temp.store.listAssessments()).map((a) => a.id);
    assert.deepEqual(keys.sort(), stored.sort());
  });
});

describe("job runner queue", () => {
  it("runs jobs in submission order", async () => {
    const runner = new JobRunner({ store: new NullStore(), workerThreads: 1 });
    const order: string[] = [];
    runner.watch((event) => {
      if (event.type === "state") {
        order.push(`${event.job.label} ${event.job.state}`);
      }
    });

    const intake = await manyScripts(2);
    const ids = ["a.zip", "b.zip", "c.zip"].map(
      (label) => runner.submit({ owner: "alice", source: labelled(uploadJobSource(intake), label), target: babelfish() }).id,
    );
    for (const id of ids) {
      await finalSnapshot(runner, id);
    }

    assert.deepEqual(order, [
      "a.zip queued",
      "a.zip running",
      "b.zip queued",
      "c.zip queued",
      "a.zip done",
      "b.zip running",
      "b.zip done",
      "c.zip running",
      "c.zip done",
    ]);
    await runner.close();
  });

  it("honours the configured concurrency", async () => {
    const runner = new JobRunner({ store: new NullStore(), workerThreads: 1, concurrency: 2 });
    const intake = await manyScripts(1);
    const jobs = [1, 2, 3].map(() => runner.submit({ owner: "a", source: uploadJobSource(intake), target: babelfish() }));

    assert.deepEqual(jobs.map((j) => runner.get(j.id)?.state), ["running", "running", "queued"]);
    for (const job of jobs) {
      assert.equal((await finalSnapshot(runner, job.id)).state, "done");
    }
    await runner.close();
  });

  it("cancels a queued job at once", async () => {
    const runner = new JobRunner({ store: new NullStore(), workerThreads: 1 });
    const slow = heldSource("first", uploadJobSource(await manyScripts(1)));
    const first = runner.submit({ owner: "a", source: slow.source, target: babelfish() });
    const second = runner.submit({ owner: "a", source: uploadJobSource(await manyScripts(1)), target: babelfish() });

    const cancelled = runner.cancel(second.id);
    assert.equal(cancelled?.state, "cancelled");
    assert.equal(cancelled?.progress.phase, "finished");
    assert.equal(cancelled?.startedAt, undefined);

    slow.release();
    assert.equal((await finalSnapshot(runner, first.id)).state, "done");
    assert.equal(runner.get(second.id)?.state, "cancelled", "a cancelled job never starts");
    await runner.close();
  });

  it("reports a source failure", async () => {
    const runner = new JobRunner({ store: new NullStore(), workerThreads: 1 });
    const failing: JobSource = {
      kind: "connection",
      label: "prod",
      open: async () => {
        throw new Error("cannot connect to 'sql01,1433': connection refused; check the address");
      },
    };
    const end = await finalSnapshot(runner, runner.submit({ owner: "a", source: failing, target: babelfish() }).id);
    assert.equal(end.state, "failed");
    assert.equal(end.error, "cannot connect to 'sql01,1433': connection refused; check the address");
    await runner.close();
  });

  it("reports why the store failed", async () => {
    const broken = new (class extends NullStore {
      override async beginAssessment(): Promise<never> {
        throw new StoreError("connection-failed", "cannot reach the store at postgres://db/infio; check the server");
      }
    })();
    const runner = new JobRunner({ store: broken, workerThreads: 1 });
    const source = uploadJobSource(await manyScripts(1));
    const end = await finalSnapshot(runner, runner.submit({ owner: "a", source, target: babelfish() }).id);
    assert.equal(end.state, "failed");
    assert.equal(end.error, "cannot reach the store at postgres://db/infio; check the server");
    await runner.close();
  });

  it("fails on a rejecting start hook", async () => {
    let opened = false;
    const runner = new JobRunner({
      store: new NullStore(),
      workerThreads: 1,
      hooks: {
        beforeStart: async () => {
          throw new Error("cannot write the audit log: disk full");
        },
      },
    });
    const source: JobSource = {
      kind: "upload",
      label: "x.sql",
      open: async () => {
        opened = true;
        throw new Error("unreachable");
      },
    };
    const end = await finalSnapshot(runner, runner.submit({ owner: "a", source, target: babelfish() }).id);
    assert.equal(end.state, "failed");
    assert.equal(end.error, "cannot write the audit log: disk full");
    assert.equal(opened, false);
    await runner.close();
  });

  it("calls the end hook", async () => {
    const ended: string[] = [];
    const runner = new JobRunner({
      store: new NullStore(),
      workerThreads: 1,
      hooks: { afterEnd: async (job) => void ended.push(`${job.label} ${job.state}`) },
    });
    const job = runner.submit({ owner: "a", source: uploadJobSource(await manyScripts(1)), target: babelfish() });
    await finalSnapshot(runner, job.id);
    await runner.close();
    assert.deepEqual(ended, ["many.zip done"]);
  });

  it("bounds the finished jobs", async () => {
    let now = Date.parse("2026-01-01T00:00:00Z");
    const runner = new JobRunner({
      store: new NullStore(),
      workerThreads: 1,
      maxFinishedJobs: 2,
      finishedJobTtlMs: 60_000,
      clock: () => now,
    });
    const intake = await manyScripts(1);
    const ids: string[] = [];
    for (const owner of ["a", "b", "c"]) {
      const job = runner.submit({ owner, source: uploadJobSource(intake), target: babelfish() });
      await finalSnapshot(runner, job.id);
      ids.push(job.id);
    }

    assert.deepEqual(runner.list().map((j) => j.owner), ["c", "b"]);
    assert.equal(runner.get(ids[0]!), undefined);
    assert.deepEqual(runner.list({ owner: "b" }).map((j) => j.id), [ids[1]]);

    now += 60_001;
    assert.deepEqual(runner.list(), []);
    await runner.close();
  });

  it("replays a finished job once", async () => {
    const runner = new JobRunner({ store: new NullStore(), workerThreads: 1 });
    const job = runner.submit({ owner: "a", source: uploadJobSource(await manyScripts(1)), target: babelfish() });
    await finalSnapshot(runner, job.id);

    const again = await eventsUntilEnd(runner, job.id);
    assert.deepEqual(again.map((e) => `${e.type} ${e.job.state}`), ["state done"]);
    assert.equal(runner.subscribe("no-such-job"), undefined);
    await runner.close();
  });

  it("ends a subscription on abort", async () => {
    const runner = new JobRunner({ store: new NullStore(), workerThreads: 1 });
    const slow = heldSource("slow", uploadJobSource(await manyScripts(1)));
    const job = runner.submit({ owner: "a", source: slow.source, target: babelfish() });

    const controller = new AbortController();
    const subscription = runner.subscribe(job.id, controller.signal)!;
    const first = await subscription.next();
    assert.equal(first.done, false);
    const pending = subscription.next();
    controller.abort();
    assert.equal((await pending).done, true);

    slow.release();
    assert.equal((await finalSnapshot(runner, job.id)).state, "done");
    await runner.close();
  });

  it("cancels everything on close", async () => {
    const runner = new JobRunner({ store: new NullStore(), workerThreads: 1 });
    const slow = heldSource("slow", uploadJobSource(await manyScripts(1)));
    const running = runner.submit({ owner: "a", source: slow.source, target: babelfish() });
    const queued = runner.submit({ owner: "a", source: uploadJobSource(await manyScripts(1)), target: babelfish() });

    await runner.close();
    assert.equal(runner.get(running.id)?.state, "cancelled");
    assert.equal(runner.get(queued.id)?.state, "cancelled");
    const intake = { name: "x.sql", kind: "script" as const, bytes: 1, files: [], skipped: [] };
    assert.throws(
      () => runner.submit({ owner: "a", source: uploadJobSource(intake), target: babelfish() }),
      /the assessment runner is shutting down/,
    );
  });
});

/** Gives a source another label, so that jobs over one upload can be distinguished. */
function labelled(source: JobSource, label: string): JobSource {
  return { kind: source.kind, label, open: (signal) => source.open(signal) };
}
