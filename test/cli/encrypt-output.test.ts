/**
 * `--encrypt-output` and `infio decrypt`: reports written encrypted and
 * opened again, and every way opening fails (wrong or missing key, an
 * altered byte or header, a cut file, a file in the way) without writing
 * or changing anything. In-process, plus one run with an AWS KMS key
 * against the fake AWS endpoint in a child process.
 */

import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, readFile, readdir, stat, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { main } from "../../src/cli/main.js";
import { createKeyFile } from "../../src/security/keys/key-file.js";
import { TEST_CREDENTIALS, startFakeAws, type FakeAws } from "../security/fake-aws.js";
import { tempDir } from "../security/temp-dir.js";
import { captureContext } from "./capture.js";
import { CHECKPOINT_PROC } from "./fixture-folder.js";
import { IsolatedWorkspace } from "./isolated.js";

async function workspace() {
  const dir = await tempDir("infio-encrypt-");
  const data = join(dir, "data");
  await mkdir(join(dir, "sql"));
  await writeFile(join(dir, "sql", "checkpoint.sql"), CHECKPOINT_PROC);
  const key = await createKeyFile(join(dir, "reports.key"));
  const other = await createKeyFile(join(dir, "other.key"));
  assert.ok(key.ok);
  assert.ok(other.ok);
  const run = async (args: string[]) => {
    const ctx = captureContext({ cwd: dir, homedir: dir, env: { INFIO_HOME: data } });
    const code = await main(args, ctx);
    return { code, out: ctx.out.join(""), err: ctx.err.join("") };
  };
  return { dir, data, run };
}

type Workspace = Awaited<ReturnType<typeof workspace>>;

const ENCRYPTED = ["assess", "sql", "--jobs", "1", "-q", "--encrypt-output", "--key-file", "reports.key"];

/** Runs an encrypted assessment into `enc` and returns its files. */
async function encryptedReports(w: Workspace, extra: string[] = []): Promise<string[]> {
  const result = await w.run([...ENCRYPTED, "--store", "none", "--out", "enc", ...extra]);
  assert.equal(result.code, 0, result.err);
  return (await readdir(join(w.dir, "enc"))).sort();
}

/** Returns name, size and time of each file in `dir`, to show that nothing changed. */
async function listing(dir: string): Promise<string[]> {
  const names = existsSync(dir) ? (await readdir(dir)).sort() : [];
  return Promise.all(names.map(async (n) => {
    const info = await stat(join(dir, n));
    return `${n} ${info.size} ${info.mtimeMs}`;
  }));
}

