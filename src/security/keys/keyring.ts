/**
 * The keyring: creates, opens, destroys and rotates the data keys of
 * assessments. Destroying a data key shreds its assessment (crypto-shredding):
 * the ciphertext may remain, but nothing can decrypt it.
 */

import { timingSafeEqual } from "node:crypto";

import { fail, ok, type Result } from "../errors.js";
import { DataKey, checkAssessmentId, type DataKeyRecord } from "./data-key.js";
import type { DataKeyStore } from "./key-store.js";
import {
  describeMasterKey,
  sameMasterKey,
  type MasterKeyProvider,
  type WrapContext,
} from "./master-key.js";

export interface RotationReport {
  /** Assessment ids whose data key was re-wrapped. */
  readonly rewrapped: readonly string[];
  /** Ids already wrapped by the new master key, from an earlier run. */
  readonly alreadyCurrent: readonly string[];
}

export class Keyring {
  readonly #store: DataKeyStore;
  readonly #master: MasterKeyProvider;
  readonly #now: () => Date;

  constructor(store: DataKeyStore, master: MasterKeyProvider, now: () => Date = () => new Date()) {
    this.#store = store;
    this.#master = master;
    this.#now = now;
  }

  /** Generates, wraps and stores the data key of a new assessment. */
  async create(assessmentId: string): Promise<Result<DataKey>> {
    const checked = checkAssessmentId(assessmentId);
    if (!checked.ok) {
      return checked;
    }

    const key = DataKey.generate(assessmentId);
    const wrapped = await this.#master.wrap(key.keyBytes(), contextOf(key));
    if (!wrapped.ok) {
      return wrapped;
    }

    const record: DataKeyRecord = {
      format: "infio-data-key-v1",
      assessmentId,
      dataKeyId: key.id,
      algorithm: "AES-256-GCM",
      master: this.#master.ref,
      wrappedKey: Buffer.from(wrapped.value).toString("base64"),
      createdAt: this.#now().toISOString(),
    };
    const stored = await this.#store.create(record);
    return stored.ok ? ok(key) : stored;
  }

  /** Reads and unwraps the data key of `assessmentId`. */
  async open(assessmentId: string): Promise<Result<DataKey>> {
    const record = await this.#store.read(assessmentId);
    if (!record.ok) {
      return record;
    }
    if (record.value === undefined) {
      return fail(
        "data-key-missing",
        `assessment '${assessmentId}' has no data key: it was purged or never stored here, ` +
          "so its data cannot be decrypted",
      );
    }
    return unwrapRecord(record.value, this.#master);
  }

  /** Destroys the data key of `assessmentId`; false when it had none. */
  destroy(assessmentId: string): Promise<Result<boolean>> {
    return this.#store.delete(assessmentId);
  }

  list(): Promise<Result<string[]>> {
    return this.#store.list();
  }

  /**
   * Re-wraps every data key under `next` and checks each new wrapping
   * before storing it. The data itself is not touched. Records already
   * wrapped by `next` are skipped, so an interrupted rotation is finished by
   * running it again with the same keys. Each record is unwrapped with the
   * provider of `sources` that wrapped it, else with the keyring's own.
   */
  async rotate(
    next: MasterKeyProvider,
    sources: readonly MasterKeyProvider[] = [],
  ): Promise<Result<RotationReport>> {
    const ids = await this.#store.list();
    if (!ids.ok) {
      return ids;
    }

    const rewrapped: string[] = [];
    const alreadyCurrent: string[] = [];
    for (const id of ids.value) {
      const outcome = await this.#rotateOne(id, next, sources);
      if (!outcome.ok) {
        return fail(
          outcome.error.code,
          `${outcome.error.message} (rotation stopped after re-wrapping ${rewrapped.length} of ` +
            `${ids.value.length} data keys; fix the cause and run it again to finish)`,
        );
      }
      (outcome.value ? rewrapped : alreadyCurrent).push(id);
    }
    return ok({ rewrapped, alreadyCurrent });
  }

  /** Returns true when re-wrapped, false when already under `next`. */
  async #rotateOne(
    assessmentId: string,
    next: MasterKeyProvider,
    sources: readonly MasterKeyProvider[],
  ): Promise<Result<boolean>> {
    const read = await this.#store.read(assessmentId);
    if (!read.ok) {
      return read;
    }
    const record = read.value;
    if (record === undefined || sameMasterKey(record.master, next.ref)) {
      return ok(false);
    }

    const source = sources.find((p) => sameMasterKey(p.ref, record.master)) ?? this.#master;
    const key = await unwrapRecord(record, source);
    if (!key.ok) {
      return key;
    }
    const wrapped = await next.wrap(key.value.keyBytes(), contextOf(key.value));
    if (!wrapped.ok) {
      return wrapped;
    }

    const rewrappedRecord: DataKeyRecord = {
      ...record,
      master: next.ref,
      wrappedKey: Buffer.from(wrapped.value).toString("base64"),
      rewrappedAt: this.#now().toISOString(),
    };
    const check = await unwrapRecord(rewrappedRecord, next);
    if (!check.ok || !timingSafeEqual(check.value.keyBytes(), key.value.keyBytes())) {
      return fail(
        "data-key-invalid",
        `the data key of assessment '${assessmentId}' did not survive re-wrapping under ` +
          `${describeMasterKey(next.ref)}; its record was left unchanged`,
      );
    }

    const stored = await this.#store.replace(rewrappedRecord);
    return stored.ok ? ok(true) : stored;
  }
}

async function unwrapRecord(record: DataKeyRecord, master: MasterKeyProvider): Promise<Result<DataKey>> {
  if (!sameMasterKey(record.master, master.ref)) {
    return fail(
      "wrong-master-key",
      `the data key of assessment '${record.assessmentId}' is wrapped by master key ` +
        `${describeMasterKey(record.master)}, but the master key in use is ` +
        `${describeMasterKey(master.ref)}; use the key that wrapped it`,
    );
  }

  const wrapped = Buffer.from(record.wrappedKey, "base64");
  const unwrapped = await master.unwrap(wrapped, {
    assessmentId: record.assessmentId,
    dataKeyId: record.dataKeyId,
  });
  if (!unwrapped.ok) {
    return unwrapped;
  }
  if (unwrapped.value.length !== 32) {
    return fail(
      "data-key-invalid",
      `the data key of assessment '${record.assessmentId}' unwrapped to ${unwrapped.value.length} bytes instead of 32`,
    );
  }
  return ok(new DataKey(record.assessmentId, record.dataKeyId, unwrapped.value));
}

function contextOf(key: DataKey): WrapContext {
  return { assessmentId: key.assessmentId, dataKeyId: key.id };
}
