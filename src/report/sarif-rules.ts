/**
 * The SARIF rules of a run: one `reportingDescriptor` per feature id that
 * has results, sorted by id, then the rule for parse errors.
 */

import type { FeatureLookup } from "./features.js";
import { resolveFeature } from "./features.js";
import { compareCodeUnits } from "./text.js";

export type SarifLevel = "error" | "warning" | "note" | "none";

/**
 * Rule id of parse errors. Feature ids are lower case by the catalog's
 * naming rule, so an id with a capital letter does not collide with one.
 */
export const PARSE_ERROR_RULE_ID = "infio.ParseError";

export interface SarifRule {
  readonly id: string;
  readonly name: string;
  readonly shortDescription: { readonly text: string };
  readonly helpUri?: string;
  readonly defaultConfiguration: { readonly level: SarifLevel };
  readonly properties?: { readonly group: string };
}

/**
 * Builds the rules for the given feature ids and their most severe level,
 * and returns them with the index of each rule id.
 */
export function buildRules(
  levelByFeature: ReadonlyMap<string, SarifLevel>,
  lookup?: FeatureLookup,
): { rules: SarifRule[]; indexById: Map<string, number> } {
  const featureIds = [...levelByFeature.keys()].sort(compareCodeUnits);
  const rules: SarifRule[] = [];

  for (const featureId of featureIds) {
    const feature = resolveFeature(featureId, lookup);
    rules.push({
      id: featureId,
      name: ruleName(featureId),
      shortDescription: { text: feature.title },
      ...(feature.helpUri === undefined ? {} : { helpUri: feature.helpUri }),
      defaultConfiguration: { level: levelByFeature.get(featureId)! },
      properties: { group: feature.group },
    });
  }

  rules.push({
    id: PARSE_ERROR_RULE_ID,
    name: "ParseError",
    shortDescription: {
      text: "Statement that infio could not parse; it was not assessed",
    },
    defaultConfiguration: { level: "error" },
  });

  const indexById = new Map(rules.map((rule, index) => [rule.id, index]));
  return { rules, indexById };
}

/** Returns the more severe of two levels. */
export function moreSevere(a: SarifLevel, b: SarifLevel): SarifLevel {
  const order: readonly SarifLevel[] = ["none", "note", "warning", "error"];
  return order.indexOf(a) >= order.indexOf(b) ? a : b;
}

/**
 * Returns the rule name in the identifier form SARIF specifies for it:
 * `cursor.option.scroll` becomes `CursorOptionScroll`.
 */
function ruleName(featureId: string): string {
  const words = featureId.split(/[^A-Za-z0-9]+/).filter((w) => w !== "");
  const name = words
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join("");

  return name === "" ? "Feature" : name;
}
