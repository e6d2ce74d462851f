/**
 * The configuration a command runs with: `--config FILE` where a command
 * takes it (assess), else `config.json` in the data folder when it exists.
 * Every command that acts reads the settings of that file (`retention`,
 * `auditLog`); only `assess` applies its catalog overrides.
 */

import { existsSync } from "node:fs";
import { join } from "node:path";

import { loadConfig, type LoadedConfig } from "./config.js";

/** Name of the configuration file in the data folder. */
export const SETTINGS_FILE = "config.json";

/** Returns the configuration file in effect: `configPath`, else the data folder's, else none. */
export function settingsPath(dataDir: string, configPath?: string): string | undefined {
  if (configPath !== undefined) {
    return configPath;
  }
  const inDataDir = join(dataDir, SETTINGS_FILE);
  return existsSync(inDataDir) ? inDataDir : undefined;
}

/** Loads the configuration in effect; throws UsageError on an invalid file. */
export function loadSettings(dataDir: string, configPath?: string): Promise<LoadedConfig> {
  return loadConfig(settingsPath(dataDir, configPath));
}
