/**
 * Builds the company report: each application's report reduced to one
 * row, with its suggested wave, in wave order. Pure: it reads nothing but
 * the input.
 */

import { buildApplicationReport } from "../application/aggregate.js";
import type { ApplicationReport } from "../application/model.js";
import type { CompanyReportInput } from "./input.js";
import type { ApplicationRow, CompanyReport } from "./model.js";
import { compareByWave, suggestWave } from "./waves.js";

export function buildCompanyReport(input: CompanyReportInput): CompanyReport {
  const rows = input.applications.map((app) => applicationRow(buildApplicationReport(app)));
  return companyReportOf(input, rows);
}

/**
 * Builds the company report from rows made one application at a time with
 * applicationRow, so that a caller need not hold every application's
 * assessments at once. Sorts the rows in wave order.
 */
export function companyReportOf(
  header: Omit<CompanyReportInput, "applications">,
  applicationRows: readonly ApplicationRow[],
): CompanyReport {
  const rows = [...applicationRows].sort(compareByWave);
  const effort = { low: 0, high: 0 };
  for (const row of rows) {
    effort.low += row.effort.low;
    effort.high += row.effort.high;
  }

  return {
    companyName: header.companyName,
    target: header.target,
    generatedAt: header.generatedAt,
    applications: rows,
    totals: {
      applications: rows.length,
      servers: rows.reduce((n, r) => n + r.servers, 0),
      databases: rows.reduce((n, r) => n + r.databases, 0),
      objects: rows.reduce((n, r) => n + r.objects, 0),
      effort: {
        low: Math.round(effort.low * 100) / 100,
        high: Math.round(effort.high * 100) / 100,
      },
    },
  };
}

/** Reduces one application's report to its row in the comparison. */
export function applicationRow(r: ApplicationReport): ApplicationRow {
  return {
    name: r.applicationName,
    servers: r.servers.length,
    assessedServers: r.servers.filter((s) => s.assessed).length,
    serversByEnvironment: r.serversByEnvironment,
    databases: r.databases,
    lines: r.figures.lines,
    objects: r.figures.objects,
    compatibility: r.figures.compatibility,
    blockers: r.blockers,
    effort: r.effort.total,
    thirdPartyProduct: r.thirdPartyProduct,
    codeMayBeChanged: r.codeMayBeChanged,
    wave: suggestWave(r),
    warnings: r.warnings,
  };
}
