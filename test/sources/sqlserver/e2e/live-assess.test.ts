/**
 * `infio assess --server` and `infio collect` end to end against the
 * Kestrel fixture server. Covers TDS 7.4 with TLS and TDS 8.0 strict,
 * permission problems and a failing database that still give a stored
 * assessment, and a bundle that gives the same findings as the live run.
 */

import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import type { Assessment } from "../../../../src/assessment/model.js";
import type { RunningFixtureServer } from "../../../helpers/sqlserver-fixture/index.js";
import { kestrelServer } from "../../../helpers/sqlserver-fixture/kestrel/index.js";
import { testCertificates } from "../../../helpers/tds-server/index.js";
import {
  addressOf,
  assessmentIdOf,
  connectionArgs,
  LiveWorkspace,
  startServer,
} from "./live-harness.js";

/** SHA-256 of what the analysis found, in order: findings, units, objects, skipped inputs. */
function findingsHash(a: Assessment): string {
  const hash = createHash("sha256");
  for (const f of a.findings) {
    hash.update(JSON.stringify([f.featureId, f.detail ?? "", f.status, f.file, f.line, f.column, f.object, f.message]));
  }
  for (const u of a.units) {
    hash.update(JSON.stringify(u));
  }
  for (const o of a.objects) {
    hash.update(JSON.stringify(o));
  }
  for (const s of a.skipped) {
    hash.update(JSON.stringify(s));
  }
  return hash.digest("hex");
}

/** Checks what every successful live run must store. */
function assertLiveAssessment(a: Assessment, address: string): void {
  assert.deepEqual(a.sources, [address]);
  assert.ok(a.live, "the assessment has no live part");
  assert.equal(a.live.server.name, "KESTREL-SQL01");
  assert.equal(a.live.server.address, address);
  assert.ok(Object.keys(a.live.inventory).length > 0, "no inventory part was stored");
  assert.ok(a.units.length > 0, "no module was assessed");
  assert.ok(a.units.some((u) => u.file.startsWith("KestrelColdChain.")), "no KestrelColdChain module");
  assert.ok(a.findings.some((f) => f.file.startsWith("KestrelColdChain.")), "no finding in KestrelColdChain");
  assert.ok(a.skipped.some((s) => s.reason === "encrypted"), "the encrypted Archive module is not listed");
}

