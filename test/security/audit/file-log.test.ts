import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

import { entryHash, entryLine, type AuditEntry, type AuditEvent } from "../../../src/security/audit/entry.js";
import { FileAuditLog } from "../../../src/security/audit/file-log.js";
import type { AuditVerification } from "../../../src/security/audit/verify.js";
import { createRedactor } from "../../../src/security/secrets/redact.js";
import { Secret } from "../../../src/security/secrets/secret.js";
import { tempDir } from "../temp-dir.js";

const CHILD = fileURLToPath(new URL("./append-child.js", import.meta.url));

function event(index: number): AuditEvent {
  return {
    actor: { kind: "os-user", name: "dba" },
    action: "assessment.started",
    outcome: "started",
    objects: { server: "sql1", database: "Sales", assessment: `a${index}` },
    details: { index, sources: ["./scripts"] },
  };
}

async function logWith(count: number, macKey?: Uint8Array): Promise<FileAuditLog> {
  const log = new FileAuditLog(join(await tempDir(), "audit", "audit.jsonl"), macKey === undefined ? {} : { macKey });
  for (let i = 1; i <= count; i++) {
    const appended = await log.append(event(i));
    assert.ok(appended.ok, appended.ok ? "" : appended.error.message);
  }
  return log;
}

async function verified(log: FileAuditLog): Promise<AuditVerification> {
  const result = await log.verify();
  assert.ok(result.ok, result.ok ? "" : result.error.message);
  return result.value;
}

async function lines(log: FileAuditLog): Promise<string[]> {
  return (await readFile(log.path, "utf8")).split("\n").slice(0, -1);
}

async function rewrite(log: FileAuditLog, edit: (lines: string[]) => string[]): Promise<void> {
  const edited = edit(await lines(log));
  await writeFile(log.path, edited.map((line) => `${line}\n`).join(""));
}

function assertBroken(result: AuditVerification, kind: string, seq: number, pattern: RegExp): void {
  assert.equal(result.ok, false, "verification passed");
  if (!result.ok) {
    assert.equal(result.problem.kind, kind, result.problem.message);
    assert.equal(result.problem.seq, seq, result.problem.message);
    assert.match(result.problem.message, pattern);
  }
}

