/**
 * Sealing of saved connections' passwords with the store's envelope
 * encryption: one data key per connection, wrapped by the store's master
 * key and kept as a file in `<data dir>/connection-keys/`, apart from the
 * data keys of assessments, so that purging assessments (`infio purge`,
 * the retention period) never destroys a connection's key.
 *
 * The password is sealed for one connection and bound to the server,
 * login and TLS settings it was entered for. So a sealed value copied to
 * another row fails to open, and so does a row whose server was changed
 * in the database, instead of sending the password elsewhere.
 * `infio keys rotate` re-wraps these keys along with the assessments'.
 */

import { existsSync } from "node:fs";
import { join } from "node:path";

import { FileDataKeyStore } from "../../security/keys/key-store-file.js";
import { StoreError } from "../../store/errors.js";
import type { SavedConnectionFields } from "../../store/saved-connections.js";
import type { RowSealer } from "../../store/sealing.js";
import { StoreKeys, type StoreKeyOptions } from "../../store/store-keys.js";

/** Folder of the connections' data keys inside the data directory. */
export const CONNECTION_KEYS_FOLDER = "connection-keys";

const SECRET_FIELD = "saved_connections.secret";

/** The fields a sealed password is bound to. */
export type SecretBinding = Pick<
  SavedConnectionFields,
  | "id"
  | "serverHost"
  | "serverPort"
  | "serverInstance"
  | "login"
  | "tlsMode"
  | "tlsCaFile"
  | "tlsServerName"
  | "trustServerCertificate"
>;

export class ConnectionSecrets {
  readonly #dataDir: string;
  readonly #options: StoreKeyOptions;
  readonly #dataKeys: FileDataKeyStore;
  readonly #keys: StoreKeys;

  /**
   * `options` name the master key as for the store; their `dataKeys` is
   * replaced by the connections' own folder.
   */
  constructor(dataDir: string, options: StoreKeyOptions = {}) {
    this.#dataDir = dataDir;
    this.#options = options;
    this.#dataKeys = new FileDataKeyStore(join(dataDir, CONNECTION_KEYS_FOLDER));
    this.#keys = new StoreKeys(dataDir, { ...options, dataKeys: this.#dataKeys });
  }

  /** Creates the data key of a new connection and seals its password. */
  async sealNew(binding: SecretBinding, password: string): Promise<Buffer> {
    await this.#checkMasterKeyNotLost();
    let sealer: RowSealer;
    try {
      sealer = await this.#keys.create(binding.id);
    } catch (error) {
      throw wrapped(
        `cannot create the data key of saved connection '${binding.id}'`,
        "check that the data folder is writable and the master key file readable",
        error,
      );
    }
    return sealer.seal(SECRET_FIELD, bindingText(binding), password);
  }

  /** Seals a password again with the connection's existing key, for changed settings. */
  async seal(binding: SecretBinding, password: string): Promise<Buffer> {
    const sealer = await this.#sealerOf(binding.id);
    return sealer.seal(SECRET_FIELD, bindingText(binding), password);
  }

  /**
   * Opens a sealed password. When the key is missing or the row was
   * altered, throws a StoreError whose fix is to enter the password again.
   */
  async open(binding: SecretBinding, sealed: Uint8Array): Promise<string> {
    const sealer = await this.#sealerOf(binding.id);
    try {
      return sealer.openText(SECRET_FIELD, bindingText(binding), sealed);
    } catch (error) {
      throw new StoreError(
        "decrypt-failed",
        `cannot open the password of saved connection '${binding.id}': it does not match the ` +
          "connection's server, login and TLS settings, so the connection was altered outside " +
          "infio; check the connection's settings and enter the password again",
        { cause: error },
      );
    }
  }

  /** Destroys the connection's data key, which shreds its password; false when it had none. */
  destroy(id: string): Promise<boolean> {
    return this.#keys.destroy(id);
  }

  /** Releases the key providers and clears the unwrapped keys from memory. */
  close(): void {
    this.#keys.close();
  }

  async #sealerOf(id: string): Promise<RowSealer> {
    const record = await this.#dataKeys.read(id);
    if (record.ok && record.value === undefined) {
      throw new StoreError(
        "key-unavailable",
        `cannot open the password of saved connection '${id}': its data key is not in ` +
          `'${this.#dataKeys.directory}', so it was deleted or the connection belongs to another ` +
          "data folder; edit the connection and enter the password again",
      );
    }
    try {
      return await this.#keys.open(id);
    } catch (error) {
      throw wrapped(
        `cannot open the password of saved connection '${id}'`,
        "restore the master key that wrapped it, or edit the connection and enter the password again",
        error,
      );
    }
  }

  /**
   * Rejects creating a connection key while the default master key file
   * is missing but assessments have data keys wrapped by a key file. Then
   * the file was moved or lost, and the key that StoreKeys would create in
   * its place could not open those assessments.
   */
  async #checkMasterKeyNotLost(): Promise<void> {
    // With a KMS key for new data keys, StoreKeys never creates a key file.
    const kmsKeyId = (this.#options as { readonly kmsKeyId?: string }).kmsKeyId;
    if (this.#options.master !== undefined || this.#options.keyFile !== undefined || kmsKeyId !== undefined) {
      return;
    }
    const keyFile = join(this.#dataDir, "master.key");
    if (existsSync(keyFile)) {
      return;
    }

    const assessmentKeys = this.#options.dataKeys ?? new FileDataKeyStore(join(this.#dataDir, "keys"));
    const ids = await assessmentKeys.list();
    for (const id of ids.ok ? ids.value : []) {
      const record = await assessmentKeys.read(id);
      if (record.ok && record.value?.master.kind === "key-file") {
        throw new StoreError(
          "key-unavailable",
          `master key file '${keyFile}' not found, but the data key of assessment '${id}' is ` +
            "wrapped by a key file; restore the key file from your backup (no new key was created)",
        );
      }
    }
  }
}

/**
 * Returns whether a password sealed for `a` opens for `b`, because the
 * fields that decide where it goes are equal.
 */
export function sameSecretBinding(a: SecretBinding, b: SecretBinding): boolean {
  return bindingText(a) === bindingText(b);
}

/**
 * Returns the associated data of a sealed password: every field that
 * decides where the password is sent. Host and instance compare without
 * case, as DNS names and SQL Server instance names do.
 */
function bindingText(binding: SecretBinding): string {
  return JSON.stringify([
    binding.serverHost.toLowerCase(),
    binding.serverPort ?? null,
    binding.serverInstance?.toLowerCase() ?? null,
    binding.login,
    binding.tlsMode,
    binding.tlsCaFile ?? null,
    binding.tlsServerName ?? null,
    binding.trustServerCertificate,
  ]);
}

function wrapped(context: string, fix: string, error: unknown): StoreError {
  const reason = error instanceof Error ? error.message : String(error);
  const code = error instanceof StoreError ? error.code : "key-unavailable";
  return new StoreError(code, `${context}: ${reason}; ${fix}`, { cause: error });
}
