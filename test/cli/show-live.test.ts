/** `infio show` of an assessment of a live server: the server and what was read. */

import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { renderSummary, summaryJson } from "../../src/cli/show.js";
import { HOSTILE_DATABASE, liveAssessment, SERVER_ADDRESS, sampleLive } from "../report/sample-live.js";
import { sampleAssessment } from "../report/sample-assessment.js";

describe("infio show: live server", () => {
  it("names the server, its version and the certificate check", () => {
    const text = renderSummary(liveAssessment());
    assert.match(text, /^Server {6}KESTREL-SQL01 \('kestrel-sql01\.corp\.example,1433'\)$/m);
    assert.match(text, /^Version {5}SQL Server 16\.0\.4135\.4, Enterprise Edition \(64-bit\)$/m);
    assert.match(text, /^Collected {3}2024-05-01T09:29:00\.000Z$/m);
    assert.match(text, /^Certificate verified$/m);
  });

  it("lists the databases read and those not read with the reason", () => {
    const text = renderSummary(liveAssessment());
    assert.ok(text.includes(`Databases   2 read: ${HOSTILE_DATABASE}, KestrelColdChain\n`), text);
    assert.match(text, /^Not read {4}1 database: Archive \(database-unavailable\)$/m);
    assert.match(text, /^Problems {4}4: database-unavailable 1, encrypted 1, permission-denied 1, timeout 1$/m);
  });

  it("warns when the certificate was not verified", () => {
    const live = sampleLive();
    const text = renderSummary(liveAssessment({ server: { ...live.server, tlsVerificationDisabled: true } }));
    assert.match(text, /^Certificate NOT verified \(--trust-server-certificate\)/m);
  });

  it("escapes control characters in server values", () => {
    const live = sampleLive();
    const text = renderSummary(liveAssessment({ server: { ...live.server, name: "KESTREL\u001b[2J\u202e" } }));
    assert.ok(text.includes("KESTREL\\x1b[2J\\u202e"), text);
  });

  it("adds the live section to --json", () => {
    const json = summaryJson(liveAssessment()) as Record<string, any>;
    assert.equal(json.live.server.address, SERVER_ADDRESS);
    assert.equal(json.live.server.version, "16.0.4135.4");
    assert.equal(json.live.server.tlsVerificationDisabled, false);
    assert.deepEqual(json.live.databasesRead, [HOSTILE_DATABASE, "KestrelColdChain"].sort());
    assert.deepEqual(json.live.databasesNotRead.map((d: { database: string; reason: string }) => `${d.database} ${d.reason}`), [
      "Archive database-unavailable",
    ]);
    assert.equal(json.live.problems, 4);
  });

  it("leaves the live section out for scripts", () => {
    const json = summaryJson(sampleAssessment()) as Record<string, unknown>;
    assert.equal("live" in json, false);
    assert.doesNotMatch(renderSummary(sampleAssessment()), /^Server /m);
  });

  it("prints the size in binary units", () => {
    const a = sampleAssessment();
    const text = renderSummary({ ...a, summary: { ...a.summary, bytes: 3 * 1024 * 1024 } });
    assert.match(text, /size 3 MiB/);
  });
});
