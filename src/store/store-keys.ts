/**
 * The keys of a store: one data key per assessment, wrapped by a master key
 * and kept in a data key store outside the database (by default the
 * `keys/` folder of the data directory, one file per assessment), so a copy
 * of the database alone contains no key. Every failure is a StoreError that
 * names the assessment and the fix; none of them changes anything.
 */

import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import type { DataKey } from "../security/keys/data-key.js";
import { createKeyFile, KeyFileProvider, openKeyFile } from "../security/keys/key-file.js";
import { FileDataKeyStore } from "../security/keys/key-store-file.js";
import type { DataKeyStore } from "../security/keys/key-store.js";
import { Keyring } from "../security/keys/keyring.js";
import { KmsProvider, type KmsProviderOptions } from "../security/keys/kms-provider.js";
import {
  describeMasterKey,
  sameMasterKey,
  type MasterKeyProvider,
  type MasterKeyRef,
} from "../security/keys/master-key.js";
import { StoreError } from "./errors.js";
import { RowSealer } from "./sealing.js";

export interface StoreKeyOptions {
  /**
   * The master key that wraps the data keys of new assessments. Without it,
   * the AWS KMS key `kmsKeyId`, else the key file `keyFile`, is used.
   */
  readonly master?: MasterKeyProvider;
  /**
   * An AWS KMS key (id, ARN or alias) that wraps the data keys of new
   * assessments, reached with the `kms` settings. The key file then only
   * opens data keys that a key file wrapped, and is never created.
   */
  readonly kmsKeyId?: string;
  /**
   * The master key file. Without it, `<data dir>/master.key`, which is
   * created (mode 0600) on first use unless a stored data key is wrapped by
   * a key file: then that file is missing and must be restored instead.
   */
  readonly keyFile?: string;
  /** The store of wrapped data keys; `<data dir>/keys/` by default. */
  readonly dataKeys?: DataKeyStore;
  /**
   * Connection settings for the AWS KMS keys that data key records name
   * (region, endpoint, credentials); the standard AWS configuration when
   * absent.
   */
  readonly kms?: Omit<KmsProviderOptions, "keyId" | "client">;
  /** Receives warnings, such as key file checks Windows cannot make. */
  readonly onWarning?: (message: string) => void;
}

/** Attempts to read a key file that another process is still writing. */
const KEY_FILE_READ_ATTEMPTS = 10;
const KEY_FILE_RETRY_MS = 50;

export class StoreKeys {
  readonly #dataKeys: DataKeyStore;
  readonly #keysLocation: string;
  readonly #options: StoreKeyOptions;
  readonly #defaultKeyFile: string;
  readonly #cache = new Map<string, DataKey>();
  readonly #kmsProviders = new Map<string, KmsProvider>();
  #master: Promise<MasterKeyProvider> | undefined;
  /** The key file when a KMS key wraps new data keys; see #existingKeyFile. */
  #keyFile: Promise<MasterKeyProvider> | undefined;

  constructor(dataDir: string, options: StoreKeyOptions = {}) {
    const keysDir = join(dataDir, "keys");
    this.#dataKeys = options.dataKeys ?? new FileDataKeyStore(keysDir);
    this.#keysLocation =
      this.#dataKeys instanceof FileDataKeyStore
        ? `'${this.#dataKeys.directory}'`
        : "the data key store";
    this.#options = options;
    this.#defaultKeyFile = join(dataDir, "master.key");
    if (options.master !== undefined) {
      this.#master = Promise.resolve(options.master);
    } else if (options.kmsKeyId !== undefined) {
      this.#master = Promise.resolve(this.#kmsProvider(options.kmsKeyId));
    }
  }

