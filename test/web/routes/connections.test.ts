/**
 * Saved connections through the console, against the Kestrel fixture
 * server (a TDS test server with TLS on 127.0.0.1): create, validate, edit,
 * test, assess through one with a list of databases for the run, delete.
 * The login's password is a canary: no response, log line, audit entry or
 * file of the data folder may contain it.
 */

import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import type { LightMyRequestResponse } from "fastify";

import type { AuditEntry } from "../../../src/security/audit/entry.js";
import { CONNECTION_ROUTES } from "../../../src/web/routes/connections.js";
import { RUN_API_ROUTES } from "../../../src/web/routes/runs-api.js";
import { RUN_ROUTES } from "../../../src/web/routes/runs.js";
import { startTestConsole, type ConsoleClient, type TestConsole } from "../../helpers/web-console.js";
import { startFixtureServer, type RunningFixtureServer } from "../../helpers/sqlserver-fixture/index.js";
import { kestrelServer } from "../../helpers/sqlserver-fixture/kestrel/index.js";
import { findInFiles } from "../../store/canary.js";
import { closedPortAddress, runEnd, runIdOf, unescaped } from "./run-helpers.js";

const LOGIN = "infio_reader";
const CANARY_PASSWORD = `canary-pw-${randomBytes(6).toString("hex")}`;
const WRONG_PASSWORD = `wrong-pw-${randomBytes(6).toString("hex")}`;
const SECRETS = [CANARY_PASSWORD, WRONG_PASSWORD];

