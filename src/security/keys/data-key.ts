/**
 * Data keys: one AES-256-GCM key per assessment, which encrypts that
 * assessment's values and streams. A data key is stored only wrapped by the
 * master key, as a DataKeyRecord.
 */

import { randomBytes } from "node:crypto";
import { inspect } from "node:util";

import { fail, ok, type Result } from "../errors.js";
import type { MasterKeyRef } from "./master-key.js";

export const DATA_KEY_BYTES = 32;
export const DATA_KEY_RECORD_FORMAT = "infio-data-key-v1";

/** Assessment ids name files, so they are limited to portable file names. */
const ASSESSMENT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** An unwrapped data key. Printing or serialising it shows no key bytes. */
export class DataKey {
  readonly assessmentId: string;
  /** 128-bit random id in hex, written in every ciphertext it makes. */
  readonly id: string;
  readonly #key: Buffer;

  constructor(assessmentId: string, id: string, key: Uint8Array) {
    this.assessmentId = assessmentId;
    this.id = id;
    this.#key = Buffer.from(key);
  }

  /** Generates a new random data key for `assessmentId`. */
  static generate(assessmentId: string): DataKey {
    return new DataKey(
      assessmentId,
      randomBytes(16).toString("hex"),
      randomBytes(DATA_KEY_BYTES),
    );
  }

  /** Returns the key bytes, for the cipher only. */
  keyBytes(): Buffer {
    return this.#key;
  }

  toJSON(): object {
    return { assessmentId: this.assessmentId, id: this.id, key: "[redacted]" };
  }

  toString(): string {
    return `DataKey(${this.assessmentId}, ${this.id})`;
  }

  [inspect.custom](): string {
    return this.toString();
  }
}

/** A wrapped data key as stored, safe to keep next to the data. */
export interface DataKeyRecord {
  readonly format: typeof DATA_KEY_RECORD_FORMAT;
  readonly assessmentId: string;
  readonly dataKeyId: string;
  readonly algorithm: "AES-256-GCM";
  readonly master: MasterKeyRef;
  /** The master key's output, in base64. */
  readonly wrappedKey: string;
  /** ISO 8601 time the data key was made. */
  readonly createdAt: string;
  /** ISO 8601 time of the last rotation, when rotated. */
  readonly rewrappedAt?: string;
}

/** Checks an assessment id before it names a key file. */
export function checkAssessmentId(assessmentId: string): Result<string> {
  if (!ASSESSMENT_ID.test(assessmentId)) {
    return fail(
      "invalid-argument",
      `invalid assessment id '${assessmentId}': use 1 to 128 letters, digits, '.', '_' or '-', ` +
        "starting with a letter or digit",
    );
  }
  return ok(assessmentId);
}

/** Parses a stored record, naming `source` in any error. */
export function parseDataKeyRecord(text: string, source: string): Result<DataKeyRecord> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail("data-key-invalid", `data key record '${source}' is not valid JSON; restore it from a backup`);
  }

  const record = value as Partial<DataKeyRecord> | null;
  const valid =
    typeof record === "object" &&
    record !== null &&
    record.format === DATA_KEY_RECORD_FORMAT &&
    typeof record.assessmentId === "string" &&
    typeof record.dataKeyId === "string" &&
    /^[0-9a-f]{32}$/.test(record.dataKeyId) &&
    record.algorithm === "AES-256-GCM" &&
    typeof record.master === "object" &&
    record.master !== null &&
    (record.master.kind === "key-file" || record.master.kind === "aws-kms") &&
    typeof record.master.keyId === "string" &&
    typeof record.wrappedKey === "string" &&
    typeof record.createdAt === "string";
  if (!valid) {
    return fail(
      "data-key-invalid",
      `data key record '${source}' is not a '${DATA_KEY_RECORD_FORMAT}' record; restore it from a backup`,
    );
  }
  return ok(record as DataKeyRecord);
}
