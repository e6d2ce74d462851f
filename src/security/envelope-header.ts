/**
 * The parts shared by value and stream envelopes: the first 22 bytes (magic,
 * version, kind, data key id) and the associated data.
 */

import { encodeAssociatedData } from "./associated-data.js";
import { fail, ok, type Result } from "./errors.js";
import type { DataKey } from "./keys/data-key.js";

export const ENVELOPE_MAGIC = Buffer.from("infE", "latin1");
export const ENVELOPE_VERSION = 1;
export const KIND_VALUE = 1;
export const KIND_STREAM = 2;
export const KEY_ID_BYTES = 16;
export const TAG_BYTES = 16;

/** Names that a ciphertext is bound to, besides its assessment's data key. */
export interface EnvelopeContext {
  /** Column or field name, such as `module.definition`. */
  readonly field: string;
  /** Row or object the value belongs to, such as `dbo.usp_orders`. */
  readonly objectId?: string;
}

/** The first 22 bytes shared by values and streams: magic, version, kind, key id. */
export function envelopeHeader(kind: number, key: DataKey): Buffer {
  return Buffer.concat([
    ENVELOPE_MAGIC,
    Buffer.from([ENVELOPE_VERSION, kind]),
    Buffer.from(key.id, "hex"),
  ]);
}

/** Checks magic, version, kind and data key id of an envelope's first bytes. */
export function checkHeader(bytes: Buffer, kind: number, key: DataKey): Result<void> {
  if (!bytes.subarray(0, 4).equals(ENVELOPE_MAGIC)) {
    return fail("invalid-format", "data is not an infio envelope: its first 4 bytes are not 'infE'");
  }
  const version = bytes[4];
  if (version !== ENVELOPE_VERSION) {
    return fail(
      "invalid-format",
      `infio envelope has version ${version}, but this infio reads version ${ENVELOPE_VERSION}; upgrade infio`,
    );
  }
  if (bytes[5] !== kind) {
    const expected = kind === KIND_VALUE ? "a value" : "a stream";
    return fail("invalid-format", `infio envelope is of kind ${bytes[5]}, not ${expected}`);
  }

  const keyId = bytes.subarray(6, 6 + KEY_ID_BYTES).toString("hex");
  if (keyId !== key.id) {
    return fail(
      "decrypt-failed",
      `data was encrypted under data key ${keyId}, not under ${key.id} of assessment ` +
        `'${key.assessmentId}'; open it with its own assessment's key`,
    );
  }
  return ok(undefined);
}

export function associatedData(key: DataKey, context: EnvelopeContext): Buffer {
  return encodeAssociatedData([key.assessmentId, context.field, context.objectId ?? ""]);
}
