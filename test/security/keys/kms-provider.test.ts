import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";

import { decryptValue, encryptValue } from "../../../src/security/envelope.js";
import { createKeyFile } from "../../../src/security/keys/key-file.js";
import { FileDataKeyStore } from "../../../src/security/keys/key-store-file.js";
import { Keyring } from "../../../src/security/keys/keyring.js";
import { KmsProvider } from "../../../src/security/keys/kms-provider.js";
import { TEST_CREDENTIALS, startFakeAws, type FakeAws } from "../fake-aws.js";
import { tempDir } from "../temp-dir.js";

// Keep the SDK away from the real AWS configuration and the instance
// metadata service: every request must go to the fake server.
process.env.AWS_EC2_METADATA_DISABLED = "true";
process.env.AWS_CONFIG_FILE = "/nonexistent/infio-test-aws-config";
process.env.AWS_SHARED_CREDENTIALS_FILE = "/nonexistent/infio-test-aws-credentials";

const KEY_ARN = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const OTHER_ARN = "arn:aws:kms:eu-west-1:111122223333:key/0987dcba-09fe-87dc-65ba-ab0987654321";
const context = { assessmentId: "a1", dataKeyId: "ab".repeat(16) };
let aws: FakeAws;

before(async () => {
  aws = await startFakeAws();
  aws.addKmsKey(KEY_ARN);
  aws.addKmsKey(OTHER_ARN);
});

after(async () => {
  await aws.close();
});

function provider(keyId = KEY_ARN): KmsProvider {
  return new KmsProvider({ keyId, region: "eu-west-1", endpoint: aws.endpoint, credentials: TEST_CREDENTIALS });
}

describe("KmsProvider", () => {
  it("wraps and unwraps through KMS", async () => {
    const kms = provider();
    const key = Buffer.alloc(32, 9);

    const wrapped = await kms.wrap(key, context);
    assert.ok(wrapped.ok, wrapped.ok ? "" : wrapped.error.message);
    const unwrapped = await kms.unwrap(wrapped.value, context);

    assert.ok(unwrapped.ok, unwrapped.ok ? "" : unwrapped.error.message);
    assert.deepEqual(Buffer.from(unwrapped.value), key);
    kms.destroy();
  });

  it("sends the assessment as encryption context", async () => {
    const kms = provider();
    aws.requests.length = 0;

    await kms.wrap(Buffer.alloc(32), context);

    const request = aws.requests[0]!;
    assert.equal(request.target, "TrentService.Encrypt");
    assert.equal(request.body.KeyId, KEY_ARN);
    assert.deepEqual(request.body.EncryptionContext, { "infio:assessment": "a1", "infio:data-key": "ab".repeat(16) });
    assert.match(request.authorization, /Credential=AKIDFAKEINFIOTEST\/\d{8}\/eu-west-1\/kms\/aws4_request/);
    kms.destroy();
  });

  it("rejects another context", async () => {
    const kms = provider();
    const wrapped = await kms.wrap(Buffer.alloc(32), context);
    assert.ok(wrapped.ok);

    const unwrapped = await kms.unwrap(wrapped.value, { ...context, assessmentId: "a2" });

    assert.equal(!unwrapped.ok && unwrapped.error.code, "wrong-master-key");
    assert.match(!unwrapped.ok ? unwrapped.error.message : "", /InvalidCiphertextException/);
    kms.destroy();
  });

  it("rejects a ciphertext of another key", async () => {
    const wrapped = await provider(OTHER_ARN).wrap(Buffer.alloc(32), context);
    assert.ok(wrapped.ok);

    const unwrapped = await provider(KEY_ARN).unwrap(wrapped.value, context);

    assert.equal(!unwrapped.ok && unwrapped.error.code, "wrong-master-key");
    assert.match(!unwrapped.ok ? unwrapped.error.message : "", /IncorrectKeyException/);
  });

  it("reports an unknown key with its id", async () => {
    const missing = "arn:aws:kms:eu-west-1:111122223333:key/ffffffff-ffff-ffff-ffff-ffffffffffff";
    const wrapped = await provider(missing).wrap(Buffer.alloc(32), context);

    assert.equal(!wrapped.ok && wrapped.error.code, "kms-failed");
    const message = !wrapped.ok ? wrapped.error.message : "";
    assert.ok(message.includes(missing), message);
    assert.match(message, /NotFoundException/);
    assert.match(message, /check the key id/);
  });

  it("reports an unreachable endpoint", async () => {
    const kms = new KmsProvider({
      keyId: KEY_ARN,
      region: "eu-west-1",
      endpoint: "http://127.0.0.1:9",
      credentials: TEST_CREDENTIALS,
    });

    const wrapped = await kms.wrap(Buffer.alloc(32), context);

    assert.equal(!wrapped.ok && wrapped.error.code, "kms-failed");
    kms.destroy();
  });

  it("takes region and credentials from the environment", async () => {
    const saved = { ...process.env };
    process.env.AWS_ACCESS_KEY_ID = "AKIDFROMENVIRONMENT";
    process.env.AWS_SECRET_ACCESS_KEY = "environment-secret";
    process.env.AWS_REGION = "ap-southeast-2";
    aws.requests.length = 0;
    try {
      const kms = new KmsProvider({ keyId: KEY_ARN, endpoint: aws.endpoint });
      const wrapped = await kms.wrap(Buffer.alloc(32), context);
      assert.ok(wrapped.ok, wrapped.ok ? "" : wrapped.error.message);
      kms.destroy();
    } finally {
      process.env = saved;
    }

    assert.match(aws.requests[0]!.authorization, /Credential=AKIDFROMENVIRONMENT\/\d{8}\/ap-southeast-2\/kms\//);
  });
});

describe("Keyring with KMS", () => {
  it("rotates from a key file to KMS", async () => {
    const dir = await tempDir();
    const file = await createKeyFile(join(dir, "master.key"));
    assert.ok(file.ok);
    const keys = new FileDataKeyStore(join(dir, "keys"));
    const keyring = new Keyring(keys, file.value.provider);
    const key = await keyring.create("a1");
    assert.ok(key.ok);
    const sealed = encryptValue(key.value, "select 1", { field: "batch.text" });
    const kms = provider();

    const rotated = await keyring.rotate(kms);

    assert.ok(rotated.ok, rotated.ok ? "" : rotated.error.message);
    const opened = await new Keyring(keys, kms).open("a1");
    assert.ok(opened.ok, opened.ok ? "" : opened.error.message);
    const plain = decryptValue(opened.value, sealed, { field: "batch.text" });
    assert.equal(plain.ok && plain.value.toString(), "select 1");
    kms.destroy();
  });
});
