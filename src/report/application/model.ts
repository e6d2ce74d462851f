/**
 * The application report's figures, as the HTML and JSON renderers and
 * the company roll-up read them. `buildApplicationReport` computes them
 * from an ApplicationReportInput.
 */

import type { EffortRange, FindingStatus } from "../../assessment/model.js";
import type {
  Answer,
  EnvironmentMetric,
  QuestionnaireEntry,
} from "./input.js";

/**
 * Object counts by category. `unknown` counts the objects whose worst
 * finding is a feature absent from the catalog. They are part of
 * `notSupported` too, and counted apart so that they stay visible.
 */
export interface CategoryCounts {
  readonly objects: number;
  readonly supported: number;
  readonly conditionallySupported: number;
  readonly notSupported: number;
  readonly unknown: number;
}

/** Percent of `objects` in each category, rounded to one decimal. */
export interface CategoryShares {
  readonly supported: number;
  readonly conditionallySupported: number;
  readonly notSupported: number;
  readonly unknown: number;
}

/** Category counts and shares of all objects, and split by schema and code. */
export interface Compatibility {
  readonly all: CategoryCounts;
  readonly schema: CategoryCounts;
  readonly code: CategoryCounts;
  readonly shares: {
    readonly all: CategoryShares;
    readonly schema: CategoryShares;
    readonly code: CategoryShares;
  };
}

/** The figures of one set of code: a database, a server or an application. */
export interface Figures {
  /** Lines of the code units. */
  readonly lines: number;
  readonly units: number;
  /** Objects counted for compatibility, including one per file of code outside any object. */
  readonly objects: number;
  readonly objectsByType: Readonly<Record<string, number>>;
  readonly findingsByStatus: Readonly<Record<FindingStatus, number>>;
  readonly compatibility: Compatibility;
}

export interface DatabaseRollup extends Figures {
  readonly name: string;
}

export interface ServerRollup {
  readonly name: string;
  readonly environment: "production" | "non-production";
  readonly source: "live" | "scripts";
  readonly assessed: boolean;
  /** Reason the server was not assessed; present only when `assessed` is false. */
  readonly problem?: string;
  readonly assessmentId?: string;
  readonly assessedAt?: string;
  readonly assessmentTarget?: string;
  /** Absent when the server was not assessed. */
  readonly figures?: Figures;
  /** The server's own estimate, which charges learning costs per server. */
  readonly effort?: EffortRange;
  readonly databases: readonly DatabaseRollup[];
}

/** One distinct not-supported feature and detail. */
export interface Blocker {
  readonly featureId: string;
  readonly detail?: string;
  readonly title: string;
  readonly occurrences: number;
  /** Distinct objects with the feature, counting code outside objects per file. */
  readonly objects: number;
  /** Whether an occurrence is in code (procedures, views, batches, ...) rather than schema. */
  readonly inCode: boolean;
  readonly servers: readonly string[];
}

/** One distinct feature and detail in the application's effort estimate. */
export interface FeatureEffortRollup {
  readonly featureId: string;
  readonly detail?: string;
  readonly title: string;
  readonly occurrences: number;
  /** Charged once for the whole application. */
  readonly learning: EffortRange;
  /** The per-occurrence costs summed over all servers. */
  readonly repeat: EffortRange;
  readonly total: EffortRange;
}

export interface ApplicationEffort {
  readonly total: EffortRange;
  readonly learning: EffortRange;
  readonly repeat: EffortRange;
  readonly byFeature: readonly FeatureEffortRollup[];
  /**
   * Servers whose assessment has no effort breakdown (stored by an older
   * infio): their own total is added as it is, learning costs included.
   */
  readonly serversWithoutBreakdown: readonly string[];
}

export interface ApplicationReport {
  readonly companyName: string;
  readonly applicationName: string;
  readonly target: string;
  readonly generatedAt: string;
  readonly questionnaire: readonly QuestionnaireEntry[];
  readonly thirdPartyProduct: Answer;
  readonly codeMayBeChanged: Answer;
  readonly metrics: readonly EnvironmentMetric[];
  readonly servers: readonly ServerRollup[];
  readonly serversByEnvironment: {
    readonly production: number;
    readonly nonProduction: number;
  };
  readonly databases: number;
  /** Totals over the assessed servers. */
  readonly figures: Figures;
  readonly blockers: readonly Blocker[];
  readonly effort: ApplicationEffort;
  /** Things the reader must know to trust the figures, one sentence each. */
  readonly warnings: readonly string[];
}
