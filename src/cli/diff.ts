/** `infio diff A B`: new, fixed and changed findings between two assessments. */

import { Command } from "commander";

import { diffFindings, type FindingsDiff } from "../assessment/diff.js";
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
import { formatCount } from "./progress.js";
import { auditedRead } from "./audit-trail.js";
import { setUpCommand } from "./command-setup.js";
import { embeddedStoreExists, readAssessments } from "./store-access.js";
import { formatTable } from "./table.js";

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
        "are ignored, so code that only moved counts as unchanged.",
    )
    .argument("<a>", "id of the earlier assessment")
    .argument("<b>", "id of the later assessment")
    .option("--json", "print JSON instead of tables")
    .option("--store <store>", STORE_HELP, "embedded")
    .option("--data-dir <dir>", DATA_DIR_HELP)
    .action(async (a: string, b: string, raw: { store: string; dataDir?: string; json?: boolean }) => {
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
  const setup = await setUpCommand({ ctx, dataDir: options.dataDir, keepsData, log });
  const [before, after] = await auditedRead(
    setup.audit,
    {
      action: "assessment.read",
      objects: { assessment: options.before, compared: options.after },
      details: { command: "diff" },
    },
    () => readAssessments(options.store, options.dataDir, [options.before, options.after], log, setup),
  );
  const diff = diffFindings(before.findings, after.findings);

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
      },
      new: diff.added,
      fixed: diff.fixed,
      changed: diff.changed,
    };
    ctx.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return EXIT_OK;
  }

  ctx.stdout.write(renderDiff(before.id, after.id, diff));
  return EXIT_OK;
}

export function renderDiff(before: string, after: string, diff: FindingsDiff): string {
  const head =
    `${before} -> ${after}: ${formatCount(diff.added.length)} new, ` +
    `${formatCount(diff.fixed.length)} fixed, ${formatCount(diff.changed.length)} changed, ` +
    `${formatCount(diff.unchanged)} unchanged (${formatCount(diff.moved)} moved)\n`;
  const header = ["STATUS", "FEATURE", "PLACE", "OBJECT", "MESSAGE"];
  const row = (f: Finding, status: string = f.status) => [status, f.featureId, `${f.file}:${f.line}:${f.column}`, f.object, f.message];

  const parts = [head];
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
  return parts.join("");
}
