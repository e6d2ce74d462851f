/**
 * The store's master key in AWS KMS, chosen with `--kms-key-id` or
 * `INFIO_KMS_KEY_ID`, against the fake AWS endpoint on loopback. infio runs
 * in child processes, because the AWS SDK takes the endpoint, region and
 * credentials from the process environment (AWS_ENDPOINT_URL_KMS).
 */

import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, readFile, readdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { TEST_CREDENTIALS, startFakeAws, type FakeAws } from "../security/fake-aws.js";
import { CHECKPOINT_PROC } from "./fixture-folder.js";
import { IsolatedWorkspace, type IsolatedRun } from "./isolated.js";

const STORE_KEY = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const ALIAS = "alias/infio-store";

describe("the store's master key in AWS KMS", { concurrency: false }, () => {
  let aws: FakeAws;
  let empty: FakeAws;
  const w = new IsolatedWorkspace();

  before(async () => {
    aws = await startFakeAws();
    aws.addKmsKey(STORE_KEY);
    aws.addKmsKey(ALIAS);
    // A KMS endpoint that has none of the keys, as another account or region would.
    empty = await startFakeAws();
    await mkdir(join(w.cwd, "sql"));
    await writeFile(join(w.cwd, "sql", "a.sql"), CHECKPOINT_PROC);
  });
  after(async () => {
    await aws?.close();
    await empty?.close();
    w.remove();
  });

  const awsEnv = (endpoint = aws.endpoint): Record<string, string> => ({
    AWS_ENDPOINT_URL_KMS: endpoint,
    AWS_REGION: "eu-west-1",
    AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
  });

  async function assess(args: string[], env: Record<string, string>): Promise<string> {
    const run = await w.infio(["assess", "sql", "--jobs", "1", "-q", "--format", "json", "--out", "r", ...args], env);
    assert.equal(run.code, 0, run.stderr);
    return idOf(run);
  }

  const idOf = (run: IsolatedRun): string => {
    const id = /^assessment (\S+)/.exec(run.stdout)?.[1];
    assert.ok(id !== undefined, run.stdout);
    return id;
  };

  const recordOf = async (id: string): Promise<{ master: { kind: string; keyId: string }; dataKeyId: string }> =>
    JSON.parse(await readFile(join(w.data, "keys", `${id}.json`), "utf8"));

  it("wraps data keys with --kms-key-id and creates no key file", async () => {
    const id = await assess(["--kms-key-id", STORE_KEY], awsEnv());

    const record = await recordOf(id);
    assert.deepEqual(record.master, { kind: "aws-kms", keyId: STORE_KEY });
    assert.equal(existsSync(join(w.data, "master.key")), false);
    const encrypts = aws.requests.filter((r) => r.target === "TrentService.Encrypt");
    assert.ok(encrypts.some((r) => r.body.KeyId === STORE_KEY));

    // Reading needs no option: the record names its KMS key.
    const shown = await w.infio(["show", id, "--json"], awsEnv());
    assert.equal(shown.code, 0, shown.stderr);
    assert.equal(JSON.parse(shown.stdout).id, id);
    const decrypt = aws.requests.find(
      (r) => r.target === "TrentService.Decrypt" && r.body.EncryptionContext !== undefined,
    );
    assert.deepEqual(decrypt?.body.EncryptionContext, {
      "infio:assessment": id,
      "infio:data-key": record.dataKeyId,
    });
  });

  it("takes the KMS key from INFIO_KMS_KEY_ID", async () => {
    const id = await assess([], { ...awsEnv(), INFIO_KMS_KEY_ID: ALIAS });

    assert.deepEqual((await recordOf(id)).master, { kind: "aws-kms", keyId: ALIAS });
    const reported = await w.infio(["report", id, "--out", "r-alias", "--format", "json"], awsEnv());
    assert.equal(reported.code, 0, reported.stderr);
    assert.equal(existsSync(join(w.data, "master.key")), false);
  });

  it("fails on an unknown KMS key", async () => {
    const before = (await readdir(join(w.data, "keys"))).sort();

    const run = await w.infio(
      ["assess", "sql", "--jobs", "1", "-q", "--out", "r-missing", "--kms-key-id", "alias/not-there"],
      awsEnv(),
    );

    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /AWS KMS key 'alias\/not-there'/);
    assert.match(run.stderr, /NotFoundException/);
    assert.deepEqual((await readdir(join(w.data, "keys"))).sort(), before);
    const listed = await w.infio(["list", "--json"], awsEnv());
    assert.equal(listed.code, 0, listed.stderr);
    assert.equal((JSON.parse(listed.stdout) as { id: string }[]).length, before.length);
  });

  it("fails when KMS cannot decrypt, naming the key, and changes nothing", async () => {
    const id = await assess(["--kms-key-id", STORE_KEY], awsEnv());
    const record = await readFile(join(w.data, "keys", `${id}.json`));

    const shown = await w.infio(["show", id], awsEnv(empty.endpoint));

    assert.equal(shown.code, 1);
    assert.match(shown.stderr, new RegExp(`cannot decrypt assessment '${id}'`));
    assert.ok(shown.stderr.includes(`AWS KMS key '${STORE_KEY}'`), shown.stderr);
    assert.match(shown.stderr, /Nothing was changed/);
    assert.doesNotMatch(shown.stderr, /failed unexpectedly/);
    assert.deepEqual(await readFile(join(w.data, "keys", `${id}.json`)), record);
  });

  it("rotates key-file data keys to a KMS key", async () => {
    // The default key file wraps this one.
    const id = await assess([], awsEnv());
    assert.equal((await recordOf(id)).master.kind, "key-file");

    const rotated = await w.infio(["keys", "rotate", "--kms-key-id", ALIAS], awsEnv());

    assert.equal(rotated.code, 0, rotated.stderr);
    assert.match(rotated.stderr, /re-wrapped \d+ data keys? under aws-kms:alias\/infio-store/);
    assert.match(rotated.stderr, /set INFIO_KMS_KEY_ID=alias\/infio-store/);
    for (const name of await readdir(join(w.data, "keys"))) {
      const record = JSON.parse(await readFile(join(w.data, "keys", name), "utf8"));
      assert.deepEqual(record.master, { kind: "aws-kms", keyId: ALIAS }, name);
    }

    // The key file is no longer needed to read the store.
    await rename(join(w.data, "master.key"), join(w.root, "master.key.kept"));
    const shown = await w.infio(["show", id], { ...awsEnv(), INFIO_KMS_KEY_ID: ALIAS });
    assert.equal(shown.code, 0, shown.stderr);
    assert.equal(existsSync(join(w.data, "master.key")), false);
  });
});
