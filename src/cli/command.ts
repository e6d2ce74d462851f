/**
 * Shared plumbing of the commands: how a command hands its exit code back,
 * repeatable options, and the help footer with examples.
 */

import type { Command } from "commander";

import type { CliContext } from "./context.js";
import type { MasterKeyOptions } from "./master-key-options.js";

/** What every command factory receives. */
export interface CommandHost {
  readonly ctx: CliContext;
  /** Records the exit code of the command that ran. */
  readonly exit: (code: number) => void;
}

/** Collects a repeatable option's values in order. */
export function collect(value: string, previous: readonly string[]): string[] {
  return [...previous, value];
}

/** Adds an "Examples:" section to the command's help. */
export function withExamples(command: Command, examples: readonly string[]): Command {
  const lines = examples.map((e) => `  $ ${e}`).join("\n");
  return command.addHelpText("after", `\nExamples:\n${lines}\n`);
}

/** Options that every command reading the store takes. */
export interface StoreOptions {
  readonly store: string;
  readonly dataDir: string;
  /**
   * The master key that `--key-file` or `--kms-key-id` (or their
   * environment variables) chose; absent for the data folder's key file.
   */
  readonly masterKey?: MasterKeyOptions;
}

export const STORE_HELP =
  "where assessments are kept: embedded (default), none, or a postgres:// URL " +
  "(keep the password in PGPASSWORD or ~/.pgpass)";

export const DATA_DIR_HELP =
  "infio's data folder (default: $INFIO_HOME, else ~/.infio; on Windows %LOCALAPPDATA%\\infio)";
