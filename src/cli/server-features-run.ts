/**
 * Runs `infio server-features`: reads the assessments, maps the inventory
 * of each to its server's features, and writes one CSV or JSON document.
 */

import { randomBytes } from "node:crypto";
import { rename, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

import type { Assessment } from "../assessment/model.js";
import {
  renderServerFeaturesCsv,
  renderServerFeaturesJson,
  serverFeatures,
  type ServerFeatureSet,
} from "../report/server-features/index.js";
import { auditedRead } from "./audit-trail.js";
import { setUpCommand } from "./command-setup.js";
import type { CliContext } from "./context.js";
import { EXIT_OK, FailureError, UsageError } from "./errors.js";
import { createLogger } from "./log.js";
import type { ServerFeaturesOptions } from "./server-features.js";
import { embeddedStoreExists, readAssessments } from "./store-access.js";

export async function executeServerFeatures(options: ServerFeaturesOptions, ctx: CliContext): Promise<number> {
  const log = createLogger(ctx.stderr, { quiet: true });
  const keepsData = embeddedStoreExists(options.store, options.dataDir);
  const setup = await setUpCommand({
    ctx,
    dataDir: options.dataDir,
    keepsData,
    masterKey: options.masterKey,
    log,
  });
  const assessments = await auditedRead(
    setup.audit,
    {
      action: "assessment.read",
      // Audit objects are single ids, so the first is the object and all are in the details.
      objects: { assessment: options.ids[0] ?? "" },
      details: { command: "server-features", assessments: [...options.ids] },
    },
    () => readAssessments(options.store, options.dataDir, options.ids, log, setup),
  );

  const sets = featureSetsOf(assessments);
  const text = options.format === "csv" ? renderServerFeaturesCsv(sets) : renderServerFeaturesJson(sets);
  if (options.out === undefined) {
    ctx.stdout.write(text);
  } else {
    await writeWhole(options.out, text);
  }
  return EXIT_OK;
}

/**
 * Returns the feature set of each assessment; throws UsageError naming
 * every assessment that did not read a server, because their features
 * cannot be known.
 */
export function featureSetsOf(assessments: readonly Assessment[]): ServerFeatureSet[] {
  const scripts = assessments.filter((a) => a.live === undefined).map((a) => `'${a.id}'`);
  if (scripts.length > 0) {
    throw new UsageError(
      `assessment ${scripts.join(", ")} has no server inventory, because it assessed ` +
        "scripts; server features come from assessments made with 'infio assess --server' or '--bundle'",
    );
  }
  return assessments.map((a) => serverFeatures(a.live!, a.id));
}

/**
 * Writes the file under a temporary name in its folder and renames it,
 * so that a failure never leaves half a file at `path`.
 */
async function writeWhole(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, text, { flag: "wx" });
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new FailureError(`cannot write '${path}': ${reason}; pass --out with a path in a folder you can write`, {
      cause: error,
    });
  }
}
