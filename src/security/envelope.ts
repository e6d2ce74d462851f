/**
 * Envelope encryption of values: AES-256-GCM under an assessment's data key,
 * with the assessment id, field name and object id bound into the tag as
 * associated data. docs/security.md documents the binary format; streams
 * are in envelope-stream.ts.
 *
 * Value format, version 1 (all integers big endian):
 *
 *   offset  bytes  content
 *   0       4      magic "infE"
 *   4       1      version, 1
 *   5       1      kind, 1 = value
 *   6       16     data key id
 *   22      12     nonce, random
 *   34      n      ciphertext
 *   34+n    16     GCM tag
 *
 * The tag covers the 34 header bytes and the associated data, so a value
 * moved to another field, object or assessment fails to decrypt.
 */

import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

import {
  KEY_ID_BYTES,
  KIND_VALUE,
  TAG_BYTES,
  associatedData,
  checkHeader,
  envelopeHeader,
  type EnvelopeContext,
} from "./envelope-header.js";
import { fail, ok, type Result } from "./errors.js";
import type { DataKey } from "./keys/data-key.js";

export { createDecryptStream, createEncryptStream } from "./envelope-stream.js";
export type { EnvelopeContext } from "./envelope-header.js";

const NONCE_BYTES = 12;
const VALUE_HEADER_BYTES = 6 + KEY_ID_BYTES + NONCE_BYTES;

/** Encrypts one value; each call uses a fresh random nonce. */
export function encryptValue(
  key: DataKey,
  plaintext: Uint8Array | string,
  context: EnvelopeContext,
): Buffer {
  // NIST SP 800-38D section 8.3 limits random 96-bit nonces to 2^32
  // encryptions per key; a data key serves one assessment, far fewer values.
  const header = Buffer.concat([
    envelopeHeader(KIND_VALUE, key),
    randomBytes(NONCE_BYTES),
  ]);
  const cipher = createCipheriv("aes-256-gcm", key.keyBytes(), header.subarray(6 + KEY_ID_BYTES));
  cipher.setAAD(Buffer.concat([header, associatedData(key, context)]));

  const data = typeof plaintext === "string" ? Buffer.from(plaintext, "utf8") : plaintext;
  const body = Buffer.concat([cipher.update(data), cipher.final()]);
  return Buffer.concat([header, body, cipher.getAuthTag()]);
}

/** Decrypts what encryptValue returned, with the same key and context. */
export function decryptValue(
  key: DataKey,
  envelope: Uint8Array,
  context: EnvelopeContext,
): Result<Buffer> {
  const bytes = Buffer.from(envelope.buffer, envelope.byteOffset, envelope.byteLength);
  if (bytes.length < VALUE_HEADER_BYTES + TAG_BYTES) {
    return fail("invalid-format", `encrypted value of ${bytes.length} bytes is too short to be an infio envelope`);
  }
  const checked = checkHeader(bytes, KIND_VALUE, key);
  if (!checked.ok) {
    return checked;
  }

  const header = bytes.subarray(0, VALUE_HEADER_BYTES);
  const decipher = createDecipheriv("aes-256-gcm", key.keyBytes(), header.subarray(6 + KEY_ID_BYTES));
  decipher.setAAD(Buffer.concat([header, associatedData(key, context)]));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  try {
    const body = bytes.subarray(VALUE_HEADER_BYTES, bytes.length - TAG_BYTES);
    return ok(Buffer.concat([decipher.update(body), decipher.final()]));
  } catch {
    return fail(
      "decrypt-failed",
      `cannot decrypt field '${context.field}' of assessment '${key.assessmentId}': ` +
        "the value was altered or belongs to another field or object",
    );
  }
}