describe("--encrypt-output", () => {
  it("writes each report encrypted, under its name plus .infio-enc", async () => {
    const w = await workspace();
    const files = await encryptedReports(w);

    assert.deepEqual(files, [
      "assessment.html.infio-enc",
      "assessment.json.infio-enc",
      "assessment.sarif.infio-enc",
      "dependencies.json.infio-enc",
      "findings.csv.infio-enc",
    ]);
    for (const name of files) {
      const bytes = await readFile(join(w.dir, "enc", name));
      const [magic, header] = bytes.subarray(0, 2048).toString("utf8").split("\n");
      assert.equal(magic, "infio-encrypted-v1");
      const parsed = JSON.parse(header!);
      assert.equal(parsed.name, name.replace(/\.infio-enc$/, ""));
      assert.equal(parsed.key.master.kind, "key-file");
      // The procedure's name and the finding's feature are in every plain report.
      assert.equal(bytes.includes("FlushLog"), false, `${name} holds plain text`);
      assert.equal(bytes.includes("CHECKPOINT"), false, `${name} holds plain text`);
    }
  });

  it("decrypts to the same bytes as the plain reports", async () => {
    const w = await workspace();
    // --key-file names the master key of every run, so the store uses it too.
    const assessed = await w.run(["assess", "sql", "--jobs", "1", "-q", "--out", "first", "--format", "json", "--key-file", "reports.key"]);
    assert.equal(assessed.code, 0, assessed.err);
    const id = /^assessment (\S+)/.exec(assessed.out)![1]!;
    for (const args of [
      ["report", id, "--out", "plain", "--format", "json,csv,sarif", "--key-file", "reports.key"],
      ["report", id, "--out", "enc", "--format", "json,csv,sarif", "--encrypt-output", "--key-file", "reports.key"],
    ]) {
      const result = await w.run(args);
      assert.equal(result.code, 0, result.err);
    }

    const decrypted = await w.run([
      "decrypt", "enc/assessment.json.infio-enc", "enc/findings.csv.infio-enc", "enc/assessment.sarif.infio-enc",
      "--out", "opened", "--key-file", "reports.key",
    ]);

    assert.equal(decrypted.code, 0, decrypted.err);
    assert.deepEqual(decrypted.out.trim().split("\n"), [
      `decrypted ${join(w.dir, "opened", "assessment.json")}`,
      `decrypted ${join(w.dir, "opened", "findings.csv")}`,
      `decrypted ${join(w.dir, "opened", "assessment.sarif")}`,
    ]);
    for (const name of ["assessment.json", "findings.csv", "assessment.sarif"]) {
      assert.ok((await readFile(join(w.dir, "opened", name))).equals(await readFile(join(w.dir, "plain", name))), name);
    }
  });

  it("decrypts beside the input by default, with the data folder's key", async () => {
    const w = await workspace();
    await w.run(["keys", "init"]);
    const result = await w.run(["assess", "sql", "--jobs", "1", "-q", "--store", "none", "--out", "enc", "--format", "json", "--encrypt-output"]);
    assert.equal(result.code, 0, result.err);

    const decrypted = await w.run(["decrypt", "enc/assessment.json.infio-enc"]);

    assert.equal(decrypted.code, 0, decrypted.err);
    const json = JSON.parse(await readFile(join(w.dir, "enc", "assessment.json"), "utf8"));
    assert.equal(json.summary.files, 1);
  });

  it("fails at once on a missing key, creating nothing", async () => {
    const w = await workspace();
    const result = await w.run([...ENCRYPTED.slice(0, -2), "--key-file", "absent.key", "--store", "none", "--out", "enc"]);
    assert.equal(result.code, 1);
    assert.match(result.err, /key file '.*absent\.key' not found; check the path/);
    assert.equal(existsSync(join(w.dir, "enc")), false);
  });

  const usage: [string, string[], RegExp][] = [
    ["two master keys", ["assess", "sql", "--encrypt-output", "--key-file", "k", "--kms-key-id", "a"], /pass only one of them/],
    ["an empty KMS key id", ["assess", "sql", "--encrypt-output", "--kms-key-id", " "], /invalid --kms-key-id ''/],
  ];
  for (const [name, args, expected] of usage) {
    it(`rejects ${name}`, async () => {
      const w = await workspace();
      const result = await w.run(args);
      assert.equal(result.code, 2, result.err);
      assert.match(result.err, expected);
    });
  }
});

