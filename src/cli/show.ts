/** `infio show ID`: the summary of one stored assessment. */

import { Command } from "commander";

import type { Assessment } from "../assessment/model.js";
import { FAIL_ON_ORDER } from "../assessment/fail-on.js";
import {
  DATA_DIR_HELP,
  STORE_HELP,
  withExamples,
  type CommandHost,
  type StoreOptions,
} from "./command.js";
import type { CliContext } from "./context.js";
import { EXIT_OK } from "./errors.js";
import { storeOptionsFrom } from "./list.js";
import { createLogger } from "./log.js";
import { KEY_FILE_HELP, KMS_KEY_ID_HELP, type RawMasterKeyOptions } from "./master-key-options.js";
import { formatCount, formatDuration } from "./progress.js";
import { auditedRead } from "./audit-trail.js";
import { setUpCommand } from "./command-setup.js";
import { embeddedStoreExists, readAssessments } from "./store-access.js";
import { formatByteSize } from "../util/byte-size.js";
import { liveJson, liveLines } from "./show-live.js";
import { formatTable, safeCell } from "./table.js";

export interface ShowOptions extends StoreOptions {
  readonly id: string;
  readonly json: boolean;
}

export type ShowRun = (options: ShowOptions) => Promise<number>;

export function showCommand(
  host: CommandHost,
  run: ShowRun = (options) => executeShow(options, host.ctx),
): Command {
  const command = new Command("show")
    .summary("show the summary of a stored assessment")
    .description(
      "Show the summary of a stored assessment: what was assessed, findings " +
        "by status, objects by type, effort, skipped inputs.",
    )
    .argument("<id>", "assessment id, as 'infio list' shows it")
    .option("--json", "print the summary as JSON")
    .option("--store <store>", STORE_HELP, "embedded")
    .option("--data-dir <dir>", DATA_DIR_HELP)
    .option("--key-file <file>", KEY_FILE_HELP)
    .option("--kms-key-id <id>", KMS_KEY_ID_HELP)
    .action(async (id: string, raw: { store: string; dataDir?: string; json?: boolean } & RawMasterKeyOptions) => {
      host.exit(await run({ ...storeOptionsFrom(raw, host.ctx), id, json: raw.json === true }));
    });

  return withExamples(command, ["infio show 20250304-050607-3f9a1c", "infio show 20250304-050607-3f9a1c --json"]);
}

export async function executeShow(options: ShowOptions, ctx: CliContext): Promise<number> {
  const log = createLogger(ctx.stderr, { quiet: true });
  const keepsData = embeddedStoreExists(options.store, options.dataDir);
  const setup = await setUpCommand({ ctx, dataDir: options.dataDir, keepsData, masterKey: options.masterKey, log });
  const [a] = await auditedRead(
    setup.audit,
    { action: "assessment.read", objects: { assessment: options.id }, details: { command: "show" } },
    () => readAssessments(options.store, options.dataDir, [options.id], log, setup),
  );

  if (options.json) {
    ctx.stdout.write(`${JSON.stringify(summaryJson(a), null, 2)}\n`);
    return EXIT_OK;
  }

  ctx.stdout.write(renderSummary(a));
  return EXIT_OK;
}

/**
 * Returns the summary for `--json`: the header and summary of
 * assessment.json, the counts of parse errors and skipped inputs, and for
 * a live server what was read (show-live.ts).
 */
export function summaryJson(a: Assessment): object {
  const { id, startedAt, infioVersion, target, sources, summary } = a;
  return {
    id,
    startedAt,
    infioVersion,
    target,
    sources,
    summary,
    parseErrors: a.parseErrors.length,
    skipped: a.skipped.length,
    ...(a.live === undefined ? {} : { live: liveJson(a.live) }),
  };
}

/** Renders the summary as plain text: what was assessed, how it fares, how much work it is. */
export function renderSummary(a: Assessment): string {
  const s = a.summary;
  const lines = [
    `Assessment  ${a.id}`,
    `Started     ${a.startedAt}`,
    `Target      ${a.target}`,
    `infio       ${a.infioVersion}`,
    `Sources     ${a.sources.map(safeCell).join(", ")}`,
    ...(a.live === undefined ? [] : liveLines(a.live)),
    "",
    `Files ${formatCount(s.files)}, lines ${formatCount(s.lines)}, size ${formatByteSize(s.bytes)}, ` +
      `batches ${formatCount(s.batches)} (${formatCount(s.batchesWithErrors)} with parse errors), ` +
      `statements ${formatCount(s.statements)}`,
    `Parse errors ${formatCount(a.parseErrors.length)}, skipped inputs ${formatCount(a.skipped.length)}, ` +
      `elapsed ${formatDuration(s.elapsedMs)}`,
    `Effort      ${s.effort.low}–${s.effort.high} hours (an estimate, not a quote)`,
    "",
    "Findings by status, most severe first:",
  ];
  const statusRows = FAIL_ON_ORDER.map((status) => [status, formatCount(s.findingsByStatus[status])]);
  const typeRows = Object.entries(s.objectsByType).map(([type, n]) => [type, formatCount(n)]);

  return [
    lines.join("\n"),
    formatTable(["STATUS", "FINDINGS"], statusRows),
    typeRows.length === 0 ? "No objects defined.\n" : `Objects by type:\n${formatTable(["TYPE", "OBJECTS"], typeRows)}`,
  ].join("\n");
}
