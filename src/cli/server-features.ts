/**
 * `infio server-features ID...`: the SQL Server features of each server
 * that stored assessments read live or from a bundle, as CSV or JSON.
 */

import { resolve } from "node:path";

import { Command } from "commander";

import { DATA_DIR_HELP, STORE_HELP, withExamples, type CommandHost, type StoreOptions } from "./command.js";
import { UsageError } from "./errors.js";
import { storeOptionsFrom } from "./list.js";
import { KEY_FILE_HELP, KMS_KEY_ID_HELP, type RawMasterKeyOptions } from "./master-key-options.js";
import { executeServerFeatures } from "./server-features-run.js";

export type ServerFeaturesFormat = "csv" | "json";

export interface ServerFeaturesOptions extends StoreOptions {
  readonly ids: readonly string[];
  readonly format: ServerFeaturesFormat;
  /** Absolute path of the file to write; undefined writes to stdout. */
  readonly out?: string;
}

export type ServerFeaturesRun = (options: ServerFeaturesOptions) => Promise<number>;

interface RawServerFeaturesOptions extends RawMasterKeyOptions {
  format: string;
  out?: string;
  store: string;
  dataDir?: string;
}

export function serverFeaturesCommand(
  host: CommandHost,
  run: ServerFeaturesRun = (options) => executeServerFeatures(options, host.ctx),
): Command {
  const command = new Command("server-features")
    .summary("export the SQL Server features of assessed servers")
    .description(
      "Export the features each assessed server has enabled (Agent, Database Mail, " +
        "Full-Text Search, FILESTREAM, PolyBase, replication, availability groups and " +
        "more) with their state, evidence, counts and what replaces them on the target. " +
        "Reads assessments of a live server or a bundle; one row per server and feature.",
    )
    .argument("<id...>", "assessment ids, as 'infio list' shows them")
    .option("-f, --format <format>", "output format: csv or json", "csv")
    .option("-o, --out <file>", "file to write; standard output when omitted")
    .option("--store <store>", STORE_HELP, "embedded")
    .option("--data-dir <dir>", DATA_DIR_HELP)
    .option("--key-file <file>", KEY_FILE_HELP)
    .option("--kms-key-id <id>", KMS_KEY_ID_HELP)
    .action(async (ids: string[], raw: RawServerFeaturesOptions) => {
      host.exit(await run(serverFeaturesOptionsFrom(ids, raw, host)));
    });

  return withExamples(command, [
    "infio server-features 20250304-050607-3f9a1c",
    "infio server-features 20250304-050607-3f9a1c 20250305-080910-7d2e4b --format json --out features.json",
  ]);
}

function serverFeaturesOptionsFrom(
  ids: readonly string[],
  raw: RawServerFeaturesOptions,
  host: CommandHost,
): ServerFeaturesOptions {
  return {
    ...storeOptionsFrom(raw, host.ctx),
    ids: [...new Set(ids)],
    format: parseServerFeaturesFormat(raw.format),
    ...(raw.out === undefined ? {} : { out: resolve(host.ctx.cwd, raw.out) }),
  };
}

/** Parses `--format`; throws UsageError for anything but csv or json. */
export function parseServerFeaturesFormat(text: string): ServerFeaturesFormat {
  const format = text.trim().toLowerCase();
  if (format === "csv" || format === "json") {
    return format;
  }
  throw new UsageError(`invalid --format '${text}': use csv or json`);
}
