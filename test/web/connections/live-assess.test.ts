/**
 * Assessing a live server through a saved connection and the job runner,
 * against the Kestrel fixture server over TLS on 127.0.0.1, into an
 * embedded store. The login's password is a canary: afterwards no file of
 * the data folder may contain it.
 */

import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { openStore } from "../../../src/store/open-store.js";
import type { Store } from "../../../src/store/store.js";
import { savedConnectionJobSource, SavedConnections, type ConnectionInput } from "../../../src/web/connections/index.js";
import { JobRunner } from "../../../src/web/jobs/index.js";
import { startFixtureServer, type RunningFixtureServer } from "../../helpers/sqlserver-fixture/index.js";
import { kestrelServer } from "../../helpers/sqlserver-fixture/kestrel/index.js";
import { findInFiles } from "../../store/canary.js";
import { babelfish, finalSnapshot } from "../jobs/job-helpers.js";

const LOGIN = "infio_reader";
const CANARY_PASSWORD = `canary-pw-${randomBytes(6).toString("hex")}`;

describe("live assessment through a saved connection", { concurrency: false }, () => {
  const work = mkdtempSync(join(tmpdir(), "infio-live-web-"));
  const dataDir = join(work, "data");
  const caFile = join(work, "test-ca.pem");
  let server: RunningFixtureServer;
  let store: Store;
  let connections: SavedConnections;
  let runner: JobRunner;
  let input: ConnectionInput;

  before(async () => {
    server = await startFixtureServer(kestrelServer(), {
      logins: [{ userName: LOGIN, password: CANARY_PASSWORD }],
    });
    writeFileSync(caFile, server.certificates.ca);
    const opened = await openStore("embedded", { dataDir });
    if (!opened.ok) {
      throw opened.error;
    }
    store = opened.store;
    connections = new SavedConnections({ store, dataDir });
    runner = new JobRunner({ store, workerThreads: 2 });
    input = {
      name: "Kestrel",
      server: `${server.tds.host},${server.tds.port}`,
      user: LOGIN,
      caFile,
      serverName: "localhost",
      password: CANARY_PASSWORD,
    };
  });
  after(async () => {
    await runner?.close();
    connections?.close();
    await store?.close();
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it("stores the server's inventory and findings", async () => {
    const saved = await connections.create(input, "alice");
    const job = runner.submit({ owner: "alice", source: savedConnectionJobSource(connections, saved), target: babelfish() });
    const end = await finalSnapshot(runner, job.id);

    assert.equal(end.state, "done", end.error);
    assert.equal(end.kind, "connection");
    assert.equal(end.label, "Kestrel");
    assert.deepEqual(end.warnings, []);
    assert.ok(end.progress.units > 0, "no module was assessed");
    assert.ok(end.progress.findings > 0, "no finding was counted");

    const a = await store.getAssessment(end.assessmentId!);
    assert.ok(a, "the assessment is not in the store");
    assert.deepEqual(a.sources, [input.server]);
    assert.equal(a.live?.server.name, "KESTREL-SQL01");
    assert.equal(a.live?.server.tlsVerificationDisabled, false);
    assert.ok(a.units.some((u) => u.file.startsWith("KestrelColdChain.")), "no KestrelColdChain module");
    assert.equal(end.progress.findings, a.findings.length);

    const logins = server.tds.connections.filter((c) => c.login !== undefined);
    assert.ok(logins.length > 0);
    for (const connection of logins) {
      assert.equal(connection.encryption, "full");
      assert.equal(connection.login?.userName, LOGIN);
    }
  });

  it("hides a wrong password", async () => {
    const wrong = `wrong-${randomBytes(6).toString("hex")}`;
    const saved = await connections.create({ ...input, name: "Kestrel, wrong password", password: wrong }, "alice");
    const job = runner.submit({ owner: "alice", source: savedConnectionJobSource(connections, saved), target: babelfish() });
    const end = await finalSnapshot(runner, job.id);

    assert.equal(end.state, "failed");
    assert.ok(end.error?.includes(`'${input.server}'`), `the error does not name the server: ${end.error}`);
    assert.match(end.error ?? "", /login failed/i);
    assert.equal(end.error?.includes(wrong), false);
    assert.equal(end.error?.includes(CANARY_PASSWORD), false);
    assert.equal(await connections.remove(saved.id), true);
  });

  it("warns about an unverified certificate", async () => {
    const saved = await connections.create(
      { ...input, name: "Kestrel, unverified", caFile: "", trustServerCertificate: true },
      "alice",
    );
    const job = runner.submit({ owner: "alice", source: savedConnectionJobSource(connections, saved), target: babelfish() });
    const end = await finalSnapshot(runner, job.id);

    assert.equal(end.state, "done", end.error);
    assert.equal(end.warnings.length, 1);
    assert.match(end.warnings[0]!, /is not verified/);
    const a = await store.getAssessment(end.assessmentId!);
    assert.equal(a?.live?.server.tlsVerificationDisabled, true);
  });

  it("keeps the password out of files", async () => {
    await runner.close();
    connections.close();
    await store.close();

    assert.deepEqual(findInFiles(dataDir, [CANARY_PASSWORD]), []);

    // The search must be able to find it: the same check on a file that contains it.
    const control = mkdtempSync(join(tmpdir(), "infio-canary-control-"));
    try {
      writeFileSync(join(control, "plain.txt"), `password=${CANARY_PASSWORD}`);
      assert.equal(findInFiles(control, [CANARY_PASSWORD]).length, 1);
    } finally {
      rmSync(control, { recursive: true, force: true });
    }

    const reopened = await openStore("embedded", { dataDir });
    assert.ok(reopened.ok);
    store = reopened.store;
    connections = new SavedConnections({ store, dataDir });
    runner = new JobRunner({ store, workerThreads: 1 });
    const [saved] = await connections.list();
    const target = await connections.openForAssessment(saved!.id);
    assert.equal(target?.settings.password.reveal(), CANARY_PASSWORD, "the sealed password no longer opens");
  });
});