  /** Creates the data key of a new assessment and returns its sealer. */
  async create(assessmentId: string): Promise<RowSealer> {
    const master = await this.#masterKey();
    const created = await new Keyring(this.#dataKeys, master).create(assessmentId);
    if (!created.ok) {
      const code = created.error.code === "invalid-argument" ? "invalid-data" : "key-unavailable";
      throw new StoreError(code, `cannot create the data key of assessment '${assessmentId}': ${created.error.message}`, {
        cause: created.error,
      });
    }

    this.#cache.set(assessmentId, created.value);
    return new RowSealer(created.value);
  }

  /** Opens the data key of a stored assessment and returns its sealer. */
  async open(assessmentId: string): Promise<RowSealer> {
    const cached = this.#cache.get(assessmentId);
    if (cached !== undefined) {
      return new RowSealer(cached);
    }

    const record = await this.#dataKeys.read(assessmentId);
    if (!record.ok) {
      throw unavailable(assessmentId, record.error.message, record.error);
    }
    if (record.value === undefined) {
      throw unavailable(
        assessmentId,
        `its data key is not in ${this.#keysLocation}: it was destroyed, or ` +
          "the assessment was written with another data directory; pass the " +
          "--data-dir whose keys/ folder contains it, or delete the assessment",
      );
    }

    const master = await this.#providerFor(assessmentId, record.value.master);
    const opened = await new Keyring(this.#dataKeys, master).open(assessmentId);
    if (!opened.ok) {
      const reason =
        opened.error.code === "wrong-master-key" && !sameMasterKey(master.ref, record.value.master)
          ? `its data key is wrapped by master key ${describeMasterKey(record.value.master)}, ` +
            `not by ${describeProvider(master)}`
          : opened.error.message;
      throw unavailable(
        assessmentId,
        `${reason}; pass the master key that wrapped it (--key-file or --kms-key-id)`,
        opened.error,
      );
    }

    this.#cache.set(assessmentId, opened.value);
    return new RowSealer(opened.value);
  }

  /**
   * Opens the data key of `assessmentId`, creating it when there is none,
   * for sealing rows stored before the store encrypted them.
   */
  async openOrCreate(assessmentId: string): Promise<RowSealer> {
    const record = await this.#dataKeys.read(assessmentId);
    if (record.ok && record.value !== undefined) {
      return this.open(assessmentId);
    }
    return this.create(assessmentId);
  }

  /**
   * Checks that the data key of `assessmentId` opens with the master key in
   * use, so that a delete given the wrong key fails before it destroys
   * anything. An assessment without a data key passes: there is nothing
   * left to decrypt its rows with.
   */
  async checkOpens(assessmentId: string): Promise<void> {
    const record = await this.#dataKeys.read(assessmentId);
    if (record.ok && record.value === undefined) {
      return;
    }
    await this.open(assessmentId);
  }

  /**
   * Destroys the data key of `assessmentId` (crypto-shredding); false when
   * it had none.
   */
  async destroy(assessmentId: string): Promise<boolean> {
    this.#cache.delete(assessmentId);
    const deleted = await this.#dataKeys.delete(assessmentId);
    if (!deleted.ok) {
      throw new StoreError(
        "key-unavailable",
        `cannot destroy the data key of assessment '${assessmentId}': ` +
          `${deleted.error.message}; the assessment was kept`,
        { cause: deleted.error },
      );
    }
    return deleted.value;
  }

  /** Releases the AWS clients this object created. */
  close(): void {
    for (const provider of this.#kmsProviders.values()) {
      provider.destroy();
    }
    this.#kmsProviders.clear();
    this.#cache.clear();
  }

  async #providerFor(assessmentId: string, ref: MasterKeyRef): Promise<MasterKeyProvider> {
    if (this.#options.master !== undefined && sameMasterKey(this.#options.master.ref, ref)) {
      return this.#options.master;
    }
    if (ref.kind === "aws-kms") {
      return this.#kmsProvider(ref.keyId);
    }

    try {
      // With a KMS key for new assessments, key-file data keys are opened
      // with the key file, which must exist: creating one would not help.
      const usesKms = (await this.#masterKey()).ref.kind === "aws-kms";
      return usesKms ? await this.#existingKeyFile() : await this.#masterKey();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw unavailable(
        assessmentId,
        `its data key is wrapped by master key ${describeMasterKey(ref)}, ` +
          `and the master key cannot be opened: ${reason}`,
        error,
      );
    }
  }

  #kmsProvider(keyId: string): KmsProvider {
    let provider = this.#kmsProviders.get(keyId);
    if (provider === undefined) {
      provider = new KmsProvider({ ...this.#options.kms, keyId });
      this.#kmsProviders.set(keyId, provider);
    }
    return provider;
  }

  /** Opens the key file for data keys it wrapped, without ever creating it. */
  #existingKeyFile(): Promise<MasterKeyProvider> {
    this.#keyFile ??= openKeyFile(this.#options.keyFile ?? this.#defaultKeyFile).then((opened) => {
      if (!opened.ok) {
        this.#keyFile = undefined;
        throw keyFileError(opened.error.message, opened.error);
      }
      this.#warn(opened.value.notes);
      return opened.value.provider;
    });
    return this.#keyFile;
  }

  #masterKey(): Promise<MasterKeyProvider> {
    this.#master ??= this.#openKeyFile().catch((error: unknown) => {
      // A later call may succeed once the user has fixed the file.
      this.#master = undefined;
      throw error;
    });
    return this.#master;
  }

  async #openKeyFile(): Promise<MasterKeyProvider> {
    const given = this.#options.keyFile;
    const path = given ?? this.#defaultKeyFile;
    const opened = await openKeyFile(path);
    if (opened.ok) {
      this.#warn(opened.value.notes);
      return opened.value.provider;
    }
    if (opened.error.code !== "file-missing") {
      throw keyFileError(opened.error.message, opened.error);
    }
    if (given !== undefined) {
      throw keyFileError(
        `${opened.error.message}, or create a new key with 'infio keys init --key-file ${path}' ` +
          "(a new key opens no assessment that another key wrapped)",
      );
    }

    await this.#checkNoKeyFileNeeded(path);
    const created = await createKeyFile(path);
    if (created.ok) {
      this.#warn(created.value.notes);
      return created.value.provider;
    }
    if (created.error.code === "key-file-exists") {
      return this.#openRacingKeyFile(path);
    }
    throw keyFileError(created.error.message, created.error);
  }

  /**
   * Rejects creating a new default key file while a stored data key is
   * wrapped by a key file: that file was moved or lost, and a new key could
   * not open those assessments.
   */
  async #checkNoKeyFileNeeded(path: string): Promise<void> {
    const ids = await this.#dataKeys.list();
    if (!ids.ok) {
      throw keyFileError(ids.error.message, ids.error);
    }

    for (const id of ids.value) {
      const record = await this.#dataKeys.read(id);
      if (!record.ok || record.value?.master.kind !== "key-file") {
        continue;
      }
      throw keyFileError(
        `master key file '${path}' not found, but the data key of assessment ` +
          `'${id}' in ${this.#keysLocation} is wrapped by key file ` +
          `${describeMasterKey(record.value.master)}; restore that key file ` +
          "from your backup or pass it with --key-file (a new key could not " +
          "open those assessments, so none was created)",
      );
    }
  }

  /** Opens a key file that another process created a moment ago. */
  async #openRacingKeyFile(path: string): Promise<MasterKeyProvider> {
    for (let attempt = 1; ; attempt++) {
      const opened = await openKeyFile(path);
      if (opened.ok) {
        this.#warn(opened.value.notes);
        return opened.value.provider;
      }
      if (opened.error.code !== "key-file-invalid" || attempt >= KEY_FILE_READ_ATTEMPTS) {
        throw keyFileError(opened.error.message, opened.error);
      }
      await sleep(KEY_FILE_RETRY_MS);
    }
  }

  #warn(notes: readonly string[]): void {
    for (const note of notes) {
      this.#options.onWarning?.(note);
    }
  }
}

/** Names a master key for messages: a key file by its path, a KMS key by its id. */
function describeProvider(provider: MasterKeyProvider): string {
  if (provider instanceof KeyFileProvider) {
    return `key file '${provider.path}' (${describeMasterKey(provider.ref)})`;
  }
  return provider.ref.kind === "aws-kms"
    ? `AWS KMS key '${provider.ref.keyId}'`
    : `master key ${describeMasterKey(provider.ref)}`;
}

function unavailable(assessmentId: string, reason: string, cause?: unknown): StoreError {
  return new StoreError(
    "key-unavailable",
    `cannot decrypt assessment '${assessmentId}': ${reason}. Nothing was changed`,
    cause === undefined ? undefined : { cause },
  );
}

function keyFileError(message: string, cause?: unknown): StoreError {
  return new StoreError("key-unavailable", message, cause === undefined ? undefined : { cause });
}
