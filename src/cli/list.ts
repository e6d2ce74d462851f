/** `infio list`: the stored assessments, newest first. */

import { Command } from "commander";

import type { AssessmentListing } from "../store/index.js";
import { auditedRead } from "./audit-trail.js";
import {
  DATA_DIR_HELP,
  STORE_HELP,
  withExamples,
  type CommandHost,
  type StoreOptions,
} from "./command.js";
import { setUpCommand } from "./command-setup.js";
import type { CliContext } from "./context.js";
import { resolveDataDir } from "./data-dir.js";
import { EXIT_OK } from "./errors.js";
import { createLogger } from "./log.js";
import { addMasterKeyOptions, chosenMasterKey, type RawMasterKeyOptions } from "./master-key-options.js";
import { formatCount } from "./progress.js";
import {
  closeQuietly,
  embeddedStoreExists,
  openCliStore,
  requireReadableStore,
} from "./store-access.js";
import { formatTable } from "./table.js";

export interface ListOptions extends StoreOptions {
  readonly json: boolean;
}

export type ListRun = (options: ListOptions) => Promise<number>;

interface RawStoreOptions extends RawMasterKeyOptions {
  store: string;
  dataDir?: string;
}

export function listCommand(
  host: CommandHost,
  run: ListRun = (options) => executeList(options, host.ctx),
): Command {
  const command = new Command("list")
    .summary("list stored assessments")
    .description("List the stored assessments, newest first, as a table or as JSON.")
    .option("--json", "print JSON instead of a table")
    .option("--store <store>", STORE_HELP, "embedded")
    .option("--data-dir <dir>", DATA_DIR_HELP);
  addMasterKeyOptions(command).action(async (raw: RawStoreOptions & { json?: boolean }) => {
    host.exit(await run({ ...storeOptionsFrom(raw, host.ctx), json: raw.json === true }));
  });

  return withExamples(command, [
    "infio list",
    "infio list --json --store postgres://infio@db/infio",
    "infio list --kms-key-id arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
  ]);
}

/** Resolves the store options every store-reading command shares. */
export function storeOptionsFrom(raw: RawStoreOptions, ctx: CliContext): StoreOptions {
  requireReadableStore(raw.store);
  const dataDir = resolveDataDir({
    ...(raw.dataDir === undefined ? {} : { flag: raw.dataDir }),
    env: ctx.env,
    platform: ctx.platform,
    homedir: ctx.homedir,
    cwd: ctx.cwd,
  });
  const masterKey = chosenMasterKey(raw, dataDir, ctx);
  return { store: raw.store, dataDir, ...(masterKey === undefined ? {} : { masterKey }) };
}

export async function executeList(options: ListOptions, ctx: CliContext): Promise<number> {
  if (!embeddedStoreExists(options.store, options.dataDir)) {
    if (options.json) {
      ctx.stdout.write("[]\n");
    } else {
      ctx.stderr.write(`no assessments stored in '${options.dataDir}' yet; run 'infio assess PATH' first\n`);
    }
    return EXIT_OK;
  }

  const log = createLogger(ctx.stderr, { quiet: true });
  const setup = await setUpCommand({
    ctx,
    dataDir: options.dataDir,
    keepsData: true,
    masterKey: options.masterKey,
    log,
  });
  const listings = await auditedRead(
    setup.audit,
    { action: "assessment.list", details: { command: "list" } },
    async (): Promise<AssessmentListing[]> => {
      const store = await openCliStore(options.store, options.dataDir, log, setup);
      try {
        return await store.listAssessments();
      } finally {
        await closeQuietly(store, log);
      }
    },
  );

  for (const l of listings) {
    if (l.unreadable !== undefined) {
      log.warn(`assessment ${l.id} is listed without its sources: ${l.unreadable}`);
    }
  }

  if (options.json) {
    ctx.stdout.write(`${JSON.stringify(listings, null, 2)}\n`);
    return EXIT_OK;
  }
  if (listings.length === 0) {
    ctx.stderr.write("no assessments stored yet; run 'infio assess PATH' first\n");
    return EXIT_OK;
  }

  const rows = listings.map((l) => [
    l.id,
    l.status,
    l.startedAt.slice(0, 19).replace("T", " "),
    l.target,
    l.summary === undefined ? "" : formatCount(l.summary.files),
    l.summary === undefined ? "" : formatCount(l.summary.lines),
    l.summary === undefined ? "" : formatCount(l.summary.findingsByStatus.notSupported),
    l.sources.join(", "),
  ]);
  ctx.stdout.write(
    formatTable(["ID", "STATUS", "STARTED (UTC)", "TARGET", "FILES", "LINES", "NOT SUPPORTED", "SOURCES"], rows),
  );
  return EXIT_OK;
}
