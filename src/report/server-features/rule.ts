/** A feature rule: how one feature's state is read from the inventory. */

import type { FeatureCategory, FeatureState } from "./model.js";
import type { InventoryView } from "./inventory-view.js";

export interface RuleOutcome {
  readonly state: FeatureState;
  readonly evidence: readonly string[];
  readonly counts?: Readonly<Record<string, number>>;
  readonly databases?: readonly string[];
  /** For `unknown`: why the inventory cannot tell. */
  readonly reason?: string;
}

export interface FeatureRule {
  readonly id: string;
  readonly name: string;
  readonly category: FeatureCategory;
  /** Reads at database level, so databases the collector skipped are gaps. */
  readonly databaseLevel: boolean;
  readonly migration: string;
  evaluate(view: InventoryView): RuleOutcome;
}

/** Writes `name = value` evidence for a sys.configurations option, or that the server does not list it. */
export function optionEvidence(name: string, value: number | undefined): string {
  return value === undefined
    ? `sys.configurations '${name}' not listed`
    : `sys.configurations '${name}' = ${value}`;
}
