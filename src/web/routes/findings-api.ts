/**
 * `GET /api/assessments/:id/findings?status=&group=&q=&offset=&limit=`:
 * one page of an assessment's findings as JSON, for the findings-filter
 * island. It returns `{ total, findings: [...] }`, where `total` counts
 * every matching finding and each finding's `href` is the same-origin
 * link to its source line. The findings come from the console's cache of
 * loaded assessments and are searched through its indexes.
 */

import { sourceHref } from "../pages/assessment-urls.js";
import { badRequest } from "../server/http-error.js";
import { auditedConsoleRead, authorizeCompleteAssessment, loadAssessment } from "./assessment-access.js";
import { findingsIndexOf } from "./assessment-findings.js";
import { parseFindingsQuery } from "./finding-search.js";
import { declareRoute, type RouteContext, type RouteModule } from "./registry.js";

/** One finding as the API returns it. */
export interface FindingJson {
  readonly featureId: string;
  readonly status: string;
  readonly group: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly object: string;
  readonly message: string;
  readonly href: string;
}

export interface FindingsJson {
  readonly total: number;
  readonly findings: readonly FindingJson[];
}

export const findingsApiRoutes: RouteModule = {
  name: "findings-api",
  routes: [
    declareRoute({
      method: "GET",
      url: "/api/assessments/:id/findings",
      permission: "assessments.read",
      handler: listFindings,
    }),
  ],
};

async function listFindings(context: RouteContext): Promise<FindingsJson> {
  const { id } = context.request.params as { id: string };
  await authorizeCompleteAssessment(context, id);
  const parsed = parseFindingsQuery(context.request.query);
  if (!parsed.ok) {
    throw badRequest(`Cannot filter the findings: ${parsed.error}.`);
  }

  const page = await auditedConsoleRead(context, { assessment: id }, { view: "findings-api" }, async () =>
    findingsIndexOf(await loadAssessment(context, id)).search(parsed.query),
  );

  return {
    total: page.total,
    findings: page.findings.map(({ finding, group }) => ({
      featureId: finding.featureId,
      status: finding.status,
      group,
      file: finding.file,
      line: finding.line,
      column: finding.column,
      object: finding.object,
      message: finding.message,
      href: sourceHref(id, finding.file, finding.line),
    })),
  };
}
