/**
 * Choosing the master key from the command line: `--key-file`,
 * `INFIO_KEY_FILE`, `--kms-key-id` and `INFIO_KMS_KEY_ID`, for every
 * command that opens the store or keys. A wrong, missing or unusable key
 * fails with a message naming the file and changes nothing. The AWS KMS
 * runs are in master-key-kms.test.ts, because the AWS SDK reads the
 * process environment.
 */

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { closeSync, constants, existsSync, openSync } from "node:fs";
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { main } from "../../src/cli/main.js";
import { chosenMasterKey } from "../../src/cli/master-key-options.js";
import { createKeyFile, openKeyFile } from "../../src/security/keys/key-file.js";
import { tempDir } from "../security/temp-dir.js";
import { captureContext } from "./capture.js";
import { CHECKPOINT_PROC } from "./fixture-folder.js";

const posixOnly = { skip: process.platform === "win32" ? "named pipes on a path are POSIX" : false };

describe("chosenMasterKey", () => {
  const DATA = "/srv/infio";
  const ctx = (env: Record<string, string>) => captureContext({ cwd: "/work", env, platform: "linux" });
  const cases: [string, { keyFile?: string; kmsKeyId?: string }, Record<string, string>, object | undefined][] = [
    ["nothing chosen", {}, {}, undefined],
    ["--key-file", { keyFile: "k.key" }, {}, { keyFile: "/work/k.key", keyFileGiven: true }],
    ["INFIO_KEY_FILE", {}, { INFIO_KEY_FILE: "/keys/a.key" }, { keyFile: "/keys/a.key", keyFileGiven: true }],
    ["--key-file over INFIO_KEY_FILE", { keyFile: "/b.key" }, { INFIO_KEY_FILE: "/a.key" }, { keyFile: "/b.key", keyFileGiven: true }],
    ["--kms-key-id", { kmsKeyId: " alias/infio " }, {}, { keyFile: `${DATA}/master.key`, keyFileGiven: false, kmsKeyId: "alias/infio" }],
    ["INFIO_KMS_KEY_ID", {}, { INFIO_KMS_KEY_ID: "alias/x" }, { keyFile: `${DATA}/master.key`, keyFileGiven: false, kmsKeyId: "alias/x" }],
    [
      "INFIO_KMS_KEY_ID with INFIO_KEY_FILE for key-file data",
      {},
      { INFIO_KMS_KEY_ID: "alias/x", INFIO_KEY_FILE: "/old.key" },
      { keyFile: "/old.key", keyFileGiven: true, kmsKeyId: "alias/x" },
    ],
    ["--key-file over INFIO_KMS_KEY_ID", { keyFile: "/b.key" }, { INFIO_KMS_KEY_ID: "alias/x" }, { keyFile: "/b.key", keyFileGiven: true }],
    ["empty variables", {}, { INFIO_KMS_KEY_ID: "", INFIO_KEY_FILE: " " }, undefined],
  ];
  for (const [name, raw, env, expected] of cases) {
    it(`resolves ${name}`, () => {
      assert.deepEqual(chosenMasterKey(raw, DATA, ctx(env)), expected);
    });
  }

  it("rejects both options at once", () => {
    assert.throws(() => chosenMasterKey({ keyFile: "k", kmsKeyId: "a" }, DATA, ctx({})), /pass only one of them/);
  });

  it("rejects an empty option", () => {
    assert.throws(() => chosenMasterKey({ keyFile: "" }, DATA, ctx({})), /invalid --key-file ''/);
    assert.throws(() => chosenMasterKey({ kmsKeyId: " " }, DATA, ctx({})), /invalid --kms-key-id ''/);
  });
});

/** Makes a folder with one script, a data folder and two key files. */
async function workspace() {
  const dir = await tempDir("infio-master-key-");
  const data = join(dir, "data");
  await mkdir(join(dir, "sql"));
  await writeFile(join(dir, "sql", "checkpoint.sql"), CHECKPOINT_PROC);
  for (const name of ["store.key", "other.key"]) {
    const created = await createKeyFile(join(dir, name));
    assert.ok(created.ok);
  }
  const run = async (args: string[], env: Record<string, string> = {}) => {
    const ctx = captureContext({ cwd: dir, homedir: dir, env: { INFIO_HOME: data, ...env } });
    const code = await main(args, ctx);
    return { code, out: ctx.out.join(""), err: ctx.err.join("") };
  };
  return { dir, data, run };
}

