/**
 * The setup of every command that acts, made before it starts: the
 * settings of the configuration in effect, the audit trail, the data keys
 * of the data folder (crypto-shredding destroys them) and the master key
 * that the options or the environment choose.
 */

import { join } from "node:path";

import { FileDataKeyStore } from "../security/keys/key-store-file.js";
import type { DataKeyStore } from "../security/keys/key-store.js";
import { AuditTrail } from "./audit-trail.js";
import type { LoadedConfig } from "./config.js";
import type { CliContext } from "./context.js";
import type { Logger } from "./log.js";
import { chosenMasterKey, type MasterKeyOptions } from "./master-key-options.js";
import { loadSettings } from "./settings.js";

export interface CommandSetup {
  readonly dataDir: string;
  readonly settings: LoadedConfig;
  readonly audit: AuditTrail;
  readonly dataKeys: DataKeyStore;
  /** The master key chosen for the store; undefined for the data folder's key file. */
  readonly masterKey?: MasterKeyOptions;
  readonly log: Logger;
}

export interface SetUpOptions {
  readonly ctx: CliContext;
  readonly dataDir: string;
  /** `--config FILE`, for the commands that take it. */
  readonly configPath?: string;
  /** Whether the command keeps data, so that it creates the audit log when missing. */
  readonly keepsData: boolean;
  /**
   * The master key that `--key-file` or `--kms-key-id` chose; without it,
   * INFIO_KMS_KEY_ID and INFIO_KEY_FILE are read.
   */
  readonly masterKey?: MasterKeyOptions;
  readonly log: Logger;
}

/** Returns the folder of wrapped data keys in `dataDir`, as `infio keys` uses it. */
export function dataKeysDirectory(dataDir: string): string {
  return join(dataDir, "keys");
}

/** Loads the settings and opens the audit trail; throws UsageError on an invalid configuration. */
export async function setUpCommand(options: SetUpOptions): Promise<CommandSetup> {
  const settings = await loadSettings(options.dataDir, options.configPath);
  const audit = new AuditTrail({
    ctx: options.ctx,
    dataDir: options.dataDir,
    ...(settings.auditLog === undefined ? {} : { configuredLog: settings.auditLog }),
    create: options.keepsData,
    warn: (message) => options.log.warn(message),
  });
  const masterKey = options.masterKey ?? chosenMasterKey({}, options.dataDir, options.ctx);
  return {
    dataDir: options.dataDir,
    settings,
    audit,
    dataKeys: new FileDataKeyStore(dataKeysDirectory(options.dataDir)),
    ...(masterKey === undefined ? {} : { masterKey }),
    log: options.log,
  };
}
