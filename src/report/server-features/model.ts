/**
 * The server features export: which SQL Server features each assessed
 * server has enabled, how much they are used, and what replaces them on
 * the target. Built from the inventory of a live server or bundle.
 */

/**
 * - `enabled`: configured and in use (jobs exist, tables are published, ...);
 * - `installed-not-used`: installed or switched on, but nothing uses it;
 * - `disabled`: not installed, switched off or not configured;
 * - `unknown`: the inventory cannot tell, and `reason` gives the cause.
 */
export type FeatureState = "enabled" | "installed-not-used" | "disabled" | "unknown";

export const FEATURE_STATES: readonly FeatureState[] = [
  "enabled",
  "installed-not-used",
  "disabled",
  "unknown",
];

export type FeatureCategory =
  | "services"
  | "high availability"
  | "replication and change data"
  | "storage"
  | "programmability"
  | "integration"
  | "security"
  | "monitoring";

export interface ServerFeature {
  /** Stable id, e.g. `agent`, `database-mail`. */
  readonly id: string;
  readonly name: string;
  readonly category: FeatureCategory;
  readonly state: FeatureState;
  /** Cause of an `unknown` state; null for every other state. */
  readonly reason: string | null;
  /** Evidence of the state: views, properties and options with their values. */
  readonly evidence: readonly string[];
  /** Usage counts by name, e.g. `{ jobs: 12, enabledJobs: 10 }`. */
  readonly counts: Readonly<Record<string, number>>;
  /** Databases that use the feature, for database-level features. */
  readonly databases: readonly string[];
  /**
   * Parts or databases that could not be read. They do not change an
   * `enabled` state, but a use hidden in them would be missed.
   */
  readonly gaps: readonly string[];
  /** Replacement of the feature on Babelfish or PostgreSQL on AWS, in one line. */
  readonly migration: string;
}

/** The features of one server of one assessment. */
export interface ServerFeatureSet {
  readonly assessmentId: string;
  /** `@@SERVERNAME`. */
  readonly server: string;
  /** The server as the user named it, e.g. `sql01,1433`. */
  readonly address: string;
  readonly version: string;
  readonly edition: string;
  /** ISO 8601 time the inventory was read. */
  readonly collectedAt: string;
  readonly features: readonly ServerFeature[];
}
