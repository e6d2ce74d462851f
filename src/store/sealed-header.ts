/**
 * The sealed columns of the `assessments` row: `sources` (the paths or
 * servers the user pointed infio at), `error` (the reason a run failed) and
 * `details` (overrides, effort breakdown and target comparison, which name
 * files and objects). The other columns stay plain because listings sort
 * and show them: id, status, times, infio version, target and the summary,
 * whose only names are object types.
 */

import type { AssessmentDetails } from "./store.js";
import type { RowSealer } from "./sealing.js";

const SOURCES = "assessments.sources";
const ERROR = "assessments.error";
const DETAILS = "assessments.details";

/** Every sealed column is bound to the assessment itself; no row id. */
const NO_ROW = "";

export function sealSources(sealer: RowSealer, sources: readonly string[]): Buffer {
  return sealer.seal(SOURCES, NO_ROW, JSON.stringify(sources));
}

export function openSources(sealer: RowSealer, sealed: Uint8Array | null): string[] {
  return sealed === null ? [] : (JSON.parse(sealer.openText(SOURCES, NO_ROW, sealed)) as string[]);
}

export function sealError(sealer: RowSealer, reason: string): Buffer {
  return sealer.seal(ERROR, NO_ROW, reason);
}

export function openError(sealer: RowSealer, sealed: Uint8Array): string {
  return sealer.openText(ERROR, NO_ROW, sealed);
}

/** Seals the details that are present; null when none is. */
export function sealDetails(sealer: RowSealer, details: AssessmentDetails): Buffer | null {
  const present = {
    ...(details.overrides === undefined ? {} : { overrides: details.overrides }),
    ...(details.effort === undefined ? {} : { effort: details.effort }),
    ...(details.comparison === undefined ? {} : { comparison: details.comparison }),
  };
  if (Object.keys(present).length === 0) {
    return null;
  }
  return sealer.seal(DETAILS, NO_ROW, JSON.stringify(present));
}

export function openDetails(sealer: RowSealer, sealed: Uint8Array | null): AssessmentDetails {
  return sealed === null ? {} : (JSON.parse(sealer.openText(DETAILS, NO_ROW, sealed)) as AssessmentDetails);
}