describe("infio decrypt failures", () => {
  let w: Workspace;
  let input: string;

  before(async () => {
    w = await workspace();
    await encryptedReports(w, ["--format", "json"]);
    input = join(w.dir, "enc", "assessment.json.infio-enc");
  });

  /** A copy of the encrypted report, changed by `change`, in a folder of its own. */
  async function copy(name: string, change: (bytes: Buffer) => Buffer = (b) => b): Promise<string> {
    const folder = join(w.dir, name);
    await mkdir(folder);
    const path = join(folder, "assessment.json.infio-enc");
    await writeFile(path, change(await readFile(input)));
    return path;
  }

  async function assertNothingWritten(path: string, args: string[], expected: RegExp): Promise<void> {
    const folder = join(path, "..");
    const before = await listing(folder);
    const result = await w.run(["decrypt", path, ...args]);
    assert.equal(result.code, 1, result.out);
    assert.match(result.err, expected);
    assert.deepEqual(await listing(folder), before, "the folder changed");
    assert.equal(result.out, "");
  }

  it("rejects a wrong key", async () => {
    const path = await copy("wrong-key");
    await assertNothingWritten(
      path,
      ["--key-file", "other.key"],
      /was encrypted under master key key-file:[0-9a-f]{32}, not key-file:[0-9a-f]{32} from '.*other\.key'; nothing was decrypted/,
    );
  });

  it("rejects a missing key", async () => {
    const path = await copy("missing-key");
    await assertNothingWritten(path, [], /key file '.*master\.key' not found; check the path; nothing was decrypted. Pass the key file/);
  });

  it("rejects an altered byte", async () => {
    const path = await copy("altered", (b) => {
      const changed = Buffer.from(b);
      changed[changed.length - 30]! ^= 0x01;
      return changed;
    });
    await assertNothingWritten(path, ["--key-file", "reports.key"], /was altered or damaged: chunk 0 of the encrypted stream failed authentication/);
  });

  it("rejects an altered header", async () => {
    const path = await copy("header", (b) => Buffer.from(b.toString("latin1").replace('"infioVersion":"', '"infioVersion":"9'), "latin1"));
    await assertNothingWritten(path, ["--key-file", "reports.key"], /was altered or damaged/);
  });

  it("rejects a cut file", async () => {
    const path = await copy("cut");
    await truncate(path, (await stat(path)).size - 10);
    await assertNothingWritten(path, ["--key-file", "reports.key"], /is truncated: it ends before its last encrypted chunk/);
  });

  it("rejects a file that infio did not encrypt", async () => {
    const path = await copy("plain", () => Buffer.from("{\"not\": \"encrypted\"}\n"));
    await assertNothingWritten(path, ["--key-file", "reports.key"], /is not a file that infio encrypted: its first line is not 'infio-encrypted-v1'/);
  });

  it("never replaces an existing file", async () => {
    const path = await copy("taken");
    await writeFile(join(w.dir, "taken", "assessment.json"), "mine\n");
    await assertNothingWritten(path, ["--key-file", "reports.key"], /'.*assessment\.json' already exists and was left unchanged; nothing was decrypted/);
    assert.equal(await readFile(join(w.dir, "taken", "assessment.json"), "utf8"), "mine\n");
  });

  it("writes nothing when a later file fails", async () => {
    const good = await copy("mixed");
    const bad = join(w.dir, "mixed", "findings.csv.infio-enc");
    await writeFile(bad, (await readFile(good)).subarray(0, 200));
    const before = await listing(join(w.dir, "mixed"));

    const result = await w.run(["decrypt", good, bad, "--key-file", "reports.key"]);

    assert.equal(result.code, 1);
    assert.deepEqual(await listing(join(w.dir, "mixed")), before);
  });
});

describe("--encrypt-output with AWS KMS", () => {
  let aws: FakeAws;
  const workspaceKms = new IsolatedWorkspace();

  before(async () => {
    aws = await startFakeAws();
    aws.addKmsKey("alias/infio-reports");
    await mkdir(join(workspaceKms.cwd, "sql"));
    await writeFile(join(workspaceKms.cwd, "sql", "a.sql"), CHECKPOINT_PROC);
  });
  after(async () => {
    await aws?.close();
    workspaceKms.remove();
  });

  it("wraps the reports' key with the KMS key and opens them with it", async () => {
    const env = {
      AWS_ENDPOINT_URL_KMS: aws.endpoint,
      AWS_REGION: "eu-west-1",
      AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    };
    const assessed = await workspaceKms.infio(
      ["assess", "sql", "--store", "none", "--out", "enc", "--format", "json", "--encrypt-output", "--kms-key-id", "alias/infio-reports"],
      env,
    );
    assert.equal(assessed.code, 0, assessed.stderr);
    const header = (await readFile(join(workspaceKms.cwd, "enc", "assessment.json.infio-enc"), "utf8")).split("\n")[1]!;
    assert.deepEqual(JSON.parse(header).key.master, { kind: "aws-kms", keyId: "alias/infio-reports" });
    assert.ok(aws.requests.some((r) => r.target === "TrentService.Encrypt"));

    const decrypted = await workspaceKms.infio(["decrypt", "enc/assessment.json.infio-enc"], env);
    assert.equal(decrypted.code, 0, decrypted.stderr);
    assert.ok(aws.requests.some((r) => r.target === "TrentService.Decrypt"));
    const json = JSON.parse(await readFile(join(workspaceKms.cwd, "enc", "assessment.json"), "utf8"));
    assert.equal(json.summary.files, 1);
  });
});
