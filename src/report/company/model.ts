/** The company report's figures: its applications side by side. */

import type { EffortRange } from "../../assessment/model.js";
import type { Answer } from "../application/input.js";
import type { Blocker, Compatibility } from "../application/model.js";

/**
 * The wave rule that placed an application; waves.ts states each rule.
 * `notAssessed` has no wave.
 */
export type WaveRule =
  | "noBlockers"
  | "blockersInChangeableCode"
  | "blockersInUnchangeableCode"
  | "changeabilityUnknown"
  | "notAssessed";

/** A suggested migration wave, not a plan: the reader decides. */
export interface WaveSuggestion {
  /** 1, 2 or 3; null when the application was not assessed. */
  readonly wave: 1 | 2 | 3 | null;
  readonly rule: WaveRule;
  /** Why, in one or two sentences. */
  readonly reason: string;
}

/** One application's row in the side-by-side comparison. */
export interface ApplicationRow {
  readonly name: string;
  readonly servers: number;
  readonly assessedServers: number;
  readonly serversByEnvironment: {
    readonly production: number;
    readonly nonProduction: number;
  };
  readonly databases: number;
  readonly lines: number;
  readonly objects: number;
  readonly compatibility: Compatibility;
  /** Distinct not-supported features and details. */
  readonly blockers: readonly Blocker[];
  /** The application's effort, with learning charged once per feature. */
  readonly effort: EffortRange;
  readonly thirdPartyProduct: Answer;
  readonly codeMayBeChanged: Answer;
  readonly wave: WaveSuggestion;
  readonly warnings: readonly string[];
}

export interface CompanyReport {
  readonly companyName: string;
  readonly target: string;
  readonly generatedAt: string;
  /** In suggested order: by wave, then by effort, then by name; not assessed last. */
  readonly applications: readonly ApplicationRow[];
  readonly totals: {
    readonly applications: number;
    readonly servers: number;
    readonly databases: number;
    readonly objects: number;
    /** The sum of the applications' efforts; learning is shared within an application only. */
    readonly effort: EffortRange;
  };
}
