/**
 * Computes the cost section from a price book and the cost inputs. The
 * same inputs and book always give the same figures, so `infio report
 * --price-book FILE` can compute them again for a stored assessment.
 */

import type { EffortRange } from "../model.js";
import { licenceCost } from "./licences.js";
import type { CostInputs, CostSection, CostSettings, MissingFigure, PriceBookIdentity, TargetCost } from "./model.js";
import { roundUpTenths, roundWhole } from "./money.js";
import type { PriceBook } from "./price-book.js";
import { targetCosts, targetSizing } from "./targets.js";

/** Years a perpetual licence is spread over when the config file does not set `licenceTermYears`. */
export const DEFAULT_LICENCE_TERM_YEARS = 3;

export function computeCost(book: PriceBook, origin: string, inputs: CostInputs): CostSection {
  const settings = resolveSettings(book, inputs.settings);
  const missing: MissingFigure[] = [];

  const today = licenceCost(book, inputs.estate, settings, missing);
  const sizing = targetSizing(inputs.estate, missing);
  const effortCost = effortCostOf(inputs.effortHours, settings);
  const targets: TargetCost[] = targetCosts(book, inputs.estate, sizing, missing).map((target) => {
    const yearlySaving =
      today.yearly === null || target.yearly === null ? null : Math.round((today.yearly - target.yearly) * 100) / 100;
    return { ...target, yearlySaving, paybackMonths: paybackMonths(yearlySaving, effortCost) };
  });

  return {
    priceBook: identityOf(book, origin),
    inputs,
    settings,
    today,
    sizing,
    targets,
    effortCost,
    missing: distinctMissing(missing),
  };
}

/** Fills the settings the config file left out with the defaults and the book's labour figures. */
export function resolveSettings(book: PriceBook, given: Partial<CostSettings>): CostSettings {
  return {
    licensing: given.licensing ?? "perCore",
    softwareAssurance: given.softwareAssurance ?? true,
    licenceTermYears: given.licenceTermYears ?? DEFAULT_LICENCE_TERM_YEARS,
    dayRate: given.dayRate ?? book.labour.dayRate.amount,
    hoursPerDay: given.hoursPerDay ?? book.labour.hoursPerDay,
  };
}

/** Effort hours over the hours per day, times the day rate, in whole currency units. */
function effortCostOf(hours: EffortRange, settings: CostSettings): EffortRange {
  const perHour = settings.dayRate / settings.hoursPerDay;
  return { low: roundWhole(hours.low * perHour), high: roundWhole(hours.high * perHour) };
}

/**
 * Months for the yearly saving to pay the effort cost, low and high with
 * the effort range; null when the target saves nothing.
 */
function paybackMonths(saving: number | null, effortCost: EffortRange): { low: number; high: number } | null {
  if (saving === null || saving <= 0) {
    return null;
  }
  const perMonth = saving / 12;
  return { low: roundUpTenths(effortCost.low / perMonth), high: roundUpTenths(effortCost.high / perMonth) };
}

function identityOf(book: PriceBook, origin: string): PriceBookIdentity {
  return {
    name: book.name,
    asOf: book.asOf,
    currency: book.currency,
    region: book.region,
    origin,
    // "assumption" marks a figure with no page behind it, such as the default day rate.
    sources: [...new Set(sourcesOf(book))].filter((s) => s !== "assumption").sort(),
  };
}

/** Collects every `source` of the book, depth first. */
function sourcesOf(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.flatMap(sourcesOf);
  }
  if (typeof value !== "object" || value === null) {
    return [];
  }
  const record = value as Record<string, unknown>;
  const own = typeof record["source"] === "string" ? [record["source"]] : [];
  return [...own, ...Object.entries(record).filter(([k]) => k !== "source").flatMap(([, v]) => sourcesOf(v))];
}

function distinctMissing(missing: readonly MissingFigure[]): MissingFigure[] {
  const seen = new Set<string>();
  return missing.filter((m) => {
    const key = `${m.field}\n${m.message}`;
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}
