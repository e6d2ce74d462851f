/**
 * Records of `overrides`, `effort`, `comparison` and `live` in
 * `assessment.json`.
 * Each builder copies only the fields of the schema, in a fixed order, so
 * the file matches schema/assessment.schema.json whatever the object
 * carries.
 */

import type {
  AppliedOverrides,
  EffortBreakdown,
  EffortRange,
  EffortRates,
  FeatureComparison,
  FeatureEffort,
  FeatureOverrideRecord,
  FileEffort,
  ObjectEffort,
  ObjectTypeEffort,
  RateOverrideRecord,
  TargetComparison,
} from "../assessment/model.js";
import type {
  CollectionProblem,
  InventoryItem,
  ServerHeader,
} from "../sources/sqlserver/collected.js";

export function overridesRecord(o: AppliedOverrides): object {
  return {
    features: o.features.map(featureOverrideRecord),
    rates: o.rates.map(rateOverrideRecord),
  };
}

function featureOverrideRecord(r: FeatureOverrideRecord): object {
  const place = {
    featureId: r.featureId,
    ...(r.detail === undefined ? {} : { detail: r.detail }),
    ...(r.product === undefined ? {} : { product: r.product }),
    field: r.field,
  };
  if (r.field === "effortHours") {
    return { ...place, from: range(r.from), to: range(r.to) };
  }
  return { ...place, from: r.from, to: r.to };
}

function rateOverrideRecord(r: RateOverrideRecord): object {
  return {
    rates: r.rates,
    complexity: r.complexity,
    from: range(r.from),
    to: range(r.to),
  };
}

/** Returns the members of `effort` that come before its lists. */
export function effortHeadRecord(e: EffortBreakdown): Record<string, object> {
  return {
    total: range(e.total),
    learning: range(e.learning),
    repeat: range(e.repeat),
    rates: {
      learning: rates(e.rates.learning),
      ...(e.rates.perDetail === undefined ? {} : { perDetail: rates(e.rates.perDetail) }),
      perOccurrence: rates(e.rates.perOccurrence),
    },
  };
}

export function featureEffortRecord(f: FeatureEffort): object {
  return {
    featureId: f.featureId,
    ...(f.detail === undefined ? {} : { detail: f.detail }),
    title: f.title,
    complexity: f.complexity,
    occurrences: f.occurrences,
    ...(f.learningBasis === undefined ? {} : { learningBasis: f.learningBasis }),
    learning: range(f.learning),
    perOccurrence: range(f.perOccurrence),
    total: range(f.total),
  };
}

export function objectEffortRecord(o: ObjectEffort): object {
  return {
    file: o.file,
    object: o.object,
    objectType: o.objectType,
    occurrences: o.occurrences,
    total: range(o.total),
  };
}

export function fileEffortRecord(f: FileEffort): object {
  return { file: f.file, occurrences: f.occurrences, total: range(f.total) };
}

export function objectTypeEffortRecord(t: ObjectTypeEffort): object {
  return {
    objectType: t.objectType,
    objects: t.objects,
    occurrences: t.occurrences,
    total: range(t.total),
  };
}

/** Returns the members of `comparison` that come before its lists. */
export function comparisonRecord(c: TargetComparison): Record<string, string> {
  return { baseline: c.baseline, candidate: c.candidate };
}

export function featureComparisonRecord(f: FeatureComparison): object {
  return {
    featureId: f.featureId,
    ...(f.detail === undefined ? {} : { detail: f.detail }),
    title: f.title,
    occurrences: f.occurrences,
    baseline: f.baseline,
    candidate: f.candidate,
  };
}

function rates(r: EffortRates): object {
  return { low: range(r.low), medium: range(r.medium), high: range(r.high) };
}

function range(r: EffortRange): EffortRange {
  return { low: r.low, high: r.high };
}

export function serverRecord(s: ServerHeader): object {
  return {
    address: s.address,
    name: s.name,
    version: s.version,
    edition: s.edition,
    collectedAt: s.collectedAt,
    tlsVerificationDisabled: s.tlsVerificationDisabled,
  };
}

export function problemRecord(p: CollectionProblem): object {
  return {
    part: p.part,
    ...(p.database === undefined ? {} : { database: p.database }),
    reason: p.reason,
    message: p.message,
  };
}

/**
 * Returns the JSON text of an inventory item as it is, every field kept.
 * Parts write plain JSON; a bigint that slipped through becomes a decimal
 * string instead of failing the whole report.
 */
export function inventoryItemText(item: InventoryItem): string {
  return JSON.stringify(item, (_, value: unknown) =>
    typeof value === "bigint" ? value.toString() : value,
  );
}
