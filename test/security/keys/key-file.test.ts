import assert from "node:assert/strict";
import { chmod, mkdir, readFile, stat, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "node:test";

import type { Result } from "../../../src/security/errors.js";
import { KEY_FILE_HEADER, createKeyFile, openKeyFile } from "../../../src/security/keys/key-file.js";
import { tempDir } from "../temp-dir.js";

const posixOnly = { skip: process.platform === "win32" ? "POSIX permissions" : false };
const context = { assessmentId: "20250304-050607-3f9a1c", dataKeyId: "ab".repeat(16) };

describe("createKeyFile", () => {
  it("creates an owner-only file and folder", posixOnly, async () => {
    const dir = await tempDir();
    const path = join(dir, "nested", "master.key");

    const created = await createKeyFile(path);

    assert.ok(created.ok, created.ok ? "" : created.error.message);
    assert.equal((await stat(path)).mode & 0o777, 0o600);
    assert.equal((await stat(join(dir, "nested"))).mode & 0o777, 0o700);
    const lines = (await readFile(path, "utf8")).split("\n");
    assert.equal(lines[0], KEY_FILE_HEADER);
    assert.equal(Buffer.from(lines[1]!, "base64").length, 32);
  });

  it("never replaces an existing file", async () => {
    const path = join(await tempDir(), "master.key");
    await createKeyFile(path);
    const before = await readFile(path, "utf8");

    const second = await createKeyFile(path);

    assert.equal(second.ok, false);
    assert.equal(!second.ok && second.error.code, "key-file-exists");
    assert.equal(await readFile(path, "utf8"), before);
  });

  it("notes unchecked ACLs on Windows", async () => {
    const path = join(await tempDir(), "master.key");
    const created = await createKeyFile(path, { platform: "win32" });
    assert.ok(created.ok);
    assert.match(created.value.notes[0] ?? "", /ACLs are not set or checked yet/);
  });

  it("makes two files with different keys", async () => {
    const dir = await tempDir();
    const a = await createKeyFile(join(dir, "a.key"));
    const b = await createKeyFile(join(dir, "b.key"));
    assert.ok(a.ok);
    assert.ok(b.ok);
    assert.notEqual(a.value.provider.ref.keyId, b.value.provider.ref.keyId);
  });
});

describe("openKeyFile", () => {
  it("reads the key that createKeyFile wrote", async () => {
    const path = join(await tempDir(), "master.key");
    const created = await createKeyFile(path);
    assert.ok(created.ok);

    const opened = await openKeyFile(path);

    assert.ok(opened.ok, opened.ok ? "" : opened.error.message);
    assert.deepEqual(opened.value.provider.ref, created.value.provider.ref);
    const wrapped = await created.value.provider.wrap(Buffer.alloc(32, 7), context);
    assert.ok(wrapped.ok);
    const unwrapped = await opened.value.provider.unwrap(wrapped.value, context);
    assert.ok(unwrapped.ok);
    assert.deepEqual(Buffer.from(unwrapped.value), Buffer.alloc(32, 7));
  });

  for (const mode of [0o644, 0o640, 0o604, 0o660, 0o620, 0o601]) {
    it(`rejects mode ${mode.toString(8)}`, posixOnly, async () => {
      const path = join(await tempDir(), "master.key");
      await createKeyFile(path);
      await chmod(path, mode);

      const opened = await openKeyFile(path);

      assert.equal(opened.ok, false);
      const message = opened.ok ? "" : opened.error.message;
      assert.equal(!opened.ok && opened.error.code, "insecure-permissions");
      assert.ok(message.includes(path), message);
      assert.ok(message.includes(`mode 0${mode.toString(8)}`), message);
      assert.ok(message.includes(`chmod 600 ${path}`), message);
    });
  }

  it("accepts mode 0400", posixOnly, async () => {
    const path = join(await tempDir(), "master.key");
    await createKeyFile(path);
    await chmod(path, 0o400);
    assert.equal((await openKeyFile(path)).ok, true);
  });

  it("skips the mode check on Windows with a note", posixOnly, async () => {
    const path = join(await tempDir(), "master.key");
    await createKeyFile(path);
    await chmod(path, 0o644);

    const opened = await openKeyFile(path, { platform: "win32" });

    assert.ok(opened.ok);
    assert.match(opened.value.notes.join(" "), /Windows ACLs are not checked yet/);
  });

  it("checks the target of a symbolic link", posixOnly, async () => {
    const dir = await tempDir();
    const target = join(dir, "real.key");
    await createKeyFile(target);
    const link = join(dir, "link.key");
    await symlink(target, link);

    assert.equal((await openKeyFile(link)).ok, true);
    await chmod(target, 0o644);
    const opened = await openKeyFile(link);
    assert.equal(!opened.ok && opened.error.code, "insecure-permissions");
  });

  it("reports a missing file", async () => {
    const path = join(await tempDir(), "absent.key");
    const opened = await openKeyFile(path);
    assert.equal(!opened.ok && opened.error.code, "file-missing");
    assert.ok(!opened.ok);
    assert.ok(opened.error.message.includes(path));
  });

  it("rejects a folder", async () => {
    const dir = join(await tempDir(), "folder.key");
    await mkdir(dir, { mode: 0o700 });
    const opened = await openKeyFile(dir);
    assert.equal(!opened.ok && opened.error.code, "not-a-file");
  });

  it("rejects a file of another format", async () => {
    const path = join(await tempDir(), "other.key");
    await writeFile(path, "-----BEGIN PRIVATE KEY-----\n", { mode: 0o600 });
    const opened = await openKeyFile(path);
    assert.equal(!opened.ok && opened.error.code, "key-file-invalid");
    assert.match(!opened.ok ? opened.error.message : "", /not an infio key file/);
  });

  it("rejects a short key", async () => {
    const path = join(await tempDir(), "short.key");
    await writeFile(path, `${KEY_FILE_HEADER}\n${Buffer.alloc(16).toString("base64")}\n`, { mode: 0o600 });
    const opened = await openKeyFile(path);
    assert.equal(!opened.ok && opened.error.code, "key-file-invalid");
  });
});

describe("KeyFileProvider", () => {
  it("binds the wrap context", async () => {
    const created = await createKeyFile(join(await tempDir(), "master.key"));
    assert.ok(created.ok);
    const provider = created.value.provider;
    const wrapped = await provider.wrap(Buffer.alloc(32, 1), context);
    assert.ok(wrapped.ok);

    const otherAssessment = await provider.unwrap(wrapped.value, { ...context, assessmentId: "other" });
    const otherKey = await provider.unwrap(wrapped.value, { ...context, dataKeyId: "cd".repeat(16) });

    assert.equal(!otherAssessment.ok && otherAssessment.error.code, "wrong-master-key");
    assert.equal(!otherKey.ok && otherKey.error.code, "wrong-master-key");
  });

  it("rejects another key file's wrapping", async () => {
    const dir = await tempDir();
    const a = await createKeyFile(join(dir, "a.key"));
    const b = await createKeyFile(join(dir, "b.key"));
    assert.ok(a.ok);
    assert.ok(b.ok);
    const wrapped = await a.value.provider.wrap(Buffer.alloc(32, 1), context);
    assert.ok(wrapped.ok);

    const unwrapped = await b.value.provider.unwrap(wrapped.value, context);

    assert.equal(!unwrapped.ok && unwrapped.error.code, "wrong-master-key");
    assert.ok(!unwrapped.ok);
    assert.ok(unwrapped.error.message.includes(join(dir, "b.key")));
  });

  it("detects a flipped bit in a wrapped key", async () => {
    const created = await createKeyFile(join(await tempDir(), "master.key"));
    assert.ok(created.ok);
    const wrapped = await created.value.provider.wrap(Buffer.alloc(32, 1), context);
    assert.ok(wrapped.ok);

    for (const index of [0, 20, wrapped.value.length - 1]) {
      const altered = Buffer.from(wrapped.value);
      altered[index]! ^= 1;
      const unwrapped: Result<Uint8Array> = await created.value.provider.unwrap(altered, context);
      assert.equal(unwrapped.ok, false, `byte ${index}`);
    }
  });
});
