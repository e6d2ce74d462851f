/**
 * The `--config` overrides as the assessment keeps them: each change with
 * the value it replaced on the assessed target, so a report can show the
 * catalog's own classification beside the override. The records also carry
 * enough to apply the same overrides again when a stored assessment is
 * reclassified.
 */

import {
  classify,
  defaultCatalog,
  featureById,
  type Catalog,
} from "../catalog/catalog.js";
import type {
  AppliedOverride,
  CatalogOverrides,
  FeatureOverride,
  RateChange,
} from "../catalog/overrides.js";
import type { Target } from "../catalog/targets.js";
import type {
  AppliedOverrides,
  EffortRange,
  FeatureOverrideRecord,
  RateOverrideRecord,
} from "./model.js";

export interface OverrideChanges {
  readonly applied: readonly AppliedOverride[];
  readonly rateChanges: readonly RateChange[];
  /** Absent when the caller changes no detail rate. */
  readonly detailRateChanges?: readonly RateChange[];
  readonly occurrenceRateChanges: readonly RateChange[];
}

/**
 * Describes the applied overrides for `target`; `base` is the catalog
 * before the overrides. Returns undefined when nothing was changed.
 */
export function recordOverrides(
  changes: OverrideChanges,
  target: Target,
  base: Catalog = defaultCatalog(),
): AppliedOverrides | undefined {
  const features = changes.applied.map((o) => featureRecord(o, target, base));
  const rates = [
    ...changes.rateChanges.map((c) => rateRecord("learning", c)),
    ...(changes.detailRateChanges ?? []).map((c) => rateRecord("perDetail", c)),
    ...changes.occurrenceRateChanges.map((c) => rateRecord("perOccurrence", c)),
  ];

  if (features.length === 0 && rates.length === 0) {
    return undefined;
  }
  return { features, rates };
}

/**
 * Rebuilds the catalog overrides from stored records, so that a stored
 * assessment is reclassified with the catalog its run used.
 */
export function overridesFromRecords(records: AppliedOverrides): CatalogOverrides {
  const features = records.features.map((r): FeatureOverride => {
    const place = {
      featureId: r.featureId,
      ...(r.detail === undefined ? {} : { detail: r.detail }),
    };
    switch (r.field) {
      case "status":
        return {
          ...place,
          ...(r.product === undefined ? {} : { product: r.product }),
          status: r.to,
        };
      case "complexity":
        return { ...place, complexity: r.to };
      case "effortHours":
        return { ...place, effortHours: range(r.to) };
    }
  });

  const rates: Record<string, EffortRange> = {};
  const detailRates: Record<string, EffortRange> = {};
  for (const r of records.rates) {
    if (r.rates === "learning") {
      rates[r.complexity] = range(r.to);
    } else if (r.rates === "perDetail") {
      detailRates[r.complexity] = range(r.to);
    }
  }

  return {
    features,
    rates,
    ...(Object.keys(detailRates).length === 0 ? {} : { detailRates }),
  };
}

function featureRecord(
  o: AppliedOverride,
  target: Target,
  base: Catalog,
): FeatureOverrideRecord {
  const place = {
    featureId: o.featureId,
    ...(o.detail === undefined ? {} : { detail: o.detail }),
  };
  const before = classify(o.featureId, o.detail, target, base);

  switch (o.field) {
    case "status":
      return {
        ...place,
        ...(o.product === undefined ? {} : { product: o.product }),
        field: "status",
        from: before.status,
        to: o.value,
      };
    case "complexity":
      return { ...place, field: "complexity", from: before.complexity, to: o.value };
    case "effortHours": {
      // The learning cost the effort model would have charged: the entry's
      // own effort, else the rate of its complexity on the target.
      const own = featureById(o.featureId, base)?.effortHours;
      const from = own ?? base.rates[before.complexity];
      return { ...place, field: "effortHours", from: range(from), to: range(o.value) };
    }
  }
}

function rateRecord(
  rates: RateOverrideRecord["rates"],
  change: RateChange,
): RateOverrideRecord {
  return {
    rates,
    complexity: change.complexity,
    from: range(change.from),
    to: range(change.to),
  };
}

function range(hours: EffortRange): EffortRange {
  return { low: hours.low, high: hours.high };
}
