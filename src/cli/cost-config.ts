/**
 * The `cost` section of the `--config` file: the estate as the user knows
 * it, which replaces what the live inventory gives, and the settings of
 * the cost model. For example
 * `{"cost": {"estate": {"edition": "standard", "cores": 8, "memoryGiB": 64,
 *   "storageGiB": 500, "replicas": 2, "licensing": "perCore"},
 *   "dayRate": 900, "hoursPerDay": 8}}`. See docs/cost.md.
 */

import {
  LICENSING_MODELS,
  SQL_SERVER_EDITIONS,
  type CostSettings,
  type EstateMetrics,
  type LicensingModel,
  type SqlServerEdition,
} from "../assessment/cost/model.js";
import { UsageError } from "./errors.js";

/** The parsed `cost` section. */
export interface CostConfig {
  readonly estate: EstateMetrics;
  readonly settings: Partial<CostSettings>;
}

type NumberRule = { readonly min: number; readonly integer?: boolean; readonly positive?: boolean; readonly max?: number };

const ESTATE_NUMBERS: Readonly<Record<string, NumberRule>> = {
  cores: { min: 1, integer: true },
  vCpus: { min: 1, integer: true },
  memoryGiB: { min: 0, positive: true },
  storageGiB: { min: 0 },
  replicas: { min: 1, integer: true },
  passiveReplicas: { min: 0, integer: true },
  clientAccessLicences: { min: 0, integer: true },
  ioMillionsPerMonth: { min: 0 },
  cpuPeakPercent: { min: 0, positive: true, max: 100 },
  memoryUsedGiB: { min: 0, positive: true },
};

const SETTING_NUMBERS: Readonly<Record<string, NumberRule>> = {
  dayRate: { min: 0 },
  hoursPerDay: { min: 0, positive: true, max: 24 },
  licenceTermYears: { min: 0, positive: true },
};

const ESTATE_KEYS = [...Object.keys(ESTATE_NUMBERS), "edition", "version", "licensing", "softwareAssurance"];
const COST_KEYS = ["estate", ...Object.keys(SETTING_NUMBERS)];

/** Parses the `cost` value of the config file at `path`; throws UsageError naming the bad key. */
export function costConfigOf(value: unknown, path: string): CostConfig {
  const where = (key: string) => `"cost.${key}" in --config '${path}'`;
  const cost = objectOf(value, `"cost" in --config '${path}'`);
  rejectUnknown(cost, COST_KEYS, (key) => where(key));

  const settings: Record<string, unknown> = {};
  for (const [key, rule] of Object.entries(SETTING_NUMBERS)) {
    if (cost[key] !== undefined) {
      settings[key] = numberOf(cost[key], rule, where(key));
    }
  }

  const estate: Record<string, unknown> = {};
  if (cost["estate"] !== undefined) {
    const given = objectOf(cost["estate"], where("estate"));
    rejectUnknown(given, ESTATE_KEYS, (key) => where(`estate.${key}`));
    for (const [key, rule] of Object.entries(ESTATE_NUMBERS)) {
      if (given[key] !== undefined) {
        estate[key] = numberOf(given[key], rule, where(`estate.${key}`));
      }
    }
    if (given["edition"] !== undefined) {
      estate["edition"] = choiceOf<SqlServerEdition>(given["edition"], SQL_SERVER_EDITIONS, where("estate.edition"));
    }
    if (given["version"] !== undefined) {
      estate["version"] = textOf(given["version"], where("estate.version"));
    }
    if (given["licensing"] !== undefined) {
      settings["licensing"] = choiceOf<LicensingModel>(given["licensing"], LICENSING_MODELS, where("estate.licensing"));
    }
    if (given["softwareAssurance"] !== undefined) {
      if (typeof given["softwareAssurance"] !== "boolean") {
        throw new UsageError(`${where("estate.softwareAssurance")} must be true or false, found ${show(given["softwareAssurance"])}`);
      }
      settings["softwareAssurance"] = given["softwareAssurance"];
    }
  }
  return { estate: estate as EstateMetrics, settings: settings as Partial<CostSettings> };
}

function objectOf(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new UsageError(`${where} must be a JSON object, found ${show(value)}; see docs/cost.md`);
  }
  return value as Record<string, unknown>;
}

function rejectUnknown(record: Record<string, unknown>, known: readonly string[], where: (key: string) => string): void {
  const unknown = Object.keys(record).find((k) => !known.includes(k));
  if (unknown !== undefined) {
    throw new UsageError(`${where(unknown)} is not a known key; use ${known.join(", ")}; see docs/cost.md`);
  }
}

function numberOf(value: unknown, rule: NumberRule, where: string): number {
  const ok =
    typeof value === "number" &&
    Number.isFinite(value) &&
    (rule.positive === true ? value > rule.min : value >= rule.min) &&
    (rule.max === undefined || value <= rule.max) &&
    (rule.integer !== true || Number.isInteger(value));
  if (!ok) {
    const kind = rule.integer === true ? "a whole number" : "a number";
    const bound = rule.positive === true ? `greater than ${rule.min}` : `${rule.min} or more`;
    const upper = rule.max === undefined ? "" : ` and at most ${rule.max}`;
    throw new UsageError(`${where} must be ${kind} ${bound}${upper}, found ${show(value)}`);
  }
  return value as number;
}

function choiceOf<T extends string>(value: unknown, choices: readonly T[], where: string): T {
  if (typeof value !== "string" || !choices.includes(value as T)) {
    throw new UsageError(`${where} must be one of ${choices.join(", ")}, found ${show(value)}`);
  }
  return value as T;
}

function textOf(value: unknown, where: string): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new UsageError(`${where} must be a non-empty string, found ${show(value)}`);
  }
  return value;
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) {
    return "nothing";
  }
  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
}
