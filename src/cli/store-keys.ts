/**
 * The keys a command opens the store with: the data keys in the data
 * folder's `keys/` (the folder `infio keys rotate` and `infio purge` use)
 * and the master key that the options or the environment choose
 * (master-key-options.ts): a key file, by default `master.key` in the data
 * folder, created on first use, or an AWS KMS key. A data key wrapped by an
 * AWS KMS key is opened with that KMS key and the standard AWS
 * configuration.
 */

import type { StoreKeyOptions } from "../store/store-keys.js";
import type { CommandSetup } from "./command-setup.js";
import type { Logger } from "./log.js";

export function cliStoreKeys(log: Logger, setup?: CommandSetup): StoreKeyOptions {
  const masterKey = setup?.masterKey;
  return {
    ...(setup === undefined ? {} : { dataKeys: setup.dataKeys }),
    // The default key file is left to the store, which creates it on first use.
    ...(masterKey?.keyFileGiven === true ? { keyFile: masterKey.keyFile } : {}),
    ...(masterKey?.kmsKeyId === undefined ? {} : { kmsKeyId: masterKey.kmsKeyId }),
    onWarning: (message) => log.warn(message),
  };
}
