import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { pipeline } from "node:stream/promises";
import { describe, it } from "node:test";

import { createDecryptStream, createEncryptStream, decryptValue, encryptValue, type EnvelopeContext } from "../../src/security/envelope.js";
import { STREAM_HEADER_BYTES } from "../../src/security/envelope-stream.js";
import { SecurityError } from "../../src/security/errors.js";
import { DataKey } from "../../src/security/keys/data-key.js";

const key = DataKey.generate("a1");
const context = { field: "module.definition", objectId: "dbo.usp_orders" };

describe("encryptValue", () => {
  it("round-trips text and bytes", () => {
    for (const plain of ["", "x", "create procedure dbo.p as select 1", "é✓𝄞"]) {
      const result = decryptValue(key, encryptValue(key, plain, context), context);
      assert.equal(result.ok && result.value.toString("utf8"), plain);
    }
    const bytes = randomBytes(1000);
    const result = decryptValue(key, encryptValue(key, bytes, context), context);
    assert.deepEqual(result.ok && result.value, bytes);
  });

  it("hides the plaintext", () => {
    const sealed = encryptValue(key, "usp_secret_orders", context);
    assert.equal(sealed.includes(Buffer.from("usp_secret_orders")), false);
    assert.equal(sealed.length, 34 + 17 + 16);
    assert.equal(sealed.subarray(0, 4).toString(), "infE");
  });

  it("uses a fresh nonce each time", () => {
    const a = encryptValue(key, "same", context);
    const b = encryptValue(key, "same", context);
    assert.notDeepEqual(a, b);
  });

  it("binds assessment, field and object", () => {
    const sealed = encryptValue(key, "secret", context);
    const sameIdOtherAssessment = new DataKey("a2", key.id, key.keyBytes());
    const cases = [
      { name: "field", open: () => decryptValue(key, sealed, { ...context, field: "module.name" }) },
      { name: "object", open: () => decryptValue(key, sealed, { ...context, objectId: "dbo.other" }) },
      { name: "no object", open: () => decryptValue(key, sealed, { field: context.field }) },
      { name: "assessment", open: () => decryptValue(sameIdOtherAssessment, sealed, context) },
    ];
    for (const { name, open } of cases) {
      const result = open();
      assert.equal(!result.ok && result.error.code, "decrypt-failed", name);
    }
  });

  it("rejects another data key by id", () => {
    const sealed = encryptValue(key, "secret", context);
    const result = decryptValue(DataKey.generate("a1"), sealed, context);
    assert.equal(!result.ok && result.error.code, "decrypt-failed");
    assert.match(!result.ok ? result.error.message : "", new RegExp(`encrypted under data key ${key.id}`));
  });

  it("detects any flipped bit", () => {
    const sealed = encryptValue(key, "some code", context);
    for (let index = 0; index < sealed.length; index++) {
      const altered = Buffer.from(sealed);
      altered[index]! ^= 0x01;
      assert.equal(decryptValue(key, altered, context).ok, false, `byte ${index}`);
    }
  });

  it("rejects short, foreign and newer data", () => {
    const sealed = encryptValue(key, "x", context);
    const newer = Buffer.from(sealed);
    newer[4] = 2;
    const cases = [
      { data: sealed.subarray(0, 40), pattern: /too short/ },
      { data: Buffer.concat([Buffer.from("PK\x03\x04"), sealed.subarray(4)]), pattern: /not an infio envelope/ },
      { data: newer, pattern: /version 2.*upgrade infio/ },
    ];
    for (const { data, pattern } of cases) {
      const result = decryptValue(key, data, context);
      assert.equal(!result.ok && result.error.code, "invalid-format");
      assert.match(!result.ok ? result.error.message : "", pattern);
    }
  });
});

async function encryptAll(plain: Buffer, chunkBytes: number, pieces = 1): Promise<Buffer> {
  const parts: Buffer[] = [];
  const size = Math.ceil(plain.length / pieces) || 1;
  for (let offset = 0; offset < plain.length; offset += size) {
    parts.push(plain.subarray(offset, offset + size));
  }
  return buffer(Readable.from(parts).pipe(createEncryptStream(key, context, { chunkBytes })));
}

async function decryptAll(sealed: Buffer, pieceBytes = 7919, ctx: EnvelopeContext = context, dataKey = key): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let offset = 0; offset < sealed.length; offset += pieceBytes) {
    parts.push(sealed.subarray(offset, offset + pieceBytes));
  }
  const chunks: Buffer[] = [];
  await pipeline(Readable.from(parts), createDecryptStream(dataKey, ctx), async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) {
      chunks.push(chunk);
    }
  });
  return Buffer.concat(chunks);
}

async function decryptError(sealed: Buffer, ctx: EnvelopeContext = context): Promise<SecurityError> {
  try {
    await decryptAll(sealed, 7919, ctx);
  } catch (error) {
    assert.ok(error instanceof SecurityError, String(error));
    return error;
  }
  assert.fail("decryption succeeded");
}

