/**
 * Renders the application report as JSON that follows
 * schema/application-report.schema.json. Records are built field by
 * field in a fixed order, so the output carries only the contract's
 * fields whatever the objects hold.
 */

import type { EffortRange, FindingStatus } from "../../assessment/model.js";
import { FINDING_STATUSES } from "../../assessment/model.js";
import type {
  ApplicationReport,
  Blocker,
  CategoryCounts,
  CategoryShares,
  Compatibility,
  DatabaseRollup,
  Figures,
  ServerRollup,
} from "./model.js";

/** Version of the report's JSON layout; raised when a field changes meaning or goes. */
export const REPORT_FORMAT_VERSION = 1;

/** Renders the text of the application report's JSON, ending in a newline. */
export function renderApplicationJson(r: ApplicationReport): string {
  return `${JSON.stringify(applicationRecord(r), null, 2)}\n`;
}

export function applicationRecord(r: ApplicationReport): Record<string, unknown> {
  return {
    report: "application",
    formatVersion: REPORT_FORMAT_VERSION,
    companyName: r.companyName,
    applicationName: r.applicationName,
    target: r.target,
    generatedAt: r.generatedAt,
    questionnaire: r.questionnaire.map((q) => ({
      id: q.id,
      question: q.question,
      answer: q.answer,
    })),
    thirdPartyProduct: r.thirdPartyProduct,
    codeMayBeChanged: r.codeMayBeChanged,
    metrics: r.metrics.map((m) => ({
      name: m.name,
      value: m.value,
      ...(m.unit === undefined ? {} : { unit: m.unit }),
      origin: m.origin,
    })),
    serversByEnvironment: {
      production: r.serversByEnvironment.production,
      nonProduction: r.serversByEnvironment.nonProduction,
    },
    databases: r.databases,
    figures: figuresRecord(r.figures),
    servers: r.servers.map(serverRecord),
    blockers: r.blockers.map(blockerRecord),
    effort: {
      total: rangeRecord(r.effort.total),
      learning: rangeRecord(r.effort.learning),
      repeat: rangeRecord(r.effort.repeat),
      byFeature: r.effort.byFeature.map((f) => ({
        featureId: f.featureId,
        ...(f.detail === undefined ? {} : { detail: f.detail }),
        title: f.title,
        occurrences: f.occurrences,
        learning: rangeRecord(f.learning),
        repeat: rangeRecord(f.repeat),
        total: rangeRecord(f.total),
      })),
      serversWithoutBreakdown: [...r.effort.serversWithoutBreakdown],
    },
    warnings: [...r.warnings],
  };
}

function serverRecord(s: ServerRollup): Record<string, unknown> {
  return {
    name: s.name,
    environment: s.environment,
    source: s.source,
    assessed: s.assessed,
    ...(s.problem === undefined ? {} : { problem: s.problem }),
    ...(s.assessmentId === undefined ? {} : { assessmentId: s.assessmentId }),
    ...(s.assessedAt === undefined ? {} : { assessedAt: s.assessedAt }),
    ...(s.assessmentTarget === undefined ? {} : { assessmentTarget: s.assessmentTarget }),
    ...(s.figures === undefined ? {} : { figures: figuresRecord(s.figures) }),
    ...(s.effort === undefined ? {} : { effort: rangeRecord(s.effort) }),
    databases: s.databases.map(databaseRecord),
  };
}

function databaseRecord(d: DatabaseRollup): Record<string, unknown> {
  return { name: d.name, ...figuresRecord(d) };
}

function figuresRecord(f: Figures): Record<string, unknown> {
  const byStatus: Partial<Record<FindingStatus, number>> = {};
  for (const status of FINDING_STATUSES) {
    byStatus[status] = f.findingsByStatus[status] ?? 0;
  }

  return {
    lines: f.lines,
    units: f.units,
    objects: f.objects,
    objectsByType: { ...f.objectsByType },
    findingsByStatus: byStatus,
    compatibility: compatibilityRecord(f.compatibility),
  };
}

/** Builds the compatibility record, which the company report writes too. */
export function compatibilityRecord(c: Compatibility): Record<string, unknown> {
  return {
    all: countsRecord(c.all),
    schema: countsRecord(c.schema),
    code: countsRecord(c.code),
    shares: {
      all: sharesRecord(c.shares.all),
      schema: sharesRecord(c.shares.schema),
      code: sharesRecord(c.shares.code),
    },
  };
}

function countsRecord(c: CategoryCounts): Record<string, number> {
  return {
    objects: c.objects,
    supported: c.supported,
    conditionallySupported: c.conditionallySupported,
    notSupported: c.notSupported,
    unknown: c.unknown,
  };
}

function sharesRecord(s: CategoryShares): Record<string, number> {
  return {
    supported: s.supported,
    conditionallySupported: s.conditionallySupported,
    notSupported: s.notSupported,
    unknown: s.unknown,
  };
}

/** Builds the blocker record, which the company report writes too. */
export function blockerRecord(b: Blocker): Record<string, unknown> {
  return {
    featureId: b.featureId,
    ...(b.detail === undefined ? {} : { detail: b.detail }),
    title: b.title,
    occurrences: b.occurrences,
    objects: b.objects,
    inCode: b.inCode,
    servers: [...b.servers],
  };
}

export function rangeRecord(r: EffortRange): Record<string, number> {
  return { low: r.low, high: r.high };
}
