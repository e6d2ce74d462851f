import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { SqlAuditLog } from "../../../src/security/audit/sql-log.js";
import type { AuditVerification } from "../../../src/security/audit/verify.js";
import type { SqlConnection } from "../../../src/store/connection.js";
import { openPgliteConnection } from "../../../src/store/pglite-connection.js";
import { tempDir } from "../temp-dir.js";

let connection: SqlConnection;

before(async () => {
  connection = await openPgliteConnection(join(await tempDir(), "pglite"));
});

after(async () => {
  await connection.close();
});

async function freshLog(count: number): Promise<SqlAuditLog> {
  await connection.exec("drop table if exists infio_audit_log; drop table if exists infio_audit_head");
  const opened = await SqlAuditLog.open(connection);
  assert.ok(opened.ok, opened.ok ? "" : opened.error.message);
  for (let i = 1; i <= count; i++) {
    const appended = await opened.value.append({
      actor: { kind: "console-user", name: "alice" },
      action: "report.read",
      outcome: "succeeded",
      objects: { assessment: `a${i}` },
    });
    assert.ok(appended.ok, appended.ok ? "" : appended.error.message);
  }
  return opened.value;
}

async function verified(log: SqlAuditLog): Promise<AuditVerification> {
  const result = await log.verify();
  assert.ok(result.ok, result.ok ? "" : result.error.message);
  return result.value;
}

function assertBroken(result: AuditVerification, kind: string, seq: number): void {
  assert.equal(result.ok, false);
  assert.equal(!result.ok && result.problem.kind, kind, !result.ok ? result.problem.message : "");
  assert.equal(!result.ok && result.problem.seq, seq);
}

describe("SqlAuditLog on PGlite", () => {
  it("appends and verifies", async () => {
    const log = await freshLog(4);
    assert.deepEqual(await verified(log), { ok: true, entries: 4, notes: [] });
    const seqs: number[] = [];
    for await (const entry of log.entries()) {
      seqs.push(entry.seq);
    }
    assert.deepEqual(seqs, [1, 2, 3, 4]);
  });

  it("pages through many entries", async () => {
    const log = await freshLog(0);
    await Promise.all(
      Array.from({ length: 520 }, () =>
        log.append({ actor: { kind: "process", name: "infio" }, action: "test.bulk", outcome: "succeeded" }),
      ),
    );
    assert.deepEqual(await verified(log), { ok: true, entries: 520, notes: [] });
  });

  it("detects an edited row", async () => {
    const log = await freshLog(4);
    await connection.query("update infio_audit_log set entry = replace(entry, 'a2', 'a9') where seq = 2");
    assertBroken(await verified(log), "edited", 2);
  });

  it("detects a deleted row", async () => {
    const log = await freshLog(4);
    await connection.query("delete from infio_audit_log where seq = 2");
    assertBroken(await verified(log), "missing", 2);
  });

  it("detects swapped rows", async () => {
    const log = await freshLog(4);
    await connection.exec(`
      update infio_audit_log set seq = -2 where seq = 2;
      update infio_audit_log set seq = 2 where seq = 3;
      update infio_audit_log set seq = 3 where seq = -2`);
    assertBroken(await verified(log), "missing", 2);
  });

  it("detects rows removed from the end", async () => {
    const log = await freshLog(4);
    await connection.query("delete from infio_audit_log where seq > 2");
    assertBroken(await verified(log), "truncated", 3);

    const appended = await log.append({ actor: { kind: "process", name: "x" }, action: "test.after", outcome: "succeeded" });
    assert.equal(!appended.ok && appended.error.code, "audit-damaged");
  });
});
