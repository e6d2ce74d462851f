/** The assessments page: every stored assessment, newest first, a page at a time. */

import { hasPermission } from "../auth/roles.js";
import { assessmentListPage } from "../pages/assessment-list.js";
import { withHeadTags } from "../pages/islands.js";
import { REPORT_STYLESHEET_TAG } from "../pages/report-styles.js";
import { badRequest } from "../server/http-error.js";
import { declareRoute, type RouteContext, type RouteModule } from "./registry.js";

/** Assessments per page. */
export const ASSESSMENTS_PAGE_SIZE = 50;

export const assessmentListRoutes: RouteModule = {
  name: "assessments",
  routes: [
    declareRoute({
      method: "GET",
      url: "/assessments",
      permission: "assessments.read",
      navigation: { label: "Assessments", order: 10 },
      handler: listAssessments,
    }),
  ],
};

async function listAssessments(context: RouteContext) {
  const offset = parseOffset((context.request.query as Record<string, unknown>).offset);

  // The CLI's `infio list` records the same action.
  const event = { action: "assessment.list", objects: {}, details: { via: "console" } } as const;
  let listings;
  try {
    listings = await context.services.store.listAssessments();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await context.audit.after({ ...event, outcome: "failed", details: { ...event.details, error: message } });
    throw error;
  }
  await context.audit.before({ ...event, outcome: "succeeded" });

  const page = context.page(
    assessmentListPage({
      listings,
      offset,
      limit: ASSESSMENTS_PAGE_SIZE,
      canRun: hasPermission(context.user.role, "assessments.run"),
    }),
  );
  return withHeadTags(page, REPORT_STYLESHEET_TAG);
}

function parseOffset(value: unknown): number {
  if (value === undefined || value === "") {
    return 0;
  }
  if (typeof value !== "string" || !/^\d{1,9}$/.test(value)) {
    throw badRequest("Invalid offset: give a whole number from 0, as the page links do.");
  }
  return Number(value);
}
