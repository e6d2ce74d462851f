/**
 * Table cells that state a feature's status on each documented target:
 * the latest Babelfish release, with the release its status dates from,
 * and each PostgreSQL major.
 */
import { POSTGRESQL_MAJORS } from "../babelfish-versions.js";
import { FIRST_BABELFISH } from "../build.js";
import { statusAt } from "../catalog.js";
import type { DetailVariant, FeatureEntry, StatusStep } from "../model.js";
import { compareVersions, latestBabelfishVersion } from "../targets.js";
import { code } from "./markdown.js";

/** The step in force at `version`: the last one that starts at or before it. */
function stepAt(
  steps: readonly StatusStep[],
  version: string,
): StatusStep | undefined {
  let current: StatusStep | undefined;

  for (const step of steps) {
    if (compareVersions(step.from, version) <= 0) current = step;
  }

  return current;
}

/**
 * States the status on the latest Babelfish release and the release it
 * holds from: `` `supported` since 2.4.0 `` or `` `notSupported` in every
 * release ``.
 */
export function babelfishCell(
  steps: readonly StatusStep[],
  verified: boolean,
): string {
  const latest = latestBabelfishVersion();
  const step = stepAt(steps, latest);
  const status = code(statusAt(steps, latest));
  const unverified = verified ? "" : " (unverified)";

  if (step === undefined) return `${status}${unverified}`;

  const since =
    step.from === FIRST_BABELFISH && steps.length === 1
      ? "in every release"
      : `since ${step.from}`;
  return `${status} ${since}${unverified}`;
}

/** The status on each PostgreSQL major, in the order of `POSTGRESQL_MAJORS`. */
export function postgresqlCells(steps: readonly StatusStep[]): string[] {
  return POSTGRESQL_MAJORS.map((major) => code(statusAt(steps, major)));
}

/** Babelfish and PostgreSQL histories of a variant, falling back to its entry. */
export function variantSteps(
  entry: FeatureEntry,
  variant: DetailVariant,
): { babelfish: readonly StatusStep[]; postgresql: readonly StatusStep[] } {
  return {
    babelfish: variant.babelfish ?? entry.babelfish,
    postgresql: variant.postgresql ?? entry.postgresql,
  };
}

/** The table headers for the target columns. */
export function targetHeaders(): string[] {
  return [
    `Babelfish ${latestBabelfishVersion()}`,
    ...POSTGRESQL_MAJORS.map((major) => `PostgreSQL ${major}`),
  ];
}