describe("FileAuditLog", () => {
  it("chains entries", async () => {
    const log = await logWith(3);
    const entries: AuditEntry[] = [];
    for await (const entry of log.entries()) {
      entries.push(entry);
    }

    assert.deepEqual(entries.map((e) => e.seq), [1, 2, 3]);
    assert.equal(entries[0]!.prev, "0".repeat(64));
    assert.equal(entries[1]!.prev, entries[0]!.hash);
    assert.equal(entries[2]!.prev, entries[1]!.hash);
    assert.equal(entries[1]!.objects.database, "Sales");
    assert.deepEqual(await verified(log), { ok: true, entries: 3, notes: [] });
  });

  it("writes owner-only files", { skip: process.platform === "win32" }, async () => {
    const log = await logWith(1);
    assert.equal((await stat(log.path)).mode & 0o777, 0o600);
    assert.equal((await stat(log.headPath)).mode & 0o777, 0o600);
  });

  it("verifies an empty log", async () => {
    const log = new FileAuditLog(join(await tempDir(), "none.jsonl"));
    assert.deepEqual(await verified(log), { ok: true, entries: 0, notes: [] });
  });

  it("detects an edited entry", async () => {
    const log = await logWith(5);
    await rewrite(log, (all) => all.map((line, i) => (i === 2 ? line.replace('"Sales"', '"Payroll"') : line)));
    assertBroken(await verified(log), "edited", 3, /line 3: entry 3 was edited/);
  });

  it("detects an edit with a recomputed hash", async () => {
    const log = await logWith(5);
    await rewrite(log, (all) =>
      all.map((line, i) => {
        if (i !== 1) {
          return line;
        }
        const entry = JSON.parse(line) as AuditEntry;
        const forged = { ...entry, outcome: "failed" as const };
        return entryLine({ ...forged, hash: entryHash(forged) }).trimEnd();
      }),
    );
    assertBroken(await verified(log), "broken-link", 3, /line 3: entry 3 does not follow entry 2/);
  });

  it("detects a deleted entry", async () => {
    const log = await logWith(5);
    await rewrite(log, (all) => all.filter((_, i) => i !== 2));
    assertBroken(await verified(log), "missing", 3, /line 3: expected entry 3, found entry 4: entry 3 is missing/);
  });

  it("detects deleted entries", async () => {
    const log = await logWith(6);
    await rewrite(log, (all) => all.filter((_, i) => i !== 1 && i !== 2));
    assertBroken(await verified(log), "missing", 2, /entries 2 to 3 are missing/);
  });

  it("detects reordered entries", async () => {
    const log = await logWith(5);
    await rewrite(log, (all) => [all[0]!, all[2]!, all[1]!, all[3]!, all[4]!]);
    assertBroken(await verified(log), "missing", 2, /expected entry 2, found entry 3/);
  });

  it("detects a repeated entry", async () => {
    const log = await logWith(3);
    await rewrite(log, (all) => [all[0]!, all[1]!, all[1]!, all[2]!]);
    assertBroken(await verified(log), "reordered", 3, /expected entry 3, found entry 2 again/);
  });

  it("detects entries removed from the end", async () => {
    const log = await logWith(5);
    await rewrite(log, (all) => all.slice(0, 3));
    assertBroken(await verified(log), "truncated", 4, /ends at entry 3, but its head records entry 5: entries 4 to 5 were removed/);
  });

  it("detects an emptied log", async () => {
    const log = await logWith(2);
    await writeFile(log.path, "");
    assertBroken(await verified(log), "truncated", 1, /entries 1 to 2 were removed/);
  });

  it("detects a cut inside the last entry", async () => {
    const log = await logWith(3);
    const text = await readFile(log.path, "utf8");
    await writeFile(log.path, text.slice(0, text.length - 20));
    assertBroken(await verified(log), "incomplete", 3, /line 3: entry 3 is incomplete/);
  });

  it("detects a line that is not an entry", async () => {
    const log = await logWith(3);
    await rewrite(log, (all) => [all[0]!, "{}", all[1]!, all[2]!]);
    assertBroken(await verified(log), "malformed", 2, /line 2: expected entry 2, but its seq, time/);
  });

  it("detects a damaged head", async () => {
    const log = await logWith(3);
    await writeFile(log.headPath, "not json");
    assertBroken(await verified(log), "head-invalid", 3, /head record is damaged/);
  });

  it("detects a deleted head", async () => {
    const log = await logWith(3);
    await rm(log.headPath);
    assertBroken(await verified(log), "head-invalid", 3, /head record is missing although the log has 3 entries/);
  });

  it("accepts a head one entry behind", async () => {
    const log = await logWith(3);
    const head = JSON.parse(await readFile(log.headPath, "utf8"));
    const second = JSON.parse((await lines(log))[1]!);
    await writeFile(log.headPath, JSON.stringify({ ...head, seq: 2, hash: second.hash }));

    const result = await verified(log);

    assert.equal(result.ok, true);
    assert.match(result.ok ? result.notes.join(" ") : "", /not updated after entry 3/);
  });

  it("rejects appends to a damaged log", async () => {
    const log = await logWith(3);
    await rewrite(log, (all) => all.slice(0, 2));
    const before = await readFile(log.path, "utf8");

    const appended = await log.append(event(4));

    assert.equal(!appended.ok && appended.error.code, "audit-damaged");
    assert.match(!appended.ok ? appended.error.message : "", /ends at entry 2, but its head records entry 3; nothing was written/);
    assert.equal(await readFile(log.path, "utf8"), before);
  });

  it("rejects appends after a torn write", async () => {
    const log = await logWith(2);
    await writeFile(log.path, '{"seq":3', { flag: "a" });
    const appended = await log.append(event(3));
    assert.match(!appended.ok ? appended.error.message : "", /last line is incomplete/);
  });

  it("rejects invalid events", async () => {
    const log = await logWith(0);
    const cases: AuditEvent[] = [
      { ...event(1), action: "Started" },
      { ...event(1), details: { ratio: 0.5 } },
      { ...event(1), outcome: "maybe" as never },
    ];
    for (const bad of cases) {
      const appended = await log.append(bad);
      assert.equal(!appended.ok && appended.error.code, "invalid-argument");
    }
  });

  it("masks secrets in entries", async () => {
    const canary = "Canary-Pa55w0rd!";
    const log = new FileAuditLog(join(await tempDir(), "audit.jsonl"), {
      redact: createRedactor([new Secret(canary, "test")]),
    });
    await log.append({
      ...event(1),
      objects: { server: `mssql://sa:${canary}@sql1` },
      details: { error: `login failed for password ${canary}`, nested: [{ url: "postgres://u:pw2@db/x" }] },
    });

    const text = await readFile(log.path, "utf8");

    assert.equal(text.includes(canary), false, text);
    assert.equal(text.includes("pw2"), false, text);
    assert.ok(text.includes("login failed for password [redacted]"), text);
    assert.equal((await verified(log)).ok, true);
  });
});