type Workspace = Awaited<ReturnType<typeof workspace>>;

/** Assesses the script into the store and returns the assessment id. */
async function assess(w: Workspace, args: string[], env: Record<string, string> = {}): Promise<string> {
  const result = await w.run(["assess", "sql", "--jobs", "1", "-q", "--format", "json", ...args], env);
  assert.equal(result.code, 0, result.err);
  const id = /^assessment (\S+)/.exec(result.out)?.[1];
  assert.ok(id !== undefined, result.out);
  return id;
}

/** Returns the contents of every file under the data folder's keys/, to show nothing changed. */
async function keyRecords(w: Workspace): Promise<string[]> {
  const dir = join(w.data, "keys");
  const names = (await readdir(dir)).sort();
  return Promise.all(names.map(async (n) => `${n}: ${await readFile(join(dir, n), "utf8")}`));
}

async function recordOf(w: Workspace, id: string): Promise<{ master: { kind: string; keyId: string } }> {
  return JSON.parse(await readFile(join(w.data, "keys", `${id}.json`), "utf8"));
}

async function fingerprintOf(w: Workspace, name: string): Promise<string> {
  const opened = await openKeyFile(join(w.dir, name));
  assert.ok(opened.ok);
  return opened.value.provider.ref.keyId;
}

describe("the store's master key from the command line", () => {
  it("wraps with --key-file and creates no default key", async () => {
    const w = await workspace();
    const id = await assess(w, ["--key-file", "store.key"]);

    const record = await recordOf(w, id);
    assert.equal(record.master.kind, "key-file");
    assert.equal(existsSync(join(w.data, "master.key")), false, "the default key file was created");

    for (const command of [["show", id], ["list"], ["diff", id, id], ["report", id, "--out", "again", "--format", "json"]]) {
      const result = await w.run([...command, "--key-file", "store.key"]);
      assert.equal(result.code, 0, `${command[0]}: ${result.err}`);
    }
  });

  it("takes the key file from INFIO_KEY_FILE", async () => {
    const w = await workspace();
    const env = { INFIO_KEY_FILE: join(w.dir, "store.key") };
    const id = await assess(w, [], env);

    assert.equal(existsSync(join(w.data, "master.key")), false);
    const shown = await w.run(["show", id], env);
    assert.equal(shown.code, 0, shown.err);
    assert.match(shown.out, new RegExp(`Assessment  ${id}`));
  });

  it("fails on another key file, naming it, and changes nothing", async () => {
    const w = await workspace();
    const id = await assess(w, ["--key-file", "store.key"]);
    const records = await keyRecords(w);

    for (const command of [["show", id], ["report", id, "--out", "r2"], ["diff", id, id]]) {
      const result = await w.run([...command, "--key-file", "other.key"]);
      assert.equal(result.code, 1, `${command[0]}: ${result.err}`);
      assert.match(result.err, new RegExp(`cannot decrypt assessment '${id}'`));
      assert.match(result.err, /not by key file '.*other\.key'/);
      assert.match(result.err, /pass the master key that wrapped it \(--key-file or --kms-key-id\)/);
      assert.doesNotMatch(result.err, /failed unexpectedly|\n\s+at /, "a stack trace was printed");
    }
    assert.equal(existsSync(join(w.dir, "r2")), false);
    assert.deepEqual(await keyRecords(w), records);

    const listed = await w.run(["list", "--key-file", "other.key"]);
    assert.equal(listed.code, 0, listed.err);
    assert.match(listed.err, new RegExp(`assessment ${id} is listed without its sources`));

    const right = await w.run(["show", id, "--key-file", "store.key"]);
    assert.equal(right.code, 0, right.err);
  });

  it("fails on a missing key file, naming it, and creates none", async () => {
    const w = await workspace();
    const id = await assess(w, ["--key-file", "store.key"]);
    const records = await keyRecords(w);

    const named = await w.run(["show", id, "--key-file", "absent.key"]);
    assert.equal(named.code, 1);
    assert.match(named.err, /key file '.*absent\.key' not found/);
    assert.equal(existsSync(join(w.dir, "absent.key")), false);

    // Without a key named, the default key file is missing, and a new one
    // could not open the assessment, so none is created.
    const unnamed = await w.run(["show", id]);
    assert.equal(unnamed.code, 1);
    assert.match(unnamed.err, /master key file '.*master\.key' not found/);
    assert.match(unnamed.err, /restore that key file from your backup or pass it with --key-file/);
    assert.equal(existsSync(join(w.data, "master.key")), false);
    assert.deepEqual(await keyRecords(w), records);
  });

  it("purges with the key file chosen", async () => {
    const w = await workspace();
    const id = await assess(w, ["--key-file", "store.key"]);

    const purged = await w.run(["purge", "--assessment", id, "--yes", "--key-file", "store.key"]);

    assert.equal(purged.code, 0, purged.err);
    assert.equal(purged.out, `purged ${id}\n`);
    assert.equal(existsSync(join(w.data, "keys", `${id}.json`)), false);
  });

  it("rotates the key file that INFIO_KEY_FILE names", async () => {
    const w = await workspace();
    const env = { INFIO_KEY_FILE: join(w.dir, "store.key") };
    const id = await assess(w, [], env);
    const before = (await recordOf(w, id)).master.keyId;

    const rotated = await w.run(["keys", "rotate"], env);

    assert.equal(rotated.code, 0, rotated.err);
    assert.match(rotated.err, /re-wrapped 1 data key under key-file:/);
    const after = (await recordOf(w, id)).master.keyId;
    assert.notEqual(after, before);
    assert.equal(after, await fingerprintOf(w, "store.key"));
    const shown = await w.run(["show", id], env);
    assert.equal(shown.code, 0, shown.err);
  });
});

