/**
 * The cost section of an assessment: the yearly cost of the SQL Server
 * estate today against each target option, the cost of the migration
 * effort and the payback period. docs/cost.md describes the model.
 */

import type { EffortRange } from "../model.js";

export type SqlServerEdition = "enterprise" | "standard" | "developer" | "express" | "web" | "evaluation";

export const SQL_SERVER_EDITIONS: readonly SqlServerEdition[] = [
  "enterprise",
  "standard",
  "developer",
  "express",
  "web",
  "evaluation",
];

/**
 * Payment model of the SQL Server licences: perpetual per-core licences,
 * perpetual Server + CAL (Standard only), a per-core subscription, or
 * pay-as-you-go per core and month.
 */
export type LicensingModel = "perCore" | "serverCal" | "subscription" | "payAsYouGo";

export const LICENSING_MODELS: readonly LicensingModel[] = ["perCore", "serverCal", "subscription", "payAsYouGo"];

/**
 * The size of one SQL Server instance and its replicas, as the cost model
 * needs it. The live inventory fills what it can, the `cost.estate`
 * section of the config file sets or replaces any field, and a source of
 * measured application metrics can fill the utilisation fields. Every
 * field is optional: a missing one leaves the figures that need it out.
 */
export interface EstateMetrics {
  readonly edition?: SqlServerEdition;
  /** Product version, such as `16.0.4135.4`; shown only. */
  readonly version?: string;
  /** Cores to license per instance: virtual cores of a VM, physical cores of a host. */
  readonly cores?: number;
  /** Logical processors of the instance (cpu_count), which size the target's vCPUs. */
  readonly vCpus?: number;
  readonly memoryGiB?: number;
  /** Data to store on the target, user databases only. */
  readonly storageGiB?: number;
  /** Instances that hold the data: 1, or the replicas of an availability group. */
  readonly replicas?: number;
  /** Secondary replicas that serve no reads or backups. */
  readonly passiveReplicas?: number;
  /** Users or devices that need a client access licence in the Server + CAL model. */
  readonly clientAccessLicences?: number;
  /** Storage I/O requests per month, in millions; Aurora Standard bills them. */
  readonly ioMillionsPerMonth?: number;
  /** Peak processor use in percent of `vCpus`, from monitoring. */
  readonly cpuPeakPercent?: number;
  /** Memory the workload needs, from monitoring, when less than `memoryGiB`. */
  readonly memoryUsedGiB?: number;
}

/** Source of one field of the estate. */
export type EstateFieldSource = "inventory" | "config" | "metrics";

/** The settings of the cost model, from the `cost` section of the config file. */
export interface CostSettings {
  readonly licensing: LicensingModel;
  readonly softwareAssurance: boolean;
  /** Years over which a perpetual licence is spread into a yearly cost. */
  readonly licenceTermYears: number;
  /** Labour cost of one day, in the price book's currency. */
  readonly dayRate: number;
  readonly hoursPerDay: number;
}

/** Inputs of the cost figures, kept so that a report can compute them again. */
export interface CostInputs {
  readonly estate: EstateMetrics;
  readonly estateSources: Readonly<Partial<Record<keyof EstateMetrics, EstateFieldSource>>>;
  /** The settings the config file gave; the others take their defaults when the figures are computed. */
  readonly settings: Partial<CostSettings>;
  /** The assessment's effort estimate in hours. */
  readonly effortHours: EffortRange;
}

/** One priced item of a cost: so many units a year at a unit price. */
export interface CostLine {
  readonly item: string;
  /** Units per year. */
  readonly units: number;
  /** The unit, such as `2-core pack` or `instance-hour`. */
  readonly unit: string;
  readonly unitPrice: number;
  /** Cost per year, rounded to cents. */
  readonly yearly: number;
}

/** A figure the model could not compute, with how to give it. */
export interface MissingFigure {
  /** The estate or settings field that is missing, such as `cores`. */
  readonly field: string;
  readonly message: string;
}

/** The yearly cost of the SQL Server estate today. */
export interface TodayCost {
  readonly lines: readonly CostLine[];
  /** Sum of the lines; null when a figure it needs is missing. */
  readonly yearly: number | null;
}

export type TargetOptionId = "aurora-standard" | "aurora-io-optimized" | "rds-postgresql" | "postgresql-ec2";

/** The yearly cost of one target option. */
export interface TargetCost {
  readonly id: TargetOptionId;
  readonly title: string;
  /** The chosen instance class; absent when the size is unknown. */
  readonly instanceClass?: { readonly name: string; readonly vCpus: number; readonly memoryGiB: number };
  /** False when no class of the price book has the required vCPUs and memory, so the largest was priced. */
  readonly fits: boolean;
  readonly instances: number;
  readonly lines: readonly CostLine[];
  /** Sum of the lines; null when a figure it needs is missing. */
  readonly yearly: number | null;
  /** Today's yearly cost less this one; null when either is unknown. */
  readonly yearlySaving: number | null;
  /** Months for the saving to pay the effort cost; null without a saving. */
  readonly paybackMonths: { readonly low: number; readonly high: number } | null;
  readonly notes: readonly string[];
}

/** The price book a cost section was computed with. */
export interface PriceBookIdentity {
  readonly name: string;
  readonly asOf: string;
  readonly currency: string;
  readonly region: string;
  /** `shipped`, or the path of the `--price-book` file. */
  readonly origin: string;
  /** Distinct pages that the book's prices were read on. */
  readonly sources: readonly string[];
}

/** The sizing that the target options were priced for. */
export interface TargetSizing {
  readonly vCpus: number;
  readonly memoryGiB: number;
  /** Rule that derived the sizes from the estate. */
  readonly rule: string;
}

export interface CostSection {
  readonly priceBook: PriceBookIdentity;
  readonly inputs: CostInputs;
  /** The settings in effect: the configured ones and the defaults. */
  readonly settings: CostSettings;
  readonly today: TodayCost;
  readonly sizing: TargetSizing | null;
  readonly targets: readonly TargetCost[];
  /** Effort hours times the day rate over the hours per day, rounded to whole currency units. */
  readonly effortCost: EffortRange;
  readonly missing: readonly MissingFigure[];
}