describe("FileAuditLog with an audit key", () => {
  const key = randomBytes(32);

  it("verifies its own entries", async () => {
    const log = await logWith(3, key);
    assert.deepEqual(await verified(log), { ok: true, entries: 3, notes: [] });
  });

  it("detects a chain rebuilt without the key", async () => {
    const log = await logWith(3, key);
    const forger = new FileAuditLog(join(await tempDir(), "forged.jsonl"));
    for (let i = 1; i <= 3; i++) {
      await forger.append({ ...event(i), outcome: "failed" });
    }
    await writeFile(log.path, await readFile(forger.path));
    await writeFile(log.headPath, await readFile(forger.headPath));

    assertBroken(await verified(log), "bad-mac", 1, /entry 1 has a missing or wrong HMAC/);
    const withoutKey = new FileAuditLog(log.path);
    assert.equal((await verified(withoutKey)).ok, true);
  });

  it("detects a wrong key", async () => {
    const log = await logWith(2, key);
    const other = new FileAuditLog(log.path, { macKey: randomBytes(32) });
    assertBroken(await verified(other), "bad-mac", 1, /wrong HMAC/);
  });
});

describe("FileAuditLog under concurrency", () => {
  function runChild(path: string, count: number, name: string): Promise<string> {
    const child = spawn(process.execPath, [CHILD, path, String(count), name], { stdio: ["ignore", "pipe", "inherit"] });
    return new Promise((resolve, reject) => {
      let output = "";
      child.stdout.setEncoding("utf8");
      child.stdout.on("data", (data: string) => (output += data));
      child.once("error", reject);
      child.once("exit", () => resolve(output.trim()));
    });
  }

  it("keeps one chain with two processes and this one appending", async () => {
    const path = join(await tempDir(), "audit.jsonl");
    const log = new FileAuditLog(path, { lockTimeoutMs: 60_000 });
    const local = (async () => {
      for (let i = 0; i < 25; i++) {
        const appended = await log.append(event(i));
        assert.ok(appended.ok, appended.ok ? "" : appended.error.message);
      }
    })();

    const outputs = await Promise.all([runChild(path, 25, "child-a"), runChild(path, 25, "child-b"), local]);

    assert.deepEqual(outputs.slice(0, 2), ["done", "done"]);
    assert.deepEqual(await verified(log), { ok: true, entries: 75, notes: [] });
    const actors = new Map<string, number>();
    for await (const entry of log.entries()) {
      actors.set(entry.actor.name, (actors.get(entry.actor.name) ?? 0) + 1);
    }
    assert.deepEqual(Object.fromEntries(actors), { "child-a": 25, "child-b": 25, dba: 25 });
  });

  it("orders appends from one object", async () => {
    const log = new FileAuditLog(join(await tempDir(), "audit.jsonl"));
    const results = await Promise.all([1, 2, 3, 4, 5].map((i) => log.append(event(i))));
    assert.deepEqual(results.map((r) => r.ok && r.value.seq), [1, 2, 3, 4, 5]);
  });

  it("removes a lock left by a dead process", async () => {
    const path = join(await tempDir(), "audit.jsonl");
    const dead = spawn(process.execPath, ["-e", "0"]);
    await new Promise((resolve) => dead.once("exit", resolve));
    const { hostname } = await import("node:os");
    await writeFile(`${path}.lock`, JSON.stringify({ pid: dead.pid, hostname: hostname() }));

    const appended = await new FileAuditLog(path, { lockTimeoutMs: 2_000 }).append(event(1));

    assert.ok(appended.ok, appended.ok ? "" : appended.error.message);
  });

  it("times out on a held lock", async () => {
    const path = join(await tempDir(), "audit.jsonl");
    const { hostname } = await import("node:os");
    await writeFile(`${path}.lock`, JSON.stringify({ pid: process.pid, hostname: hostname() }));

    const appended = await new FileAuditLog(path, { lockTimeoutMs: 200 }).append(event(1));

    assert.equal(!appended.ok && appended.error.code, "audit-locked");
    assert.match(!appended.ok ? appended.error.message : "", new RegExp(`locked by process ${process.pid}`));
  });
});