describe("infio assess --server, end to end", { concurrency: false }, () => {
  const workspace = new LiveWorkspace();
  let server: RunningFixtureServer;

  before(async () => {
    server = await startServer(kestrelServer());
    await workspace.prepare(server.certificates.ca, { keyFile: true });
  });
  after(async () => {
    await server?.close();
    workspace.remove();
  });

  let liveId: string;

  it("stores inventory, findings and problems over TDS 7.4 with TLS", async () => {
    const run = await workspace.infio([
      "assess", ...connectionArgs(server, workspace), "--out", join(workspace.root, "report"), "--jobs", "2",
    ]);
    assert.equal(run.code, 0, run.stderr);
    liveId = assessmentIdOf(run);
    assert.match(run.stderr, /TDS 7\.4 with TLS, certificate verified for 'localhost'/);
    assert.equal(run.stderr.includes("correct horse"), false);

    const a = await workspace.assessment(liveId);
    assertLiveAssessment(a, addressOf(server));
    assert.equal(a.live?.server.tlsVerificationDisabled, false);
    assert.deepEqual(
      a.live?.problems.map((p) => [p.reason, p.database]),
      [
        ["database-unavailable", "KestrelReporting"],
        ["database-unavailable", "KestrelColdChain_Drill"],
      ],
      "the minimal login misses nothing, and the two databases that are not ONLINE are not read",
    );
    const html = readFileSync(join(workspace.root, "report", "assessment.html"), "utf8");
    const notRead = html.slice(html.indexOf('<section id="not-read">'));
    assert.ok(notRead.includes("KestrelReporting"), "Not read names the OFFLINE database");
    assert.ok(notRead.includes("KestrelColdChain_Drill"), "Not read names the RESTORING database");

    const connections = server.tds.connections.filter((c) => c.login !== undefined);
    assert.ok(connections.length > 0);
    for (const connection of connections) {
      assert.equal(connection.encryption, "full");
      assert.equal(connection.login?.readOnlyIntent, true);
    }
  });

  it("writes a bundle that assesses to the same findings", async () => {
    const bundle = join(workspace.root, "kestrel.infio");
    const collected = await workspace.infio([
      "collect", ...connectionArgs(server, workspace), "--out", bundle, "--key-file", workspace.keyFile,
    ]);
    assert.equal(collected.code, 0, collected.stderr);
    assert.equal(statSync(bundle).mode & 0o777, 0o600);

    const assessed = await workspace.infio([
      "assess", "--bundle", bundle, "--key-file", workspace.keyFile, "--out", join(workspace.root, "bundle-report"),
      "--jobs", "1",
    ]);
    assert.equal(assessed.code, 0, assessed.stderr);
    const fromBundle = await workspace.assessment(assessmentIdOf(assessed));
    const live = await workspace.assessment(liveId);
    assert.equal(fromBundle.findings.length, live.findings.length);
    assert.equal(findingsHash(fromBundle), findingsHash(live));
    assert.deepEqual(fromBundle.live?.inventory, live.live?.inventory);
    assert.deepEqual(fromBundle.live?.problems, live.live?.problems);
  });

  it("stores the parts the login may not read as problems", async () => {
    const denied = await startServer({
      ...kestrelServer(),
      faults: { deniedViews: ["msdb.dbo.sysjobs", "sys.server_event_sessions"] },
    });
    try {
      const run = await workspace.infio(["assess", ...connectionArgs(denied, workspace), "--store", "embedded", "--out", join(workspace.root, "r-denied")]);
      assert.equal(run.code, 0, run.stderr);
      const a = await workspace.assessment(assessmentIdOf(run));
      assertLiveAssessment(a, addressOf(denied));
      const problems = a.live?.problems.filter((p) => p.reason === "permission-denied") ?? [];
      assert.ok(problems.length >= 2, JSON.stringify(a.live?.problems, null, 2));
      assert.ok(problems.some((p) => p.message.includes("sysjobs")));
      assert.ok(problems.some((p) => p.message.includes("server_event_sessions")));
    } finally {
      await denied.close();
    }
  });

  it("stores the rest of the server when one database fails", async () => {
    const failing = await startServer({ ...kestrelServer(), faults: { failingDatabases: ["Archive"] } });
    try {
      const run = await workspace.infio(["assess", ...connectionArgs(failing, workspace), "--out", join(workspace.root, "r-failing")]);
      assert.equal(run.code, 0, run.stderr);
      const a = await workspace.assessment(assessmentIdOf(run));
      assert.ok(a.units.some((u) => u.file.startsWith("KestrelColdChain.")));
      assert.equal(a.units.some((u) => u.file.startsWith("Archive.")), false);
      const problem = a.live?.problems.find((p) => p.database === "Archive");
      assert.ok(problem, JSON.stringify(a.live?.problems, null, 2));
      assert.match(problem.message, /Archive/);
      assert.match(run.stderr, /Archive/);
    } finally {
      await failing.close();
    }
  });

  it("connects with TDS 8.0 strict encryption", async () => {
    const strict = await startServer(kestrelServer(), { requireStrict: true });
    try {
      const run = await workspace.infio([
        "assess", ...connectionArgs(strict, workspace, ["--tls", "strict"]), "--out", join(workspace.root, "r-strict"),
      ]);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stderr, /TDS 8\.0 \(strict TLS\)/);
      assertLiveAssessment(await workspace.assessment(assessmentIdOf(run)), addressOf(strict));
      const connections = strict.tds.connections.filter((c) => c.login !== undefined);
      assert.ok(connections.length > 0);
      assert.ok(connections.every((c) => c.encryption === "strict"));
    } finally {
      await strict.close();
    }
  });

  it("records --trust-server-certificate in the log and the assessment", async () => {
    const certificates = await testCertificates();
    const untrusted = await startServer(kestrelServer(), { tls: certificates.untrusted });
    try {
      const args = connectionArgs(untrusted, workspace).filter((a, i, all) => a !== "--tls-ca" && all[i - 1] !== "--tls-ca");
      const run = await workspace.infio(["assess", ...args, "--trust-server-certificate", "--out", join(workspace.root, "r-trust")]);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stderr, /warn .*is not verified \(--trust-server-certificate\)/);
      assert.match(run.stderr, /certificate NOT verified/);
      const a = await workspace.assessment(assessmentIdOf(run));
      assert.equal(a.live?.server.tlsVerificationDisabled, true);
    } finally {
      await untrusted.close();
    }
  });
});
