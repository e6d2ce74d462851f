import assert from "node:assert/strict";
import { readdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";

import { decryptValue, encryptValue } from "../../../src/security/envelope.js";
import { fail, type Result } from "../../../src/security/errors.js";
import { createKeyFile, type KeyFileProvider } from "../../../src/security/keys/key-file.js";
import { FileDataKeyStore } from "../../../src/security/keys/key-store-file.js";
import { Keyring } from "../../../src/security/keys/keyring.js";
import type { MasterKeyProvider, WrapContext } from "../../../src/security/keys/master-key.js";
import { tempDir } from "../temp-dir.js";

const field = { field: "module.definition", objectId: "dbo.usp_orders" };

async function newKeyFile(dir: string, name: string): Promise<KeyFileProvider> {
  const created = await createKeyFile(join(dir, name));
  assert.ok(created.ok, created.ok ? "" : created.error.message);
  return created.value.provider;
}

async function setup(): Promise<{ dir: string; keys: string; master: KeyFileProvider; keyring: Keyring }> {
  const dir = await tempDir();
  const master = await newKeyFile(dir, "master.key");
  const keys = join(dir, "keys");
  return { dir, keys, master, keyring: new Keyring(new FileDataKeyStore(keys), master) };
}

describe("Keyring", () => {
  it("opens the key it created", async () => {
    const { keyring } = await setup();
    const created = await keyring.create("a1");
    assert.ok(created.ok);
    const sealed = encryptValue(created.value, "create procedure ...", field);

    const opened = await keyring.open("a1");

    assert.ok(opened.ok, opened.ok ? "" : opened.error.message);
    assert.equal(opened.value.id, created.value.id);
    const plain = decryptValue(opened.value, sealed, field);
    assert.ok(plain.ok);
    assert.equal(plain.value.toString(), "create procedure ...");
  });

  it("stores only the wrapped key, owner-only", async () => {
    const { keys, keyring } = await setup();
    const created = await keyring.create("a1");
    assert.ok(created.ok);

    const path = join(keys, "a1.json");
    const text = await readFile(path, "utf8");

    assert.equal(text.includes(created.value.keyBytes().toString("base64")), false);
    assert.equal(text.includes(created.value.keyBytes().toString("hex")), false);
    if (process.platform !== "win32") {
      assert.equal((await stat(path)).mode & 0o777, 0o600);
      assert.equal((await stat(keys)).mode & 0o777, 0o700);
    }
    assert.equal(JSON.parse(text).master.kind, "key-file");
  });

  it("keeps a data key out of logs", async () => {
    const { keyring } = await setup();
    const created = await keyring.create("a1");
    assert.ok(created.ok);
    const hex = created.value.keyBytes().toString("hex");

    assert.equal(JSON.stringify(created.value).includes(hex), false);
    assert.equal(String(created.value).includes(hex), false);
    const { inspect } = await import("node:util");
    assert.equal(inspect(created.value).includes("keyBytes"), false);
  });

  it("rejects a second key for one assessment", async () => {
    const { keyring } = await setup();
    await keyring.create("a1");
    const second = await keyring.create("a1");
    assert.equal(!second.ok && second.error.code, "invalid-argument");
  });

  it("rejects ids that are not file names", async () => {
    const { keyring } = await setup();
    for (const id of ["", "../escape", "a/b", ".hidden", "x".repeat(129)]) {
      const created = await keyring.create(id);
      assert.equal(!created.ok && created.error.code, "invalid-argument", id);
    }
  });

  it("fails clearly with another master key and destroys nothing", async () => {
    const { dir, keys, keyring } = await setup();
    await keyring.create("a1");
    const before = await readFile(join(keys, "a1.json"), "utf8");
    const other = await newKeyFile(dir, "other.key");

    const opened = await new Keyring(new FileDataKeyStore(keys), other).open("a1");

    assert.equal(!opened.ok && opened.error.code, "wrong-master-key");
    assert.match(!opened.ok ? opened.error.message : "", /is wrapped by master key key-file:[0-9a-f]{32}, but the master key in use is key-file:/);
    assert.equal(await readFile(join(keys, "a1.json"), "utf8"), before);
  });

  it("shreds an assessment by destroying its key", async () => {
    const { keys, keyring } = await setup();
    const created = await keyring.create("a1");
    assert.ok(created.ok);

    const destroyed = await keyring.destroy("a1");

    assert.deepEqual(destroyed, { ok: true, value: true });
    assert.deepEqual(await readdir(keys), []);
    const opened = await keyring.open("a1");
    assert.equal(!opened.ok && opened.error.code, "data-key-missing");
    assert.deepEqual(await keyring.destroy("a1"), { ok: true, value: false });
  });

  it("detects a record renamed to another assessment", async () => {
    const { keys, keyring } = await setup();
    await keyring.create("a1");
    await rename(join(keys, "a1.json"), join(keys, "a2.json"));

    const opened = await keyring.open("a2");

    assert.equal(!opened.ok && opened.error.code, "data-key-invalid");
  });

  it("detects a damaged record", async () => {
    const { keys, keyring } = await setup();
    await keyring.create("seed");
    await writeFile(join(keys, "x.json"), "{");

    const opened = await keyring.open("x");
    assert.equal(!opened.ok && opened.error.code, "data-key-invalid");
  });

  it("lists the assessments with keys", async () => {
    const { keyring } = await setup();
    await keyring.create("b2");
    await keyring.create("a1");
    assert.deepEqual(await keyring.list(), { ok: true, value: ["a1", "b2"] });
  });
});

describe("Keyring.rotate", () => {
  it("re-wraps every key without touching the data", async () => {
    const { dir, keys, master, keyring } = await setup();
    const sealed = new Map<string, Buffer>();
    for (const id of ["a1", "a2", "a3"]) {
      const key = await keyring.create(id);
      assert.ok(key.ok);
      sealed.set(id, encryptValue(key.value, `code of ${id}`, field));
    }
    const next = await newKeyFile(dir, "next.key");

    const rotated = await keyring.rotate(next);

    assert.ok(rotated.ok, rotated.ok ? "" : rotated.error.message);
    assert.deepEqual(rotated.value.rewrapped, ["a1", "a2", "a3"]);
    const afterRing = new Keyring(new FileDataKeyStore(keys), next);
    for (const [id, value] of sealed) {
      const key = await afterRing.open(id);
      assert.ok(key.ok);
      const plain = decryptValue(key.value, value, field);
      assert.equal(plain.ok && plain.value.toString(), `code of ${id}`);
      const record = JSON.parse(await readFile(join(keys, `${id}.json`), "utf8"));
      assert.equal(record.master.keyId, next.ref.keyId);
      assert.equal(typeof record.rewrappedAt, "string");
    }
    const old = await new Keyring(new FileDataKeyStore(keys), master).open("a1");
    assert.equal(!old.ok && old.error.code, "wrong-master-key");
  });

  it("finishes an interrupted rotation", async () => {
    const { dir, keys, keyring } = await setup();
    for (const id of ["a1", "a2", "a3"]) {
      await keyring.create(id);
    }
    const next = await newKeyFile(dir, "next.key");
    const flaky = failingAfter(next, 1);

    const first = await keyring.rotate(flaky);
    assert.equal(first.ok, false);
    assert.match(!first.ok ? first.error.message : "", /rotation stopped after re-wrapping 1 of 3 data keys/);

    const second = await keyring.rotate(next);
    assert.ok(second.ok);
    assert.deepEqual(second.value.alreadyCurrent, ["a1"]);
    assert.deepEqual(second.value.rewrapped, ["a2", "a3"]);
    for (const id of ["a1", "a2", "a3"]) {
      assert.equal((await new Keyring(new FileDataKeyStore(keys), next).open(id)).ok, true, id);
    }
  });

  it("leaves a record when re-wrapping is wrong", async () => {
    const { dir, keys, keyring } = await setup();
    await keyring.create("a1");
    const before = await readFile(join(keys, "a1.json"), "utf8");
    const next = await newKeyFile(dir, "next.key");
    const lossy: MasterKeyProvider = {
      ref: next.ref,
      wrap: (key, context) => next.wrap(Buffer.alloc(key.length), context),
      unwrap: (wrapped, context) => next.unwrap(wrapped, context),
    };

    const rotated = await keyring.rotate(lossy);

    assert.equal(rotated.ok, false);
    assert.equal(await readFile(join(keys, "a1.json"), "utf8"), before);
  });
});

/** Returns a provider whose wrap fails after `count` successful calls. */
function failingAfter(inner: MasterKeyProvider, count: number): MasterKeyProvider {
  let calls = 0;
  return {
    ref: inner.ref,
    wrap: async (key: Uint8Array, context: WrapContext): Promise<Result<Uint8Array>> => {
      calls += 1;
      return calls > count ? fail("kms-failed", "simulated outage") : inner.wrap(key, context);
    },
    unwrap: (wrapped, context) => inner.unwrap(wrapped, context),
  };
}
