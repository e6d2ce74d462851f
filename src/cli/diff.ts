/** `infio diff A B`: new, fixed and changed findings between two assessments. */

import { Command } from "commander";

import { diffAssessments, type AssessmentsDiff } from "../assessment/diff-coverage.js";
import type { Finding } from "../assessment/model.js";
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
import { formatCount } from "./progress.js";
import { auditedRead } from "./audit-trail.js";
import { setUpCommand } from "./command-setup.js";
import { embeddedStoreExists, readAssessments } from "./store-access.js";
import { formatTable, safeCell } from "./table.js";

export interface DiffOptions extends StoreOptions {
  readonly before: string;
  readonly after: string;
  readonly json: boolean;
}

export type DiffRun = (options: DiffOptions) => Promise<number>;

export function diffCommand(
  host: CommandHost,
  run: DiffRun = (options) => executeDiff(options, host.ctx),
): Command {
  const command = new Command("diff")
    .summary("compare the findings of two assessments")
    .description(
      "Compare the findings of two stored assessments, for example before and " +
        "after a remediation sprint: new findings (only in B), fixed ones " +
        "(only in A) and changed ones (same place, other status). Findings " +
        "match by feature, detail, file, object and message; line numbers " +
        "are ignored, so code that only moved counts as unchanged. A finding " +
        "in a database, module or file that the other assessment could not " +
        "read (offline, skipped, left out) is counted as not compared, " +
        "never as fixed or new.",
    )
    .argument("<a>", "id of the earlier assessment")
    .argument("<b>", "id of the later assessment")
    .option("--json", "print JSON instead of tables")
    .option("--store <store>", STORE_HELP, "embedded")
    .option("--data-dir <dir>", DATA_DIR_HELP)
    .option("--key-file <file>", KEY_FILE_HELP)
    .option("--kms-key-id <id>", KMS_KEY_ID_HELP)
    .action(async (a: string, b: string, raw: { store: string; dataDir?: string; json?: boolean } & RawMasterKeyOptions) => {
      host.exit(
        await run({ ...storeOptionsFrom(raw, host.ctx), before: a, after: b, json: raw.json === true }),
      );
    });

  return withExamples(command, [
    "infio diff 20250304-050607-3f9a1c 20250401-093000-77b0e2",
    "infio diff 20250304-050607-3f9a1c 20250401-093000-77b0e2 --json > changes.json",
  ]);
}

export async function executeDiff(options: DiffOptions, ctx: CliContext): Promise<number> {
  const log = createLogger(ctx.stderr, { quiet: true });
  const keepsData = embeddedStoreExists(options.store, options.dataDir);
  const setup = await setUpCommand({ ctx, dataDir: options.dataDir, keepsData, masterKey: options.masterKey, log });
  const [before, after] = await auditedRead(
    setup.audit,
    {
      action: "assessment.read",
      objects: { assessment: options.before, compared: options.after },
      details: { command: "diff" },
    },
    () => readAssessments(options.store, options.dataDir, [options.before, options.after], log, setup),
  );
  const diff = diffAssessments(before, after);

  if (options.json) {
    const json = {
      before: before.id,
      after: after.id,
      counts: {
        new: diff.added.length,
        fixed: diff.fixed.length,
        changed: diff.changed.length,
        unchanged: diff.unchanged,
        moved: diff.moved,
        notCompared: diff.notCompared.length,
      },
      new: diff.added,
      fixed: diff.fixed,
      changed: diff.changed,
      notCompared: diff.notCompared,
      notes: diff.notes,
    };
    ctx.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return EXIT_OK;
  }

  ctx.stdout.write(renderDiff(before.id, after.id, diff));
  return EXIT_OK;
}

export function renderDiff(before: string, after: string, diff: AssessmentsDiff): string {
  const head =
    `${before} -> ${after}: ${formatCount(diff.added.length)} new, ` +
    `${formatCount(diff.fixed.length)} fixed, ${formatCount(diff.changed.length)} changed, ` +
    `${formatCount(diff.unchanged)} unchanged (${formatCount(diff.moved)} moved), ` +
    `${formatCount(diff.notCompared.length)} not compared\n`;
  const header = ["STATUS", "FEATURE", "PLACE", "OBJECT", "MESSAGE"];
  const row = (f: Finding, status: string = f.status) => [status, f.featureId, `${f.file}:${f.line}:${f.column}`, f.object, f.message];

  const parts = [head];
  for (const note of diff.notes) {
    parts.push(`Note: ${safeCell(note)}; these findings are neither fixed nor new.\n`);
  }
  if (diff.added.length > 0) {
    parts.push(`\nNew:\n${formatTable(header, diff.added.map((f) => row(f)))}`);
  }
  if (diff.fixed.length > 0) {
    parts.push(`\nFixed:\n${formatTable(header, diff.fixed.map((f) => row(f)))}`);
  }
  if (diff.changed.length > 0) {
    const rows = diff.changed.map((c) => row(c.after, `${c.before.status} -> ${c.after.status}`));
    parts.push(`\nChanged:\n${formatTable(header, rows)}`);
  }
  if (diff.notCompared.length > 0) {
    const rows = diff.notCompared.map((n) => row(n.finding, `${n.finding.status} (only in ${n.side === "before" ? "A" : "B"})`));
    parts.push(`\nNot compared:\n${formatTable(header, rows)}`);
  }
  return parts.join("");
}
