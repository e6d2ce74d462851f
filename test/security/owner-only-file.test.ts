/**
 * Key and secret files that are not regular files: a named pipe must fail
 * at once with a message naming its path, because opening a pipe for
 * reading would otherwise wait for a writer forever. The pipes are real,
 * made with the `mkfifo` command (Node.js has no mkfifo).
 */

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { closeSync, constants, openSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { after, describe, it } from "node:test";

import { openKeyFile } from "../../src/security/keys/key-file.js";
import { readOwnerOnlyFile } from "../../src/security/owner-only-file.js";
import { resolveSecret } from "../../src/security/secrets/resolve.js";
import { tempDir } from "./temp-dir.js";

const posixOnly = { skip: process.platform === "win32" ? "named pipes on a path are POSIX" : false };

/** Long enough for a slow machine; a pipe that hangs the read fails the test instead of the run. */
const HANG_GUARD = { timeout: 60_000 };

const pipes: string[] = [];

/** Makes a named pipe with mode 0600, so that only its type can be wrong. */
async function namedPipe(name: string): Promise<string> {
  const path = join(await tempDir(), name);
  execFileSync("mkfifo", ["-m", "600", path]);
  pipes.push(path);
  return path;
}

// A read that regressed to waiting for a writer is released here, so the
// test process can end after the timeout fails the test.
after(() => {
  for (const path of pipes) {
    try {
      closeSync(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // ENXIO: no reader is waiting, which is the expected case.
    }
  }
});

describe("readOwnerOnlyFile with a file that is not regular", posixOnly, () => {
  it("rejects a named pipe at once", HANG_GUARD, async () => {
    const path = await namedPipe("secret.pipe");

    const read = await readOwnerOnlyFile(path, { what: "secret file" });

    assert.equal(read.ok, false);
    assert.equal(!read.ok && read.error.code, "not-a-file");
    const message = !read.ok ? read.error.message : "";
    assert.ok(message.includes(`'${path}'`), message);
    assert.match(message, /is not a regular file \(it is a named pipe\)/);
  });

  it("rejects a folder", async () => {
    const path = join(await tempDir(), "folder");
    await mkdir(path, { mode: 0o700 });

    const read = await readOwnerOnlyFile(path, { what: "key file" });

    assert.equal(!read.ok && read.error.code, "not-a-file");
    assert.match(!read.ok ? read.error.message : "", /it is a folder/);
  });

  it("rejects a device", { skip: process.platform === "win32" ? "no /dev/null path" : false }, async () => {
    const read = await readOwnerOnlyFile("/dev/null", { what: "key file" });

    assert.equal(!read.ok && read.error.code, "not-a-file");
    assert.match(!read.ok ? read.error.message : "", /'\/dev\/null' is not a regular file \(it is a device\)/);
  });
});

describe("key and secret files that are named pipes", posixOnly, () => {
  it("openKeyFile rejects a pipe at once", HANG_GUARD, async () => {
    const path = await namedPipe("master.key");

    const opened = await openKeyFile(path);

    assert.equal(!opened.ok && opened.error.code, "not-a-file");
    assert.match(!opened.ok ? opened.error.message : "", /^key file '.*master\.key' is not a regular file/);
  });

  it("resolveSecret rejects a pipe at once", HANG_GUARD, async () => {
    const path = await namedPipe("sql.pw");

    const secret = await resolveSecret({ kind: "file", path }, { env: {}, cwd: "/" });

    assert.equal(!secret.ok && secret.error.code, "not-a-file");
    assert.match(!secret.ok ? secret.error.message : "", /^secret file '.*sql\.pw' is not a regular file/);
  });
});
