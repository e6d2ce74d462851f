/**
 * Starting and following assessment runs through the console: uploads of
 * scripts and archives into the embedded store, rejected uploads with
 * their messages, cancelling, the progress event stream, who may see a
 * run, and the audit entries.
 */

import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import type { AuditEntry } from "../../../src/security/audit/entry.js";
import { CONNECTION_ROUTES } from "../../../src/web/routes/connections.js";
import { RUN_API_ROUTES } from "../../../src/web/routes/runs-api.js";
import { RUN_ROUTES } from "../../../src/web/routes/runs.js";
import { startTestConsole, type ConsoleClient, type TestConsole } from "../../helpers/web-console.js";
import { CHECKPOINT_PROC } from "../jobs/job-helpers.js";
import { buildZip } from "../uploads/zip-writer.js";
import {
  eventually,
  parseEventStream,
  postRun,
  runEnd,
  runIdOf,
  runReaches,
  saveConnection,
  startSilentServer,
  unescaped,
  type SilentServer,
} from "./run-helpers.js";

const TABLE = "CREATE TABLE dbo.Ledger (Id int NOT NULL PRIMARY KEY);\r\nGO\r\n";

describe("assessment runs", { concurrency: false }, () => {
  let web: TestConsole;
  let assessor: ConsoleClient;
  let admin: ConsoleClient;
  let silent: SilentServer;
  let silentConnection: string;

  before(async () => {
    web = await startTestConsole({ routes: [RUN_ROUTES, RUN_API_ROUTES, CONNECTION_ROUTES] });
    assessor = await web.signInAs("assessor");
    admin = await web.signInAs("admin");
    silent = await startSilentServer();
    silentConnection = await saveConnection(web, assessor, {
      name: "Silent",
      server: silent.address,
      user: "reader",
      password: "silent-password-1",
    });
  });

  after(async () => {
    await web?.close();
    await silent?.close();
  });

  /** Starts a run through the silent server, which keeps the runner busy until it is cancelled. */
  async function holdRunner(): Promise<string> {
    const id = runIdOf(await assessor.post("/runs", { connection: silentConnection, target: "babelfish" }));
    await runReaches(web, id, "running");
    return id;
  }

  function cancel(client: ConsoleClient, id: string) {
    return client.request({ method: "POST", url: `/api/runs/${id}/cancel`, headers: { "x-csrf-token": client.csrfToken! } });
  }

  async function auditOf(action: string): Promise<AuditEntry[]> {
    return (await web.auditEntries()).filter((entry) => entry.action === action);
  }

  it("assesses an uploaded script into the store", async () => {
    const id = runIdOf(await postRun(web, assessor, { target: "babelfish@5" }, [{ name: "flush.sql", content: CHECKPOINT_PROC }]));

    const end = await runEnd(web, id);

    assert.equal(end.state, "done", end.error);
    assert.equal(end.owner, "assessor-user");
    assert.equal(end.label, "flush.sql");
    const stored = await web.services.store.getAssessment(end.assessmentId!);
    assert.ok(stored, "the assessment is not in the store");
    assert.deepEqual(stored.sources, ["flush.sql"]);
    assert.match(stored.target, /^babelfish@5\./);
    const checkpoint = stored.findings.find((f) => f.featureId === "statement.checkpoint");
    assert.equal(`${checkpoint?.file}:${checkpoint?.line}`, "flush.sql:4");
  });

  it("assesses an archive and lists unsafe entries", async () => {
    const zip = buildZip([
      { name: "procs/flush.sql", data: CHECKPOINT_PROC },
      { name: "../escape.sql", data: "SELECT 1;" },
    ]);
    const id = runIdOf(await postRun(web, assessor, { target: "postgresql@17" }, [{ name: "scripts.zip", content: zip }]));

    const end = await runEnd(web, id);

    assert.equal(end.state, "done", end.error);
    const stored = await web.services.store.getAssessment(end.assessmentId!);
    assert.deepEqual(stored?.units.map((u) => u.file), ["procs/flush.sql"]);
    assert.deepEqual(stored?.skipped.map((s) => `${s.file} ${s.reason}`), ["../escape.sql unsafe-path"]);
    assert.equal(stored?.target, "postgresql@17");
  });

  it("assesses several files as one run", async () => {
    const zip = buildZip([{ name: "flush.sql", data: CHECKPOINT_PROC }]);
    const files = [
      { name: "ledger.sql", content: TABLE },
      { name: "procs.zip", content: zip },
    ];
    const id = runIdOf(await postRun(web, assessor, { target: "babelfish" }, files));

    const end = await runEnd(web, id);

    assert.equal(end.state, "done", end.error);
    assert.equal(end.label, "ledger.sql, procs.zip");
    const stored = await web.services.store.getAssessment(end.assessmentId!);
    assert.deepEqual(stored?.units.map((u) => u.file), ["ledger.sql", "procs.zip/flush.sql"]);
  });

  it("rejects an archive of traversal entries only", async () => {
    const zip = buildZip([{ name: "../../evil.sql", data: "SELECT 1;" }]);

    const response = await postRun(web, assessor, { target: "babelfish" }, [{ name: "evil.zip", content: zip }]);

    assert.equal(response.statusCode, 422);
    const text = unescaped(response.body);
    assert.match(text, /'evil\.zip' contains no SQL script to assess/);
    assert.match(text, /the entry name '\.\.\/\.\.\/evil\.sql' contains a '\.\.' segment/);
    assert.match(text, /<form method="post" action="\/runs\?_csrf=/, "the form is not shown again");
  });

  it("rejects a zip bomb naming the entry", async () => {
    const zip = buildZip([{ name: "bomb.sql", data: "A".repeat(4 * 1024 * 1024) }]);
    const before = web.services.runner.list().length;

    const response = await postRun(web, assessor, { target: "babelfish" }, [{ name: "bomb.zip", content: zip }]);

    assert.equal(response.statusCode, 422);
    const text = unescaped(response.body);
    assert.match(text, /'bomb\.zip' is rejected as a zip bomb: entry 'bomb\.sql' declares 4 MiB/);
    assert.match(text, /over the limit of 200/);
    assert.equal(web.services.runner.list().length, before, "a run was started");
    const failed = (await auditOf("assessment.upload")).at(-1);
    assert.equal(failed?.outcome, "failed");
    assert.equal(failed?.actor.name, "assessor-user");
    assert.match(String(failed?.details.reason), /zip bomb/);
  });

  it("rejects an upload over the size limit", async () => {
    const limit = web.services.uploadLimits.maxUploadBytes;
    const big = Buffer.alloc(limit + 1, 0x20);

    const response = await postRun(web, assessor, { target: "babelfish" }, [{ name: "huge.sql", content: big }]);

    assert.equal(response.statusCode, 413);
    assert.match(unescaped(response.body), /'huge\.sql' is larger than the upload limit of 64 MiB/);
  });

  it("rejects files over the limit together", async () => {
    // Four scripts of the largest size per script fill the upload limit exactly.
    const { maxEntryBytes, maxUploadBytes } = web.services.uploadLimits;
    assert.equal(maxUploadBytes, 4 * maxEntryBytes);
    const largest = Buffer.alloc(maxEntryBytes, 0x20);
    const files = ["1", "2", "3", "4"].map((n) => ({ name: `part${n}.sql`, content: largest }));

    const response = await postRun(web, assessor, { target: "babelfish" }, [...files, { name: "last.sql", content: TABLE }]);

    assert.equal(response.statusCode, 413);
    assert.match(
      unescaped(response.body),
      /with 'last\.sql', the files of this run are larger than the upload limit of 64 MiB together/,
    );
  });

  it("rejects an archive without scripts", async () => {
    const zip = buildZip([{ name: "readme.txt", data: "notes" }]);

    const response = await postRun(web, assessor, { target: "babelfish" }, [{ name: "docs.zip", content: zip }]);

    assert.equal(response.statusCode, 422);
    assert.match(unescaped(response.body), /'docs\.zip' contains no SQL script to assess \('readme\.txt' is not a SQL script/);
  });

  it("rejects an unknown target", async () => {
    const response = await postRun(web, assessor, { target: "oracle@19" }, [{ name: "t.sql", content: TABLE }]);

    assert.equal(response.statusCode, 422);
    const text = unescaped(response.body);
    assert.match(text, /invalid target 'oracle@19': unknown product 'oracle'/);
    assert.match(text, /id="field-target"[^>]* aria-invalid="true"/);
  });

  it("rejects a form without a source", async () => {
    const response = await postRun(web, assessor, { target: "babelfish" }, []);

    assert.equal(response.statusCode, 422);
    assert.match(unescaped(response.body), /no file was uploaded; choose \.sql or \.zip files, or a saved connection/);
  });

  it("cancels a queued and a running run", async () => {
    const held = await holdRunner();
    const queued = runIdOf(await postRun(web, assessor, { target: "babelfish" }, [{ name: "t.sql", content: TABLE }]));
    assert.equal(web.services.runner.get(queued)?.state, "queued");

    const first = await cancel(assessor, queued);
    assert.equal(first.statusCode, 200);
    assert.equal(first.json().state, "cancelled");
    const second = await cancel(admin, held);
    assert.equal(second.statusCode, 200);

    const end = await runEnd(web, held);
    assert.equal(end.state, "cancelled");
    assert.ok(silent.accepted() > 0, "the run did not connect to the server");
    const again = await cancel(assessor, held);
    assert.equal(again.statusCode, 409);

    const cancels = await auditOf("run.cancel");
    assert.deepEqual(
      cancels.slice(-2).map((e) => `${e.actor.kind} ${e.actor.name} ${e.objects.run}`),
      [`console-user assessor-user ${queued}`, `console-user admin-user ${held}`],
    );
    const ended = await eventually("the held run's end entry", async () =>
      (await auditOf("assessment.run")).find((e) => e.objects.run === held && e.outcome !== "started"),
    );
    assert.equal(`${ended.actor.name} ${ended.outcome} ${String(ended.details.state)}`, "assessor-user failed cancelled");
  });

  it("streams ordered events to done", async () => {
    const held = await holdRunner();
    const id = runIdOf(await postRun(web, assessor, { target: "babelfish" }, [{ name: "flush.sql", content: CHECKPOINT_PROC }]));

    // Whether the stream starts while the run is queued depends on timing
    // here; the HTTPS test waits for its first event and checks the start.
    const streaming = assessor.get(`/api/runs/${id}/events`);
    await cancel(assessor, held);
    const response = await streaming;

    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers["content-type"]), /^text\/event-stream/);
    const { events } = parseEventStream(response.body);
    const ids = events.map((event) => Number(event.id));
    assert.deepEqual(ids, [...ids].sort((a, b) => a - b), "events out of order");
    assert.equal(new Set(ids).size, ids.length, "an event was repeated");
    const last = events.at(-1)!.data;
    assert.equal(last.state, "done");
    assert.equal(last.id, id);
    assert.equal(last.unitsDone, 1);
    assert.equal(last.unitsTotal, 1);
    assert.ok(last.findings > 0);
    assert.ok(last.assessmentId);
    assert.equal(events.filter((event) => event.data.assessmentId !== undefined).length, 1, "an assessment id before done");
  });

  it("shows a run's progress page and snapshot", async () => {
    const id = runIdOf(await postRun(web, assessor, { target: "babelfish" }, [{ name: "t.sql", content: TABLE }]));
    const end = await runEnd(web, id);

    const page = await assessor.get(`/runs/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`<div data-island="run-progress" data-run-id="${id}">`));
    assert.match(page.body, new RegExp(`<a href="/runs/${id}">Refresh</a>`));
    assert.match(page.body, /<script type="module" src="\/assets\/main-[^"]+\.js"><\/script>/);
    assert.match(page.body, new RegExp(`href="/assessments/${end.assessmentId}"`));

    const snapshot = await assessor.get(`/api/runs/${id}`);
    assert.equal(snapshot.statusCode, 200);
    assert.deepEqual(Object.keys(snapshot.json()).sort(), [
      "assessmentId",
      "elapsedMs",
      "findings",
      "id",
      "lines",
      "phase",
      "state",
      "unitsDone",
      "unitsTotal",
    ]);
    assert.equal(snapshot.json().lines, end.progress.lines);
  });

  it("hides a run from another assessor", async () => {
    const id = runIdOf(await postRun(web, assessor, { target: "babelfish" }, [{ name: "mine.sql", content: TABLE }]));
    await runEnd(web, id);
    await web.addUser("second-assessor", "assessor");
    const other = await web.signIn({ name: "second-assessor", password: "second-assessor-password-0123" });

    for (const url of [`/runs/${id}`, `/api/runs/${id}`, `/api/runs/${id}/events`]) {
      assert.equal((await other.get(url)).statusCode, 404, url);
    }
    assert.equal((await cancel(other, id)).statusCode, 404);
    const list = await other.get("/runs");
    assert.equal(list.body.includes(id), false, "the run is listed");
    const adminList = await admin.get("/runs");
    assert.ok(adminList.body.includes(id), "an admin does not see the run");
    const denied = (await auditOf("run.access")).at(-1);
    assert.equal(denied?.outcome, "denied");
    assert.equal(denied?.actor.name, "second-assessor");
  });

  it("lets a viewer start nothing", async () => {
    const viewer = await web.signInAs("viewer");
    const before = web.services.runner.list().length;

    const response = await postRun(web, viewer, { target: "babelfish" }, [{ name: "t.sql", content: TABLE }]);

    assert.equal(response.statusCode, 403);
    assert.equal(web.services.runner.list().length, before);
    assert.equal((await viewer.get("/connections")).statusCode, 403);
    assert.equal((await viewer.get("/runs")).statusCode, 403);
  });

  it("audits each run's start and end", async () => {
    const id = runIdOf(await postRun(web, assessor, { target: "babelfish" }, [{ name: "audited.sql", content: TABLE }]));
    const end = await runEnd(web, id);

    const entries = await eventually("the run's end entry", async () => {
      const found = (await auditOf("assessment.run")).filter((e) => e.objects.run === id);
      return found.length === 2 ? found : undefined;
    });
    assert.deepEqual(entries.map((e) => e.outcome), ["started", "succeeded"]);
    for (const entry of entries) {
      assert.deepEqual(entry.actor, { kind: "console-user", name: "assessor-user" });
      assert.equal(entry.objects.assessment, end.assessmentId);
    }
    assert.equal(entries[0]!.details.label, "audited.sql");
    assert.equal(entries[1]!.details.findings, end.progress.findings);
  });
});
