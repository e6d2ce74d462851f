/**
 * `infio purge --assessment ID | --older-than PERIOD | --all [--yes]`:
 * destroys assessments, each one's data key first (crypto-shredding) and
 * its rows in the store after. Without --yes it lists what it would purge
 * and purges nothing.
 */

import { Command } from "commander";

import { parseRetention } from "../security/purge.js";
import type { Store } from "../store/index.js";
import {
  collect,
  DATA_DIR_HELP,
  STORE_HELP,
  withExamples,
  type CommandHost,
  type StoreOptions,
} from "./command.js";
import { setUpCommand, type CommandSetup } from "./command-setup.js";
import type { CliContext } from "./context.js";
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError } from "./errors.js";
import { storeOptionsFrom } from "./list.js";
import { createLogger } from "./log.js";
import { KEY_FILE_HELP, KMS_KEY_ID_HELP, type RawMasterKeyOptions } from "./master-key-options.js";
import {
  describeSelection,
  planPurge,
  planSize,
  purgeAssessments,
  type PurgePlan,
  type PurgeSelection,
} from "./purge-run.js";
import { closeQuietly, embeddedStoreExists, openCliStore } from "./store-access.js";
import { formatTable } from "./table.js";

export interface PurgeOptions extends StoreOptions {
  readonly selection: PurgeSelection;
  /** Purges at once; without it, purge only lists what it would destroy. */
  readonly yes: boolean;
  readonly quiet: boolean;
}

export type PurgeRun = (options: PurgeOptions) => Promise<number>;

interface RawPurgeOptions extends RawMasterKeyOptions {
  assessment: string[];
  olderThan?: string;
  all?: boolean;
  yes?: boolean;
  store: string;
  dataDir?: string;
  quiet?: boolean;
}

export function purgeCommand(
  host: CommandHost,
  run: PurgeRun = (options) => executePurge(options, host.ctx),
): Command {
  const command = new Command("purge")
    .summary("destroy stored assessments and their data keys")
    .description(
      "Destroy assessments: the data key of each is destroyed first, so that no copy of its " +
        "encrypted data (a backup, a copied store) can be read again, and then its rows are " +
        "deleted from the store. Running assessments are kept. Without --yes, lists what " +
        "would be purged, purges nothing and exits with 2. Every purge is in the audit log.\n\n" +
        "Exit codes: 0 done, 1 an assessment could not be purged, 2 invalid usage or no --yes.",
    )
    .option("--assessment <id>", "purge this assessment (repeatable)", collect, [])
    .option("--older-than <period>", "purge assessments started longer ago: 90m, 12h, 30d or 2w")
    .option("--all", "purge every assessment and every data key of the data folder")
    .option("-y, --yes", "purge without listing first; needed to purge anything")
    .option("--store <store>", STORE_HELP, "embedded")
    .option("--data-dir <dir>", DATA_DIR_HELP)
    .option("--key-file <file>", KEY_FILE_HELP)
    .option("--kms-key-id <id>", KMS_KEY_ID_HELP)
    .option("-q, --quiet", "no info logs; warnings and errors still show")
    .action(async (raw: RawPurgeOptions) => host.exit(await run(purgeOptionsFrom(raw, host.ctx))));

  return withExamples(command, [
    "infio purge --assessment 20250304-050607-3f9a1c --yes",
    "infio purge --older-than 30d",
    "infio purge --older-than 30d --yes",
    "infio purge --all --yes",
  ]);
}

/** Checks that exactly one selection is given; throws UsageError otherwise. */
export function purgeOptionsFrom(raw: RawPurgeOptions, ctx: CliContext): PurgeOptions {
  const given = [
    raw.assessment.length > 0 ? "--assessment" : "",
    raw.olderThan !== undefined ? "--older-than" : "",
    raw.all === true ? "--all" : "",
  ].filter((g) => g !== "");
  if (given.length !== 1) {
    throw new UsageError(
      given.length === 0
        ? "nothing to purge: pass --assessment ID, --older-than PERIOD or --all"
        : `${given.join(", ")} each select what to purge; pass only one of them`,
    );
  }
  if (raw.store === "none") {
    throw new UsageError("--store none keeps no assessments, so there is nothing to purge");
  }

  return {
    ...storeOptionsFrom(raw, ctx),
    selection: selectionOf(raw),
    yes: raw.yes === true,
    quiet: raw.quiet === true,
  };
}

