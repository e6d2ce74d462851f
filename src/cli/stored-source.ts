/**
 * The source texts that `infio report` shows in the HTML code view: the
 * texts stored with the assessment, which match its findings by
 * construction, and for an assessment that has none, the scripts on disk
 * where they are unchanged (source-texts.ts).
 */

import type { Assessment } from "../assessment/model.js";
import { StoreError, type Store, type UnitTexts } from "../store/index.js";
import { FailureError } from "./errors.js";
import type { Logger } from "./log.js";
import { SourceTexts, originsOf } from "./source-texts.js";

/**
 * Reads the stored texts of the units that have findings, the only ones
 * the code view shows.
 *
 * NOTE: the texts stay in memory until the reports are written, as the
 * findings do. For an assessment of a million lines that is about the size
 * of its source, tens of megabytes.
 */
export async function readStoredTexts(store: Store, a: Assessment): Promise<UnitTexts> {
  const files = [...new Set(a.findings.map((finding) => finding.file))];
  try {
    return await store.getUnitTexts(a.id, files);
  } catch (error) {
    if (error instanceof StoreError && (error.code === "key-unavailable" || error.code === "decrypt-failed")) {
      throw new FailureError(error.message, { cause: error });
    }
    throw error;
  }
}

/**
 * Returns the texts for the reports of `a`: the stored ones first, then
 * the scripts on disk. A live server's modules are no files, so they have
 * only the stored texts. `stored` is undefined when no report needs texts.
 */
export function reportSourceTexts(a: Assessment, stored: UnitTexts | undefined, cwd: string): SourceTexts {
  const origins = a.live === undefined ? originsOf(a.sources, cwd) : [];
  const known = stored?.status === "kept" ? stored.texts : new Map<string, string>();
  return new SourceTexts(a.units, origins, cwd, known);
}

/** Logs why the code view lacks some files, once the reports are written. */
export function logMissingTexts(
  a: Assessment,
  stored: UnitTexts | undefined,
  sources: SourceTexts,
  log: Logger,
): void {
  if (sources.missingCount === 0 || stored === undefined) {
    return;
  }

  if (stored.status === "kept") {
    // Only a unit without findings can be missing, and the view shows none of those.
    return;
  }
  const reason =
    stored.status === "not-kept"
      ? "source not kept: the assessment was run with --no-keep-source"
      : "source not kept: the assessment was stored by an infio version that kept no source text";
  if (a.live !== undefined) {
    log.warn(`${reason}, so the code view shows no module code; assess the server or its bundle again for a report with code`);
    return;
  }
  log.warn(
    `${reason}, and ${sources.missingCount} script(s) are gone or changed since the assessment; ` +
      "the code view leaves them out (run from the folder the assessment was run in)",
  );
}
