import assert from "node:assert/strict";
import { chmod, readFile, readdir, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";

import { main } from "../../../src/cli/main.js";
import { FileAuditLog } from "../../../src/security/audit/file-log.js";
import { decryptValue, encryptValue } from "../../../src/security/envelope.js";
import { openKeyFile } from "../../../src/security/keys/key-file.js";
import { FileDataKeyStore } from "../../../src/security/keys/key-store-file.js";
import { Keyring } from "../../../src/security/keys/keyring.js";
import { captureContext } from "../../cli/capture.js";
import { tempDir } from "../temp-dir.js";

async function run(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  // The working folder is HOME too, so that no run touches the real ~/.infio.
  const ctx = captureContext({ cwd, env: {}, homedir: cwd });
  const code = await main(args, ctx);
  return { code, out: ctx.out.join(""), err: ctx.err.join("") };
}

/** The audit log of the data folder, which both key commands write. */
const AUDIT_FILES = ["audit.jsonl", "audit.jsonl.head", "audit.jsonl.key"];

describe("infio keys init", () => {
  it("creates master.key in the data folder", async () => {
    const dir = await tempDir();
    const data = join(dir, "data");

    const result = await run(["keys", "init", "--data-dir", data], dir);

    assert.equal(result.code, 0, result.err);
    assert.equal(result.out, `${join(data, "master.key")}\n`);
    assert.match(result.err, /created master key key-file:[0-9a-f]{32}; back up this file/);
    if (process.platform !== "win32") {
      assert.equal((await stat(join(data, "master.key"))).mode & 0o777, 0o600);
    }
  });

  it("takes --key-file relative to the working folder", async () => {
    const dir = await tempDir();
    const result = await run(["keys", "init", "--key-file", "my.key"], dir);
    assert.equal(result.code, 0, result.err);
    assert.equal((await openKeyFile(join(dir, "my.key"))).ok, true);
  });

  it("fails on an existing key file", async () => {
    const dir = await tempDir();
    await run(["keys", "init", "--key-file", "my.key"], dir);
    const before = await readFile(join(dir, "my.key"), "utf8");

    const result = await run(["keys", "init", "--key-file", "my.key"], dir);

    assert.equal(result.code, 1);
    assert.match(result.err, /already exists and was left unchanged/);
    assert.equal(await readFile(join(dir, "my.key"), "utf8"), before);
  });
});

describe("infio keys rotate", () => {
  it("re-wraps data keys and replaces the key file", async () => {
    const dir = await tempDir();
    await run(["keys", "init", "--data-dir", dir], dir);
    const old = await openKeyFile(join(dir, "master.key"));
    assert.ok(old.ok);
    const keyring = new Keyring(new FileDataKeyStore(join(dir, "keys")), old.value.provider);
    const key = await keyring.create("a1");
    assert.ok(key.ok);
    const sealed = encryptValue(key.value, "select secret_column", { field: "batch.text" });

    const result = await run(["keys", "rotate", "--data-dir", dir], dir);

    assert.equal(result.code, 0, result.err);
    assert.match(result.err, /re-wrapped 1 data key under key-file:/);
    const next = await openKeyFile(join(dir, "master.key"));
    assert.ok(next.ok);
    assert.notEqual(next.value.provider.ref.keyId, old.value.provider.ref.keyId);
    const reopened = await new Keyring(new FileDataKeyStore(join(dir, "keys")), next.value.provider).open("a1");
    assert.ok(reopened.ok, reopened.ok ? "" : reopened.error.message);
    const plain = decryptValue(reopened.value, sealed, { field: "batch.text" });
    assert.equal(plain.ok && plain.value.toString(), "select secret_column");
    assert.deepEqual((await readdir(dir)).sort(), [...AUDIT_FILES, "keys", "master.key"]);
  });

  it("rejects a key file others can read", { skip: process.platform === "win32" }, async () => {
    const dir = await tempDir();
    await run(["keys", "init", "--data-dir", dir], dir);
    await chmod(join(dir, "master.key"), 0o644);

    const result = await run(["keys", "rotate", "--data-dir", dir], dir);

    assert.equal(result.code, 1);
    assert.ok(result.err.includes(`chmod 600 ${join(dir, "master.key")}`), result.err);
    assert.deepEqual((await readdir(dir)).sort(), [...AUDIT_FILES, "master.key"]);
  });

  it("fails on a missing key file", async () => {
    const dir = await tempDir();
    const result = await run(["keys", "rotate", "--data-dir", dir], dir);
    assert.equal(result.code, 1);
    assert.match(result.err, /key file '.*master\.key' not found/);
  });
});

describe("infio audit verify", () => {
  async function logIn(dir: string, count: number): Promise<FileAuditLog> {
    const log = new FileAuditLog(join(dir, "audit.jsonl"));
    for (let i = 0; i < count; i++) {
      await log.append({ actor: { kind: "os-user", name: "dba" }, action: "store.purged", outcome: "succeeded" });
    }
    return log;
  }

  it("reports an intact chain", async () => {
    const dir = await tempDir();
    await logIn(dir, 3);
    const result = await run(["audit", "verify", "--data-dir", dir], dir);
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /3 entries, chain intact/);
  });

  it("reports an empty log", async () => {
    const dir = await tempDir();
    const result = await run(["audit", "verify", "--log", "none.jsonl"], dir);
    assert.equal(result.code, 0);
    assert.match(result.out, /has no entries/);
  });

  it("names the first broken entry", async () => {
    const dir = await tempDir();
    const log = await logIn(dir, 3);
    const lines = (await readFile(log.path, "utf8")).split("\n");
    await writeFile(log.path, [lines[0], lines[2], ""].join("\n"));

    const result = await run(["audit", "verify", "--log", "audit.jsonl"], dir);

    assert.equal(result.code, 1);
    assert.match(result.err, /was altered: line 2: expected entry 2, found entry 3: entry 2 is missing/);
  });

  it("prints JSON on request", async () => {
    const dir = await tempDir();
    const log = await logIn(dir, 2);
    await writeFile(log.path, (await readFile(log.path, "utf8")).split("\n")[0] + "\n");

    const result = await run(["audit", "verify", "--log", "audit.jsonl", "--json"], dir);

    assert.equal(result.code, 1);
    const json = JSON.parse(result.out);
    assert.equal(json.ok, false);
    assert.equal(json.problem.kind, "truncated");
    assert.equal(json.problem.seq, 2);
  });
});
