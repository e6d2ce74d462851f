/**
 * The `cost` member of `assessment.json`: the fields of the cost section
 * in a fixed order, as schema/assessment.schema.json (`$defs/cost`) lists
 * them.
 */

import type { CostLine, CostSection, EstateMetrics, TargetCost } from "../assessment/cost/model.js";

/** The estate fields in output order. */
const ESTATE_FIELDS: readonly (keyof EstateMetrics)[] = [
  "edition",
  "version",
  "cores",
  "vCpus",
  "memoryGiB",
  "storageGiB",
  "replicas",
  "passiveReplicas",
  "clientAccessLicences",
  "ioMillionsPerMonth",
  "cpuPeakPercent",
  "memoryUsedGiB",
];

export function costRecord(c: CostSection): object {
  const estate: Record<string, unknown> = {};
  const sources: Record<string, unknown> = {};
  for (const field of ESTATE_FIELDS) {
    if (c.inputs.estate[field] !== undefined) {
      estate[field] = c.inputs.estate[field];
    }
    if (c.inputs.estateSources[field] !== undefined) {
      sources[field] = c.inputs.estateSources[field];
    }
  }

  const p = c.priceBook;
  const s = c.settings;
  return {
    priceBook: {
      name: p.name,
      asOf: p.asOf,
      currency: p.currency,
      region: p.region,
      origin: p.origin,
      sources: p.sources,
    },
    estate,
    estateSources: sources,
    settings: {
      licensing: s.licensing,
      softwareAssurance: s.softwareAssurance,
      licenceTermYears: s.licenceTermYears,
      dayRate: s.dayRate,
      hoursPerDay: s.hoursPerDay,
    },
    effortHours: { low: c.inputs.effortHours.low, high: c.inputs.effortHours.high },
    effortCost: { low: c.effortCost.low, high: c.effortCost.high },
    today: { yearly: c.today.yearly, lines: c.today.lines.map(lineRecord) },
    sizing: c.sizing === null ? null : { vCpus: c.sizing.vCpus, memoryGiB: c.sizing.memoryGiB, rule: c.sizing.rule },
    targets: c.targets.map(targetRecord),
    missing: c.missing.map((m) => ({ field: m.field, message: m.message })),
  };
}

function targetRecord(t: TargetCost): object {
  return {
    id: t.id,
    title: t.title,
    ...(t.instanceClass === undefined
      ? {}
      : {
          instanceClass: {
            name: t.instanceClass.name,
            vCpus: t.instanceClass.vCpus,
            memoryGiB: t.instanceClass.memoryGiB,
          },
        }),
    fits: t.fits,
    instances: t.instances,
    yearly: t.yearly,
    yearlySaving: t.yearlySaving,
    paybackMonths: t.paybackMonths === null ? null : { low: t.paybackMonths.low, high: t.paybackMonths.high },
    lines: t.lines.map(lineRecord),
    notes: t.notes,
  };
}

function lineRecord(l: CostLine): object {
  return { item: l.item, units: l.units, unit: l.unit, unitPrice: l.unitPrice, yearly: l.yearly };
}
