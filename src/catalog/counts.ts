/** Counts of catalog entries per family and per target status. */
import type { FindingStatus } from "../assessment/model.js";
import { classify, defaultCatalog, type Catalog } from "./catalog.js";
import { CATALOG_STATUSES } from "./model.js";
import { formatTarget, type Target } from "./targets.js";

export type StatusCounts = Record<Exclude<FindingStatus, "unknown">, number>;

export interface GroupCounts {
  readonly group: string;
  /** Feature ids in the group. */
  readonly features: number;
  /** Detail variants across those ids. */
  readonly details: number;
  /** Base-entry statuses per target, keyed by `product@version`. */
  readonly byTarget: Readonly<Record<string, StatusCounts>>;
}

function emptyCounts(): StatusCounts {
  const counts = {} as StatusCounts;
  for (const status of CATALOG_STATUSES) counts[status] = 0;
  return counts;
}

/** Counts features per group, and their statuses on each target. */
export function countFeatures(
  targets: readonly Target[],
  catalog: Catalog = defaultCatalog(),
): readonly GroupCounts[] {
  const groups = new Map<
    string,
    { features: number; details: number; byTarget: Record<string, StatusCounts> }
  >();

  for (const entry of catalog.entries.values()) {
    let group = groups.get(entry.group);
    if (group === undefined) {
      group = { features: 0, details: 0, byTarget: {} };
      groups.set(entry.group, group);
    }

    group.features += 1;
    group.details += entry.details?.length ?? 0;

    for (const target of targets) {
      const key = formatTarget(target);
      const counts = (group.byTarget[key] ??= emptyCounts());
      const status = classify(entry.id, undefined, target, catalog).status;
      if (status !== "unknown") counts[status] += 1;
    }
  }

  return [...groups.entries()]
    .map(([group, data]) => ({ group, ...data }))
    .sort((a, b) => a.group.localeCompare(b.group));
}