/** Splits a sealed stream into its header and its chunks. */
function chunksOf(sealed: Buffer): { header: Buffer; chunks: Buffer[] } {
  const chunks: Buffer[] = [];
  let offset = STREAM_HEADER_BYTES;
  while (offset < sealed.length) {
    const length = sealed.readUInt32BE(offset + 1);
    chunks.push(sealed.subarray(offset, offset + 5 + length + 16));
    offset += 5 + length + 16;
  }
  return { header: sealed.subarray(0, STREAM_HEADER_BYTES), chunks };
}

describe("stream envelope", () => {
  const chunkBytes = 1024;
  for (const size of [0, 1, chunkBytes - 1, chunkBytes, chunkBytes + 1, 5 * chunkBytes, 5 * chunkBytes + 333]) {
    it(`round-trips ${size} bytes`, async () => {
      const plain = randomBytes(size);
      const sealed = await encryptAll(plain, chunkBytes, 3);

      assert.deepEqual(await decryptAll(sealed), plain);
      assert.deepEqual(await decryptAll(sealed, 1), plain);
      const expectedChunks = Math.floor(size / chunkBytes) + (size % chunkBytes === 0 && size > 0 ? 0 : 1);
      assert.equal(chunksOf(sealed).chunks.length, expectedChunks);
    });
  }

  it("marks only the last chunk final", async () => {
    const { chunks } = chunksOf(await encryptAll(randomBytes(3000), 1024));
    assert.deepEqual(chunks.map((c) => c[0]), [0, 0, 1]);
  });

  it("detects a missing final chunk", async () => {
    const sealed = await encryptAll(randomBytes(3000), 1024);
    const { header, chunks } = chunksOf(sealed);
    const error = await decryptError(Buffer.concat([header, ...chunks.slice(0, 2)]));
    assert.equal(error.code, "truncated");
  });

  it("detects a cut inside a chunk", async () => {
    const sealed = await encryptAll(randomBytes(3000), 1024);
    for (const cut of [10, STREAM_HEADER_BYTES + 3, STREAM_HEADER_BYTES + 500, sealed.length - 1]) {
      const error = await decryptError(sealed.subarray(0, cut));
      assert.equal(error.code, "truncated", `cut at ${cut}`);
    }
  });

  it("detects a missing middle chunk", async () => {
    const { header, chunks } = chunksOf(await encryptAll(randomBytes(3000), 1024));
    const error = await decryptError(Buffer.concat([header, chunks[0]!, chunks[2]!]));
    assert.equal(error.code, "decrypt-failed");
  });

  it("detects reordered chunks", async () => {
    const { header, chunks } = chunksOf(await encryptAll(randomBytes(4000), 1024));
    const error = await decryptError(Buffer.concat([header, chunks[1]!, chunks[0]!, chunks[2]!, chunks[3]!]));
    assert.equal(error.code, "decrypt-failed");
    assert.match(error.message, /chunk 0 of the encrypted stream failed authentication/);
  });

  it("detects a repeated chunk", async () => {
    const { header, chunks } = chunksOf(await encryptAll(randomBytes(3000), 1024));
    const error = await decryptError(Buffer.concat([header, chunks[0]!, chunks[0]!, chunks[1]!, chunks[2]!]));
    assert.equal(error.code, "decrypt-failed");
  });

  it("detects a forged final flag", async () => {
    const { header, chunks } = chunksOf(await encryptAll(randomBytes(3000), 1024));
    const forged = Buffer.from(chunks[1]!);
    forged[0] = 1;
    const error = await decryptError(Buffer.concat([header, chunks[0]!, forged]));
    assert.equal(error.code, "decrypt-failed");
  });

  it("detects data after the final chunk", async () => {
    const sealed = await encryptAll(randomBytes(100), 1024);
    const error = await decryptError(Buffer.concat([sealed, Buffer.from([0])]));
    assert.equal(error.code, "invalid-format");
    assert.match(error.message, /data follows the final chunk/);
  });

  it("detects chunks from another stream", async () => {
    const a = chunksOf(await encryptAll(randomBytes(3000), 1024));
    const b = chunksOf(await encryptAll(randomBytes(3000), 1024));
    const error = await decryptError(Buffer.concat([a.header, a.chunks[0]!, b.chunks[1]!, a.chunks[2]!]));
    assert.equal(error.code, "decrypt-failed");
  });

  it("detects a flipped bit anywhere", async () => {
    const sealed = await encryptAll(randomBytes(300), 128);
    for (let index = 0; index < sealed.length; index += 13) {
      const altered = Buffer.from(sealed);
      altered[index]! ^= 0x80;
      await assert.rejects(decryptAll(altered), SecurityError, `byte ${index}`);
    }
  });

  it("binds the field", async () => {
    const sealed = await encryptAll(Buffer.from("select 1"), 1024);
    const error = await decryptError(sealed, { field: "report.html" });
    assert.equal(error.code, "decrypt-failed");
  });

  it("rejects a bad chunk size", () => {
    assert.throws(() => createEncryptStream(key, context, { chunkBytes: 0 }), RangeError);
    assert.throws(() => createEncryptStream(key, context, { chunkBytes: 16 * 1024 * 1024 + 1 }), RangeError);
  });
});
