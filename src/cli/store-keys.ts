/**
 * The keys a command opens the store with: the data keys in the data
 * folder's `keys/` (the folder `infio keys rotate` and `infio purge` use)
 * and the master key file `master.key` there, created on first use. A data
 * key wrapped by an AWS KMS key is opened with that KMS key and the
 * standard AWS configuration.
 */

import type { StoreKeyOptions } from "../store/store-keys.js";
import type { CommandSetup } from "./command-setup.js";
import type { Logger } from "./log.js";

// TODO: let commands choose another key file (INFIO_KEY_FILE, --key-file)
// or an AWS KMS key (--kms-key-id) for the data keys of new assessments.
// The store takes both through StoreKeyOptions already.
export function cliStoreKeys(log: Logger, setup?: CommandSetup): StoreKeyOptions {
  return {
    ...(setup === undefined ? {} : { dataKeys: setup.dataKeys }),
    onWarning: (message) => log.warn(message),
  };
}