describe("saved connections", { concurrency: false }, () => {
  const work = mkdtempSync(join(tmpdir(), "infio-connections-"));
  const caFile = join(work, "test-ca.pem");
  let server: RunningFixtureServer;
  let web: TestConsole;
  let assessor: ConsoleClient;
  let form: Record<string, string>;
  /** Every response body and header the tests received, searched for the passwords at the end. */
  const seen: string[] = [];

  before(async () => {
    server = await startFixtureServer(kestrelServer(), { logins: [{ userName: LOGIN, password: CANARY_PASSWORD }] });
    writeFileSync(caFile, server.certificates.ca);
    web = await startTestConsole({ routes: [RUN_ROUTES, RUN_API_ROUTES, CONNECTION_ROUTES] });
    assessor = await web.signInAs("assessor");
    form = {
      name: "Kestrel",
      server: `${server.tds.host},${server.tds.port}`,
      user: LOGIN,
      password: CANARY_PASSWORD,
      caFile,
      serverName: "localhost",
      tlsMode: "on",
    };
  });

  after(async () => {
    await web?.close();
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  async function send(response: Promise<LightMyRequestResponse>): Promise<LightMyRequestResponse> {
    const received = await response;
    seen.push(received.body, JSON.stringify(received.headers));
    return received;
  }

  async function connectionId(name: string): Promise<string> {
    const saved = (await web.services.connections.list()).find((c) => c.name === name);
    assert.ok(saved, `no saved connection '${name}'`);
    return saved.id;
  }

  async function auditOf(action: string): Promise<AuditEntry[]> {
    return (await web.auditEntries()).filter((entry) => entry.action === action);
  }

  it("saves a connection without showing its password", async () => {
    const created = await send(assessor.post("/connections", form));
    assert.equal(created.statusCode, 303);
    assert.equal(created.headers.location, "/connections");
    const id = await connectionId("Kestrel");

    const list = await send(assessor.get("/connections"));
    assert.equal(list.statusCode, 200);
    assert.ok(list.body.includes("Kestrel"));
    assert.ok(list.body.includes(form.server!));
    assert.ok(list.body.includes(LOGIN));
    const edit = await send(assessor.get(`/connections/${id}/edit`));
    assert.equal(edit.statusCode, 200);
    assert.match(edit.body, /<input id="field-password" name="password" type="password" value=""/);

    const entries = await auditOf("connection.create");
    assert.deepEqual(entries.map((e) => e.outcome), ["started", "succeeded"]);
    assert.deepEqual(entries[1]!.actor, { kind: "console-user", name: "assessor-user" });
    assert.equal(entries[1]!.objects.connection, id);
    assert.equal(entries[0]!.details.user, LOGIN);
  });

  it("names the invalid field and value", async () => {
    const cases: { change: Record<string, string>; field: string; message: string }[] = [
      { change: { port: "99999", server: server.tds.host }, field: "port", message: "invalid port '99999': give a TCP port from 1 to 65535" },
      { change: { name: "" }, field: "name", message: "missing name: it is required; fill it in" },
      { change: { caFile: "relative.pem" }, field: "caFile", message: "invalid caFile 'relative.pem': give the absolute path" },
      { change: { password: "" }, field: "password", message: "missing password: enter the login's password" },
      { change: { name: "kestrel" }, field: "name", message: "invalid name 'kestrel': another saved connection has this name" },
    ];
    for (const { change, field, message } of cases) {
      const response = await send(assessor.post("/connections", { ...form, ...change }));

      assert.equal(response.statusCode, 422, field);
      const text = unescaped(response.body);
      assert.ok(text.includes(message), `${field}: ${text.slice(text.indexOf("notice"), text.indexOf("notice") + 300)}`);
      assert.match(response.body, new RegExp(`id="field-${field}"[^>]* aria-invalid="true"`), field);
      assert.equal(response.body.includes(CANARY_PASSWORD), false, `${field}: the password is shown again`);
    }
    assert.equal((await web.services.connections.list()).length, 1);
  });

  it("tests a connection and reports the version", async () => {
    const id = await connectionId("Kestrel");

    const response = await send(assessor.post(`/connections/${id}/test`));

    assert.equal(response.statusCode, 200);
    const text = unescaped(response.body);
    assert.match(text, /Connected to 'Kestrel' \([^)]+\): server\s+KESTREL-SQL01, SQL Server \d+\.\d+/);
    const tested = (await auditOf("connection.test")).at(-1);
    assert.equal(tested?.outcome, "succeeded");
    assert.equal(tested?.objects.connection, id);
  });

  it("classifies a failed test", async () => {
    await send(assessor.post("/connections", { ...form, name: "Wrong password", password: WRONG_PASSWORD }));
    await send(assessor.post("/connections", { ...form, name: "Nobody there", server: await closedPortAddress() }));

    const wrong = await send(assessor.post(`/connections/${await connectionId("Wrong password")}/test`));
    assert.equal(wrong.statusCode, 200);
    assert.match(unescaped(wrong.body), /Testing 'Wrong password' failed \(login-failed\): .*login failed/i);
    const nobody = await send(assessor.post(`/connections/${await connectionId("Nobody there")}/test`));
    assert.match(unescaped(nobody.body), /Testing 'Nobody there' failed \(unreachable\)/);

    const failed = (await auditOf("connection.test")).filter((e) => e.outcome === "failed");
    assert.deepEqual(failed.map((e) => e.details.kind), ["login-failed", "unreachable"]);
  });

  it("keeps the password when it is left blank", async () => {
    const id = await connectionId("Kestrel");

    const renamed = await send(assessor.post(`/connections/${id}`, { ...form, name: "Kestrel prod", password: "" }));
    assert.equal(renamed.statusCode, 303);
    const tested = await send(assessor.post(`/connections/${id}/test`));
    assert.match(unescaped(tested.body), /Connected to 'Kestrel prod'/);

    const moved = await send(assessor.post(`/connections/${id}`, { ...form, name: "Kestrel prod", serverName: "other.example", password: "" }));
    assert.equal(moved.statusCode, 422);
    assert.match(unescaped(moved.body), /missing password: the server, login or TLS settings changed/);
    const updates = await auditOf("connection.update");
    assert.deepEqual(updates.map((e) => e.outcome), ["started", "succeeded", "started", "failed"]);
    assert.equal(updates[0]!.details.passwordChanged, false);
  });

  it("assesses the databases chosen for the run", async () => {
    const id = await connectionId("Kestrel prod");
    const answeredBefore = server.record.answered.length;

    const started = await send(assessor.post("/runs", { connection: id, databases: "KestrelColdChain\n", target: "babelfish" }));
    const end = await runEnd(web, runIdOf(started));

    assert.equal(end.state, "done", end.error);
    assert.equal(end.kind, "connection");
    const stored = await web.services.store.getAssessment(end.assessmentId!);
    assert.ok(stored?.live, "the assessment has no live part");
    assert.deepEqual(stored.sources, [form.server]);
    // Server-level parts (logins, Agent jobs) read master and msdb; no other user database is read.
    const queried = new Set(server.record.answered.slice(answeredBefore).map((a) => a.database));
    assert.deepEqual([...queried].sort(), ["KestrelColdChain", "master", "msdb"]);
    const unitDatabases = new Set(stored.units.map((u) => u.file.split(".")[0]));
    assert.deepEqual([...unitDatabases].sort(), ["KestrelColdChain", "agent", "server"]);
    await send(assessor.get(`/runs/${end.id}`));
    await send(assessor.get(`/api/runs/${end.id}`));
  });

  it("rejects an invalid database list for a run", async () => {
    const id = await connectionId("Kestrel prod");
    const before = web.services.runner.list().length;

    const response = await send(assessor.post("/runs", { connection: id, databases: `${"d".repeat(129)}\n`, target: "babelfish" }));

    assert.equal(response.statusCode, 422);
    assert.match(unescaped(response.body), /invalid databases 'd{129}': it is 129 characters long, over the limit of 128/);
    assert.equal(web.services.runner.list().length, before);
  });

  it("deletes a connection", async () => {
    const id = await connectionId("Wrong password");

    const response = await send(assessor.post(`/connections/${id}/delete`));

    assert.equal(response.statusCode, 303);
    assert.equal(await web.services.connections.get(id), undefined);
    assert.equal((await send(assessor.get(`/connections/${id}/edit`))).statusCode, 404);
    const deleted = await auditOf("connection.delete");
    assert.deepEqual(deleted.map((e) => `${e.outcome} ${e.objects.connection}`), [`started ${id}`, `succeeded ${id}`]);
  });

  it("keeps the passwords out of responses, logs and files", async () => {
    assert.ok(seen.length > 20, "too few responses were checked");
    for (const secret of SECRETS) {
      assert.equal(seen.some((text) => text.includes(secret)), false, "a response contains a password");
      assert.equal(web.logs.some((line) => line.includes(secret)), false, "a log line contains a password");
      assert.equal(JSON.stringify(await web.auditEntries()).includes(secret), false, "an audit entry contains a password");
    }
    assert.deepEqual(findInFiles(web.dataDir, SECRETS), []);

    // The search finds what it looks for: the fixture server received the password.
    assert.ok(server.tds.connections.some((c) => c.login?.password === CANARY_PASSWORD), "the password never reached the server");
  });
});