function selectionOf(raw: RawPurgeOptions): PurgeSelection {
  if (raw.all === true) {
    return { kind: "all" };
  }
  if (raw.olderThan !== undefined) {
    const parsed = parseRetention(raw.olderThan);
    if (!parsed.ok) {
      throw new UsageError(`--older-than: ${parsed.error.message}`);
    }
    return { kind: "older-than", text: raw.olderThan.trim(), ms: parsed.value };
  }
  for (const id of raw.assessment) {
    if (id.trim() === "") {
      throw new UsageError("invalid --assessment '': pass an id as 'infio list' shows it");
    }
  }
  return { kind: "assessments", ids: [...new Set(raw.assessment.map((id) => id.trim()))] };
}

export async function executePurge(options: PurgeOptions, ctx: CliContext): Promise<number> {
  const log = createLogger(ctx.stderr, { quiet: options.quiet });
  const storeExists = embeddedStoreExists(options.store, options.dataDir);
  const setup = await setUpCommand({
    ctx,
    dataDir: options.dataDir,
    keepsData: true,
    masterKey: options.masterKey,
    log,
  });

  // An embedded store that was never created is not created here.
  const store = storeExists ? await openCliStore(options.store, options.dataDir, log, setup) : undefined;
  try {
    const plan = await planPurge(options.selection, store, setup.dataKeys, new Date());
    if (plan.unknown.length > 0) {
      throw new UsageError(
        `assessment ${plan.unknown.map((id) => `'${id}'`).join(", ")} not found: not in the store ` +
          `${store?.location ?? `of '${options.dataDir}'`} and without a data key; nothing was purged ` +
          "(run 'infio list' to see the stored ids)",
      );
    }
    for (const id of plan.running) {
      log.warn(`assessment ${id} is running, so it is kept; purge it once it has finished`);
    }

    if (!options.yes) {
      return preview(plan, options, ctx);
    }
    return await purgePlan(plan, options, { store, setup, ctx });
  } finally {
    if (store !== undefined) {
      await closeQuietly(store, log);
    }
  }
}

/** Lists what would be purged and exits with 2, since nothing was purged. */
function preview(plan: PurgePlan, options: PurgeOptions, ctx: CliContext): number {
  const reason = describeSelection(options.selection);
  if (planSize(plan) === 0) {
    ctx.stderr.write(`nothing matches ${reason}; nothing to purge\n`);
    return EXIT_OK;
  }

  ctx.stdout.write(listing(plan));
  ctx.stderr.write(
    `error: ${planSize(plan)} assessment(s) match ${reason}, and nothing was purged; run the ` +
      "command again with --yes to destroy them, which cannot be undone\n",
  );
  return EXIT_USAGE;
}

function listing(plan: PurgePlan): string {
  const rows = [
    ...plan.assessments.map((a) => [a.id, a.status, a.startedAt.slice(0, 19).replace("T", " "), a.sources.join(", ")]),
    ...plan.keysOnly.map((id) => [id, "data key only", "", ""]),
  ];
  return formatTable(["ID", "STATUS", "STARTED (UTC)", "SOURCES"], rows);
}

async function purgePlan(
  plan: PurgePlan,
  options: PurgeOptions,
  run: { store: Store | undefined; setup: CommandSetup; ctx: CliContext },
): Promise<number> {
  const { setup, ctx } = run;
  const reason = describeSelection(options.selection);
  const event = { action: "purge.run", details: { reason } } as const;
  await setup.audit.before({
    ...event,
    outcome: "started",
    details: {
      ...event.details,
      assessments: plan.assessments.map((a) => a.id),
      dataKeysOnly: [...plan.keysOnly],
    },
  });

  const result = await purgeAssessments(plan, {
    store: run.store,
    keys: setup.dataKeys,
    audit: setup.audit,
    log: setup.log,
    reason,
  });
  await setup.audit.after({
    ...event,
    outcome: result.failed.length === 0 ? "succeeded" : "failed",
    details: { ...event.details, purged: result.purged.length, failed: result.failed.map((f) => f.id) },
  });

  for (const id of result.purged) {
    ctx.stdout.write(`purged ${id}\n`);
  }
  if (planSize(plan) === 0) {
    ctx.stderr.write(`nothing matches ${reason}; nothing was purged\n`);
  }
  return result.failed.length === 0 ? EXIT_OK : EXIT_FAILURE;
}