describe("key, password, config and bundle files that are named pipes", posixOnly, () => {
  let w: Workspace;
  let pipe: string;
  let id: string;

  before(async () => {
    w = await workspace();
    id = await assess(w, ["--key-file", "store.key"]);
    const encrypted = await w.run(["assess", "sql", "--store", "none", "--encrypt-output", "--key-file", "store.key", "--out", "enc", "--format", "json", "-q"]);
    assert.equal(encrypted.code, 0, encrypted.err);
    pipe = join(w.dir, "pipe");
    execFileSync("mkfifo", ["-m", "600", pipe]);
  });

  // A read that regressed to waiting for a writer is released here.
  after(() => {
    try {
      closeSync(openSync(pipe, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // ENXIO: nobody is reading, as expected.
    }
  });

  const runs: [string, () => string[]][] = [
    ["show --key-file", () => ["show", id, "--key-file", pipe]],
    ["assess --key-file", () => ["assess", "sql", "--key-file", pipe, "--out", "never", "-q"]],
    ["assess --encrypt-output --key-file", () => ["assess", "sql", "--store", "none", "--encrypt-output", "--key-file", pipe, "--out", "never"]],
    ["keys rotate --key-file", () => ["keys", "rotate", "--key-file", pipe]],
    ["assess --config", () => ["assess", "sql", "--config", pipe, "--out", "never", "-q"]],
    ["assess --bundle", () => ["assess", "--bundle", pipe, "--key-file", "store.key", "--out", "never", "-q"]],
    ["decrypt --key-file", () => ["decrypt", "enc/assessment.json.infio-enc", "--out", "never", "--key-file", pipe]],
    [
      "assess --password-file",
      () => ["assess", "--server", "127.0.0.1,1", "--user", "infio_reader", "--password-file", pipe, "--out", "never"],
    ],
  ];
  for (const [name, args] of runs) {
    it(`fails at once for ${name}`, { timeout: 60_000 }, async () => {
      const result = await w.run(args());

      assert.notEqual(result.code, 0);
      assert.ok(result.err.includes(`'${pipe}' is not a regular file (it is a named pipe)`), result.err);
      assert.equal(existsSync(join(w.dir, "never")), false);
    });
  }
});
