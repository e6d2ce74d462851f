/**
 * The store with an AWS KMS master key, against a fake KMS on loopback:
 * data keys are wrapped by KMS, and a later opening without that provider
 * unwraps them with the KMS key that each record names.
 */

import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { KmsProvider } from "../../src/security/keys/kms-provider.js";
import { StoreError } from "../../src/store/errors.js";
import { openStore } from "../../src/store/open-store.js";
import { TEST_CREDENTIALS, startFakeAws, type FakeAws } from "../security/fake-aws.js";
import { sampleAssessment } from "./sample-assessment.js";

const KEY_ARN = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

describe("store with an AWS KMS master key", () => {
  let aws: FakeAws;
  let root: string;

  before(async () => {
    aws = await startFakeAws();
    aws.addKmsKey(KEY_ARN);
    root = mkdtempSync(join(tmpdir(), "infio-kms-store-"));
  });

  after(async () => {
    await aws.close();
    rmSync(root, { recursive: true, force: true });
  });

  const connection = () => ({ region: "eu-west-1", endpoint: aws.endpoint, credentials: TEST_CREDENTIALS });

  it("wraps data keys with KMS and opens them by the record", async () => {
    const dataDir = join(root, "data");
    const master = new KmsProvider({ keyId: KEY_ARN, ...connection() });
    const written = await openStore("embedded", { dataDir, keys: { master } });
    assert.ok(written.ok);
    try {
      await written.store.saveAssessment(sampleAssessment("kms-one"));
    } finally {
      await written.store.close();
      master.destroy();
    }

    const record = JSON.parse(readFileSync(join(dataDir, "keys", "kms-one.json"), "utf8"));
    assert.deepStrictEqual(record.master, { kind: "aws-kms", keyId: KEY_ARN });
    assert.equal(existsSync(join(dataDir, "master.key")), false);

    const read = await openStore("embedded", { dataDir, keys: { kms: connection() } });
    assert.ok(read.ok);
    try {
      assert.deepStrictEqual(await read.store.getAssessment("kms-one"), sampleAssessment("kms-one"));
    } finally {
      await read.store.close();
    }
    const decrypts = aws.requests.filter((r) => r.target === "TrentService.Decrypt");
    assert.equal(decrypts.length, 1);
    assert.deepStrictEqual(decrypts[0]?.body.EncryptionContext, {
      "infio:assessment": "kms-one",
      "infio:data-key": record.dataKeyId,
    });
  });

  it("fails clearly when KMS rejects the key and changes nothing", async () => {
    const dataDir = join(root, "data");
    const recordPath = join(dataDir, "keys", "kms-one.json");
    const record = readFileSync(recordPath);
    const unknownKms = await startFakeAws();
    try {
      const opened = await openStore("embedded", {
        dataDir,
        keys: { kms: { ...connection(), endpoint: unknownKms.endpoint } },
      });
      assert.ok(opened.ok);
      try {
        await assert.rejects(opened.store.getAssessment("kms-one"), (error: unknown) => {
          assert.ok(error instanceof StoreError);
          assert.equal(error.code, "key-unavailable");
          assert.match(error.message, /assessment 'kms-one'.*AWS KMS key/s);
          return true;
        });
      } finally {
        await opened.store.close();
      }
    } finally {
      await unknownKms.close();
    }
    assert.deepStrictEqual(readFileSync(recordPath), record);
  });
});
