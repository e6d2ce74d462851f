/**
 * Groups the findings for the HTML report (status, then feature group,
 * then feature) and decides which occurrences the page lists within the
 * limits. Every feature first gets its examples; what budget is left then
 * fills the full lists, in page order.
 */

import type { Assessment, Finding } from "../../assessment/model.js";
import type { FeatureLookup, ResolvedFeature } from "../features.js";
import { resolveFeature } from "../features.js";
import { statusRank } from "../status.js";
import { compareCodeUnits } from "../text.js";
import type { HtmlLimits } from "./limits.js";

/** One feature with one status, and its occurrences sorted by place. */
export interface FeatureBlock {
  readonly anchor: string;
  readonly status: string;
  readonly feature: ResolvedFeature;
  readonly findings: readonly Finding[];
  /** How many of `findings`, from the first, the page lists. */
  listed: number;
}

export interface GroupBlock {
  readonly group: string;
  readonly findingCount: number;
  readonly featureCount: number;
  /** The features on the page; the rest were cut by `HtmlLimits.features`. */
  readonly features: readonly FeatureBlock[];
}

export interface StatusBlock {
  readonly status: string;
  readonly findingCount: number;
  readonly featureCount: number;
  readonly groups: readonly GroupBlock[];
}

export interface FindingsPlan {
  readonly statuses: readonly StatusBlock[];
  readonly listedCount: number;
}

/** Groups the findings of an assessment and applies the listing limits. */
export function planFindings(
  a: Assessment,
  limits: HtmlLimits,
  lookup?: FeatureLookup,
): FindingsPlan {
  const byStatus = groupByStatusAndFeature(a.findings);
  const features = new Map<string, ResolvedFeature>();
  const resolve = (id: string): ResolvedFeature => {
    let feature = features.get(id);
    if (feature === undefined) {
      feature = resolveFeature(id, lookup);
      features.set(id, feature);
    }
    return feature;
  };

  const statusNames = [...byStatus.keys()].sort(
    (x, y) => statusRank(x) - statusRank(y) || compareCodeUnits(x, y),
  );

  const visibleBlocks: FeatureBlock[] = [];
  const statuses: StatusBlock[] = [];
  for (const status of statusNames) {
    const byFeature = byStatus.get(status)!;
    const groups = groupFeatures(
      status,
      byFeature,
      resolve,
      visibleBlocks,
      limits,
    );
    statuses.push({
      status,
      findingCount: sum(groups.map((g) => g.findingCount)),
      featureCount: byFeature.size,
      groups,
    });
  }

  return { statuses, listedCount: allocateListing(visibleBlocks, limits) };
}

function groupByStatusAndFeature(
  findings: readonly Finding[],
): Map<string, Map<string, Finding[]>> {
  const byStatus = new Map<string, Map<string, Finding[]>>();
  for (const finding of findings) {
    let byFeature = byStatus.get(finding.status);
    if (byFeature === undefined) {
      byFeature = new Map();
      byStatus.set(finding.status, byFeature);
    }

    const list = byFeature.get(finding.featureId);
    if (list === undefined) {
      byFeature.set(finding.featureId, [finding]);
    } else {
      list.push(finding);
    }
  }

  return byStatus;
}

/**
 * Builds the groups of one status, largest first, and appends the feature
 * blocks that fit under `limits.features` to `visibleBlocks`.
 */
function groupFeatures(
  status: string,
  byFeature: Map<string, Finding[]>,
  resolve: (id: string) => ResolvedFeature,
  visibleBlocks: FeatureBlock[],
  limits: HtmlLimits,
): GroupBlock[] {
  const byGroup = new Map<string, { id: string; findings: Finding[] }[]>();
  for (const [id, findings] of byFeature) {
    const group = resolve(id).group;
    const members = byGroup.get(group) ?? [];
    members.push({ id, findings });
    byGroup.set(group, members);
  }

  const groups = [...byGroup].map(([group, members]) => ({
    group,
    members: members.sort(
      (x, y) =>
        y.findings.length - x.findings.length || compareCodeUnits(x.id, y.id),
    ),
    findingCount: sum(members.map((m) => m.findings.length)),
  }));
  groups.sort(
    (x, y) =>
      y.findingCount - x.findingCount || compareCodeUnits(x.group, y.group),
  );

  return groups.map((g) => {
    const features: FeatureBlock[] = [];
    for (const member of g.members) {
      if (visibleBlocks.length >= limits.features) {
        break;
      }

      const block: FeatureBlock = {
        anchor: `ft-${visibleBlocks.length}`,
        status,
        feature: resolve(member.id),
        findings: member.findings.sort(compareFindingPlaces),
        listed: 0,
      };
      features.push(block);
      visibleBlocks.push(block);
    }

    return {
      group: g.group,
      findingCount: g.findingCount,
      featureCount: g.members.length,
      features,
    };
  });
}

/**
 * Sets `listed` on each block: first up to `examplesPerFeature` each, then
 * up to `occurrencesPerFeature` each, never more than `occurrences` in all.
 * Returns the number listed.
 */
function allocateListing(blocks: FeatureBlock[], limits: HtmlLimits): number {
  let remaining = limits.occurrences;

  for (const perFeature of [
    limits.examplesPerFeature,
    limits.occurrencesPerFeature,
  ]) {
    for (const block of blocks) {
      const missing =
        Math.min(perFeature, block.findings.length) - block.listed;
      const granted = Math.max(0, Math.min(missing, remaining));
      block.listed += granted;
      remaining -= granted;
    }
  }

  return limits.occurrences - remaining;
}

/** Orders findings by file, then line, then column. */
export function compareFindingPlaces(
  x: { file: string; line: number; column: number },
  y: { file: string; line: number; column: number },
): number {
  return (
    compareCodeUnits(x.file, y.file) || x.line - y.line || x.column - y.column
  );
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
