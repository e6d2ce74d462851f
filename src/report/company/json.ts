/**
 * Renders the company report as JSON that follows
 * schema/company-report.schema.json, field by field in a fixed order.
 */

import {
  blockerRecord,
  compatibilityRecord,
  rangeRecord,
  REPORT_FORMAT_VERSION,
} from "../application/json.js";
import type { ApplicationRow, CompanyReport } from "./model.js";

/** Renders the text of the company report's JSON, ending in a newline. */
export function renderCompanyJson(r: CompanyReport): string {
  const record = {
    report: "company",
    formatVersion: REPORT_FORMAT_VERSION,
    companyName: r.companyName,
    target: r.target,
    generatedAt: r.generatedAt,
    totals: {
      applications: r.totals.applications,
      servers: r.totals.servers,
      databases: r.totals.databases,
      objects: r.totals.objects,
      effort: rangeRecord(r.totals.effort),
    },
    applications: r.applications.map(applicationRecord),
  };

  return `${JSON.stringify(record, null, 2)}\n`;
}

function applicationRecord(a: ApplicationRow): Record<string, unknown> {
  return {
    name: a.name,
    wave: { wave: a.wave.wave, rule: a.wave.rule, reason: a.wave.reason },
    servers: a.servers,
    assessedServers: a.assessedServers,
    serversByEnvironment: {
      production: a.serversByEnvironment.production,
      nonProduction: a.serversByEnvironment.nonProduction,
    },
    databases: a.databases,
    lines: a.lines,
    objects: a.objects,
    compatibility: compatibilityRecord(a.compatibility),
    blockers: a.blockers.map(blockerRecord),
    effort: rangeRecord(a.effort),
    thirdPartyProduct: a.thirdPartyProduct,
    codeMayBeChanged: a.codeMayBeChanged,
    warnings: [...a.warnings],
  };
}
