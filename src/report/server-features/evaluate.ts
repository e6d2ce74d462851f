/**
 * Maps the inventory of a live server or bundle to its features. A
 * negative state (disabled, installed but not used) needs every part it
 * rests on, so when one could not be read the feature is `unknown` with
 * the reason. An `enabled` state stands on what was read, and lists the
 * unread parts as gaps.
 */

import type { LiveSource } from "../../assessment/model.js";
import { InventoryView } from "./inventory-view.js";
import type { ServerFeature, ServerFeatureSet } from "./model.js";
import type { FeatureRule } from "./rule.js";
import { AVAILABILITY_RULES } from "./rules-availability.js";
import { INTEGRATION_RULES } from "./rules-integration.js";
import { PROGRAMMABILITY_RULES } from "./rules-programmability.js";
import { SERVICE_RULES } from "./rules-services.js";
import { STORAGE_RULES } from "./rules-storage.js";

/** Every rule, in export order. */
export const FEATURE_RULES: readonly FeatureRule[] = [
  ...SERVICE_RULES,
  ...INTEGRATION_RULES,
  ...AVAILABILITY_RULES,
  ...STORAGE_RULES,
  ...PROGRAMMABILITY_RULES,
];

/** Returns the features of the server that `live` was collected from. */
export function serverFeatures(
  live: LiveSource,
  assessmentId: string,
  rules: readonly FeatureRule[] = FEATURE_RULES,
): ServerFeatureSet {
  const view = new InventoryView(live);
  const skipped = view.skippedDatabases();

  const features = rules.map((rule) => evaluateRule(rule, view, skipped));
  return {
    assessmentId,
    server: live.server.name,
    address: live.server.address,
    version: live.server.version,
    edition: live.server.edition,
    collectedAt: live.server.collectedAt,
    features,
  };
}

function evaluateRule(rule: FeatureRule, view: InventoryView, skipped: readonly string[]): ServerFeature {
  const outcome = rule.evaluate(view);

  const unread: string[] = [];
  for (const part of view.takeConsulted()) {
    const reason = view.unreadReason(part);
    if (reason !== undefined) {
      unread.push(reason);
    }
  }
  const gaps = [...unread, ...(rule.databaseLevel ? skipped : [])];

  // Only a use that was seen survives a part that could not be read.
  const undecided = outcome.state !== "enabled" && outcome.state !== "unknown" && unread.length > 0;
  const state = undecided ? "unknown" : outcome.state;
  let reason: string | null = null;
  if (undecided) {
    reason = `cannot tell whether it is ${outcome.state}: ${unread.join("; ")}`;
  } else if (state === "unknown") {
    reason = outcome.reason ?? "the inventory cannot tell";
  }

  return {
    id: rule.id,
    name: rule.name,
    category: rule.category,
    state,
    reason,
    evidence: outcome.evidence,
    counts: outcome.counts ?? {},
    databases: outcome.databases ?? [],
    gaps,
    migration: rule.migration,
  };
}
