/**
 * One assessment: its report, with findings filtered and paged on the
 * server, and the source view that each finding links to. Every request
 * checks that the user may read the assessment and records the read in
 * the audit log.
 */

import type { Finding } from "../../assessment/model.js";
import { assessmentReportPage, planReport, unfinishedAssessmentPage } from "../pages/assessment-report.js";
import { islandHeadTags, withHeadTags } from "../pages/islands.js";
import { REPORT_STYLESHEET_TAG } from "../pages/report-styles.js";
import { sourceViewPage } from "../pages/source-view.js";
import { badRequest, notFound } from "../server/http-error.js";
import {
  auditedConsoleRead,
  authorizeAssessment,
  authorizeCompleteAssessment,
  loadAssessment,
} from "./assessment-access.js";
import { findingsIndexOf } from "./assessment-findings.js";
import { parseFindingsQuery } from "./finding-search.js";
import { declareRoute, type RouteContext, type RouteModule } from "./registry.js";

/** Findings of one file kept for the source view's annotations; the rest are counted. */
export const SOURCE_FINDINGS_CAP = 10_000;

/** Maximum length of the unit name in `file`, in UTF-16 code units. */
const MAX_FILE_CHARS = 4_096;

export const assessmentRoutes: RouteModule = {
  name: "assessment",
  routes: [
    declareRoute({
      method: "GET",
      url: "/assessments/:id",
      permission: "assessments.read",
      handler: showReport,
    }),
    declareRoute({
      method: "GET",
      url: "/assessments/:id/source",
      permission: "assessments.read",
      handler: showSource,
    }),
  ],
};

async function showReport(context: RouteContext) {
  const { id } = context.request.params as { id: string };
  const listing = await authorizeAssessment(context, id);
  const parsed = parseFindingsQuery(context.request.query);
  if (!parsed.ok) {
    throw badRequest(`Cannot filter the findings: ${parsed.error}.`);
  }

  if (listing.status !== "complete") {
    return withHeadTags(context.page(unfinishedAssessmentPage(listing)), REPORT_STYLESHEET_TAG);
  }

  const entry = await auditedConsoleRead(context, { assessment: id }, { view: "report" }, () =>
    loadAssessment(context, id),
  );

  // The index, its feature groups and the report's plan are computed once
  // per loaded assessment and shared by later requests.
  const { assessment } = entry;
  const index = findingsIndexOf(entry);
  const groups = index.groups;
  const page = index.search(parsed.query);
  const plan = entry.derived("report-plan", (loaded) => planReport(loaded, groups.lookup));
  const options = assessmentReportPage(
    {
      assessment,
      finishedAt: listing.finishedAt,
      features: groups.lookup,
      findings: { query: parsed.query, page },
    },
    plan,
  );

  return withHeadTags(context.page(options), `${REPORT_STYLESHEET_TAG}\n${islandHeadTags()}`);
}

async function showSource(context: RouteContext) {
  const { id } = context.request.params as { id: string };
  await authorizeCompleteAssessment(context, id);
  const { file, line, from } = parseSourceQuery(context.request.query);

  const read = await auditedConsoleRead(context, { assessment: id }, { view: "source", file }, async () => ({
    ...(await findingsOfFile(context, id, file)),
    stored: await context.services.store.getUnitTexts(id, [file]),
  }));
  const { stored } = read;
  if (stored.status === "not-found") {
    // Deleted between the check above and this read.
    throw notFound("The assessment");
  }
  const text = stored.status === "kept" ? stored.texts.get(file) : undefined;
  if (text === undefined && read.findings.length === 0) {
    throw notFound("The source of this file");
  }

  const options = sourceViewPage({
    assessmentId: id,
    file,
    line,
    from,
    text,
    textStatus: stored.status,
    findings: read.findings,
    findingsLeftOut: read.leftOut,
  });
  return withHeadTags(context.page(options), REPORT_STYLESHEET_TAG);
}

/** Returns the assessment's findings of `file`, up to the cap, and counts the rest. */
async function findingsOfFile(
  context: RouteContext,
  id: string,
  file: string,
): Promise<{ findings: Finding[]; leftOut: number }> {
  const all = findingsIndexOf(await loadAssessment(context, id)).findingsOfFile(file);
  return { findings: all.slice(0, SOURCE_FINDINGS_CAP), leftOut: Math.max(0, all.length - SOURCE_FINDINGS_CAP) };
}

interface SourceQuery {
  readonly file: string;
  readonly line: number | undefined;
  readonly from: number | undefined;
}

function parseSourceQuery(raw: unknown): SourceQuery {
  const query = (raw ?? {}) as Record<string, unknown>;
  const file = query.file;
  if (typeof file !== "string" || file === "") {
    throw badRequest("Missing file: the link to the source view names the file in ?file=.");
  }
  if (file.length > MAX_FILE_CHARS) {
    throw badRequest(`Invalid file: at most ${MAX_FILE_CHARS} characters are accepted.`);
  }

  return { file, line: lineNumber(query.line, "line"), from: lineNumber(query.from, "from") };
}

function lineNumber(value: unknown, name: string): number | undefined {
  if (value === undefined || value === "") {
    return undefined;
  }
  if (typeof value !== "string" || !/^\d{1,9}$/.test(value) || Number(value) < 1) {
    throw badRequest(`Invalid ${name}: give a line number from 1.`);
  }
  return Number(value);
}
