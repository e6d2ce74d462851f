/**
 * `GET /diff?a=ID&b=ID`: new, fixed and changed findings between two
 * assessments, as `infio diff A B` computes them. Without both ids the
 * page shows the form that chooses them.
 */

import { diffAssessments } from "../../assessment/diff-coverage.js";
import type { Assessment } from "../../assessment/model.js";
import { DIFF_LISTS, diffPage, type DiffList } from "../pages/diff-page.js";
import { withHeadTags } from "../pages/islands.js";
import { REPORT_STYLESHEET_TAG } from "../pages/report-styles.js";
import { badRequest } from "../server/http-error.js";
import { auditedConsoleRead, authorizeCompleteAssessment, loadAssessment } from "./assessment-access.js";
import { declareRoute, type RouteContext, type RouteModule } from "./registry.js";

export const diffRoutes: RouteModule = {
  name: "diff",
  routes: [
    declareRoute({
      method: "GET",
      url: "/diff",
      permission: "assessments.read",
      navigation: { label: "Diff", order: 30 },
      handler: showDiff,
    }),
  ],
};

interface DiffQuery {
  readonly a: string;
  readonly b: string;
  readonly list: DiffList;
  readonly offset: number;
}

async function showDiff(context: RouteContext) {
  const query = parseDiffQuery(context.request.query);
  const listings = (await context.services.assessments.listAssessments()).filter((l) => l.status === "complete");
  const choice = { listings, a: query.a, b: query.b };
  const send = (options: ReturnType<typeof diffPage>) => withHeadTags(context.page(options), REPORT_STYLESHEET_TAG);

  if (query.a === "" && query.b === "") {
    return send(diffPage(choice));
  }
  if (query.a === "" || query.b === "") {
    context.reply.code(400);
    const problem = "Choose both assessments: the earlier one (A) and the later one (B).";
    return send(diffPage({ ...choice, problem }));
  }

  await authorizeCompleteAssessment(context, query.a);
  await authorizeCompleteAssessment(context, query.b);

  // The CLI's `infio diff` records the same read, with B as `compared`.
  const [before, after] = await auditedConsoleRead(
    context,
    { assessment: query.a, compared: query.b },
    { view: "diff" },
    async () => [await readAssessment(context, query.a), await readAssessment(context, query.b)] as const,
  );
  // NOTE: like `infio diff`, this keeps both assessments' findings in
  // memory while it compares them.
  const diff = diffAssessments(before, after);

  return send(diffPage(choice, { a: query.a, b: query.b, diff, list: query.list, offset: query.offset }));
}

async function readAssessment(context: RouteContext, id: string): Promise<Assessment> {
  return (await loadAssessment(context, id)).assessment;
}

function parseDiffQuery(raw: unknown): DiffQuery {
  const query = (raw ?? {}) as Record<string, unknown>;
  const text = (name: string): string => {
    const value = query[name] ?? "";
    if (typeof value !== "string") {
      throw badRequest(`Invalid ${name}: give the parameter once.`);
    }
    return value;
  };

  const list = text("list") === "" ? "new" : text("list");
  if (!(DIFF_LISTS as readonly string[]).includes(list)) {
    throw badRequest(`Invalid list '${list.slice(0, 40)}': use one of ${DIFF_LISTS.join(", ")}.`);
  }
  const offset = text("offset");
  if (offset !== "" && !/^\d{1,9}$/.test(offset)) {
    throw badRequest("Invalid offset: give a whole number from 0, as the page links do.");
  }

  return { a: text("a"), b: text("b"), list: list as DiffList, offset: offset === "" ? 0 : Number(offset) };
}
