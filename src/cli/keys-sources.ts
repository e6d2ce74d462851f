/**
 * The master keys that currently wrap the data keys of a folder, for
 * `infio keys rotate`: a rotation unwraps each data key with the key that
 * wrapped it, which may be the key file or one of several AWS KMS keys.
 */

import { openKeyFile } from "../security/keys/key-file.js";
import type { FileDataKeyStore } from "../security/keys/key-store-file.js";
import { KmsProvider } from "../security/keys/kms-provider.js";
import type { MasterKeyProvider, MasterKeyRef } from "../security/keys/master-key.js";
import { FailureError } from "./errors.js";

/** The providers that open the data keys of a folder; `close` releases the AWS clients. */
export interface SourceKeys {
  readonly providers: readonly MasterKeyProvider[];
  close(): void;
}

/**
 * Opens a provider for each master key that wraps a data key in `store`,
 * except `next`: the key file at `keyFile` when a key file wrapped one,
 * and each AWS KMS key by the id its records name. Throws a FailureError
 * when a record cannot be read or the key file cannot be opened.
 */
export async function openSourceKeys(
  store: FileDataKeyStore,
  keyFile: string,
  next: MasterKeyRef,
  platform: NodeJS.Platform,
): Promise<SourceKeys> {
  const refs = await mastersInUse(store);
  const kms = [...new Set(refs.filter((r) => r.kind === "aws-kms" && r.keyId !== next.keyId).map((r) => r.keyId))];
  const providers: MasterKeyProvider[] = [];
  const kmsProviders = kms.map((keyId) => new KmsProvider({ keyId }));
  const close = (): void => kmsProviders.forEach((p) => p.destroy());

  if (refs.some((r) => r.kind === "key-file")) {
    const opened = await openKeyFile(keyFile, { platform });
    if (!opened.ok) {
      close();
      throw new FailureError(
        `${opened.error.message}; some data keys are wrapped by a key file, so pass it with ` +
          "--key-file (or INFIO_KEY_FILE); nothing was re-wrapped",
      );
    }
    providers.push(opened.value.provider);
  }
  providers.push(...kmsProviders);
  return { providers, close };
}

async function mastersInUse(store: FileDataKeyStore): Promise<MasterKeyRef[]> {
  const ids = await store.list();
  if (!ids.ok) {
    throw new FailureError(`${ids.error.message}; nothing was re-wrapped`);
  }

  const refs: MasterKeyRef[] = [];
  for (const id of ids.value) {
    const record = await store.read(id);
    if (!record.ok) {
      throw new FailureError(`${record.error.message}; nothing was re-wrapped`);
    }
    if (record.value !== undefined) {
      refs.push(record.value.master);
    }
  }
  return refs;
}
