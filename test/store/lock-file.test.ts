import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";

import { acquireLock } from "../../src/store/lock-file.js";

const root = mkdtempSync(join(tmpdir(), "infio-lock-test-"));
let counter = 0;
const lockPath = (): string => join(root, `store-${counter++}.lock`);

after(() => rmSync(root, { recursive: true, force: true }));

/** Returns the pid of a process that has exited, so the pid is free. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
    encoding: "utf8",
  });
  return Number(child.stdout);
}

describe("lock file", () => {
  it("records pid, host and time, and releases", async () => {
    const path = lockPath();

    const result = await acquireLock(path);

    assert.ok(result.ok);
    const owner = JSON.parse(readFileSync(path, "utf8"));
    assert.equal(owner.pid, process.pid);
    assert.equal(owner.hostname, hostname());
    assert.ok(!Number.isNaN(Date.parse(owner.startedAt)));
    await result.lock.release();
    assert.equal(existsSync(path), false);
  });

  it("replaces a lock of a dead process", async () => {
    const path = lockPath();
    const stale = { pid: deadPid(), hostname: hostname(), startedAt: "2020-01-01T00:00:00.000Z" };
    writeFileSync(path, JSON.stringify(stale));

    const result = await acquireLock(path);

    assert.ok(result.ok, result.ok ? "" : result.error.message);
    assert.equal(JSON.parse(readFileSync(path, "utf8")).pid, process.pid);
    await result.lock.release();
  });

  it("keeps a lock of another host", async () => {
    const path = lockPath();
    const other = { pid: deadPid(), hostname: "build-agent-7", startedAt: "2020-01-01T00:00:00.000Z" };
    writeFileSync(path, JSON.stringify(other));

    const result = await acquireLock(path);

    assert.ok(!result.ok);
    assert.equal(result.error.code, "locked");
    assert.ok(result.error.message.includes(`process ${other.pid} on host 'build-agent-7'`));
    assert.ok(result.error.message.includes(path));
    assert.equal(JSON.parse(readFileSync(path, "utf8")).hostname, "build-agent-7");
  });

  it("keeps a lock of a live process", async () => {
    const path = lockPath();
    // pid 1 always exists; as non-root, signalling it fails with EPERM.
    const live = { pid: 1, hostname: hostname(), startedAt: "2020-01-01T00:00:00.000Z" };
    writeFileSync(path, JSON.stringify(live));

    const result = await acquireLock(path);

    assert.ok(!result.ok);
    assert.equal(result.error.code, "locked");
    assert.match(result.error.message, /held by process 1 on host/);
  });

  it("rejects a lock file without an owner", async () => {
    const path = lockPath();
    writeFileSync(path, "garbage");

    const result = await acquireLock(path);

    assert.ok(!result.ok);
    assert.equal(result.error.code, "lock-failed");
    assert.match(result.error.message, /does not record its owner/);
    assert.equal(readFileSync(path, "utf8"), "garbage");
  });

  it("leaves a lock it no longer owns", async () => {
    const path = lockPath();
    const result = await acquireLock(path);
    assert.ok(result.ok);
    writeFileSync(path, JSON.stringify({ pid: 1, hostname: "x", startedAt: "y" }));

    await result.lock.release();

    assert.equal(existsSync(path), true);
  });

  it("reports a directory it cannot write", async () => {
    const result = await acquireLock(join(root, "missing", "store.lock"));

    assert.ok(!result.ok);
    assert.equal(result.error.code, "lock-failed");
    assert.match(result.error.message, /cannot create the lock file/);
  });
});
