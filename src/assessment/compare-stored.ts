/**
 * Version comparison of a stored assessment, for `infio report --compare`:
 * the findings' feature ids and details are classified again for the
 * assessed target and for the candidate, with the catalog the run used.
 */

import { defaultCatalog, type Catalog } from "../catalog/catalog.js";
import { applyOverrides } from "../catalog/overrides.js";
import { formatTarget, parseTarget, type Target } from "../catalog/targets.js";
import { compareTargets } from "./compare.js";
import type { Assessment, TargetComparison } from "./model.js";
import { overridesFromRecords } from "./override-records.js";

export type StoredComparison =
  | {
      readonly ok: true;
      readonly comparison: TargetComparison;
      /** Stored overrides that the current catalog rejects, left out. */
      readonly warnings: readonly string[];
    }
  | { readonly ok: false; readonly error: string };

/**
 * Compares the assessed target of `a` with `candidate`. The stored
 * overrides are applied to `base` first, so both targets are classified
 * as the run classified its own. Never throws.
 */
export function compareStoredAssessment(
  a: Assessment,
  candidate: Target,
  base: Catalog = defaultCatalog(),
): StoredComparison {
  const baseline = parseTarget(a.target);
  if (!baseline.ok) {
    return {
      ok: false,
      error:
        `cannot compare assessment '${a.id}': its target '${a.target}' is ` +
        "unknown to this version of infio; use the version that assessed it",
    };
  }
  if (formatTarget(baseline.target) === formatTarget(candidate)) {
    return {
      ok: false,
      error:
        `--compare ${formatTarget(candidate)} is the assessed target of ` +
        `'${a.id}'; name another version or product`,
    };
  }

  let catalog = base;
  let warnings: readonly string[] = [];
  if (a.overrides !== undefined) {
    const result = applyOverrides(base, overridesFromRecords(a.overrides));
    catalog = result.catalog;
    warnings = result.errors;
  }

  const comparison = compareTargets(a.findings, baseline.target, candidate, catalog);
  return { ok: true, comparison, warnings };
}
