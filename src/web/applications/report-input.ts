/**
 * Gathers the input of the application and company reports from the
 * store: the application's servers, each server's latest complete
 * assessment, its questionnaire answers and its environment metrics.
 */

import type { Assessment } from "../../assessment/model.js";
import type { ApplicationReportInput, ServerReportInput } from "../../report/application/index.js";
import { environmentMetric, questionnaireEntries } from "../../report/application/store-fields.js";
import type { CompanyReportInput } from "../../report/company/index.js";
import type { Application, Company } from "../../store/application-model.js";
import type { ApplicationModel } from "../../store/applications-store.js";
import type { AssessmentLink } from "../../store/applications.js";

/** Reads a complete assessment by id; undefined when it is gone or unreadable. */
export type AssessmentLoader = (id: string) => Promise<Assessment | undefined>;

/** Shown as the target of a report whose servers have no complete assessment. */
export const NO_TARGET = "no target yet (no server assessed)";

/** Builds the application report's input for `application`, as of `now`. */
export async function applicationReportInput(
  model: ApplicationModel,
  application: Application,
  loadAssessment: AssessmentLoader,
  now: Date,
): Promise<ApplicationReportInput> {
  const servers = await model.servers.list(application.key);
  const links = await model.applications.assessments(application.key);

  const serverInputs: ServerReportInput[] = [];
  for (const server of servers) {
    const own = links.filter((link) => link.serverKey === server.key);
    serverInputs.push({
      name: server.name,
      environment: server.environment,
      source: server.source.kind,
      ...(await latestAssessment(own, loadAssessment)),
    });
  }

  const assessed = serverInputs.flatMap((server) => (server.assessment === undefined ? [] : [server.assessment]));
  return {
    companyName: application.companyName,
    applicationName: application.name,
    target: newestTarget(assessed),
    generatedAt: now.toISOString(),
    questionnaire: questionnaireEntries(await model.questionnaires.get(application.key)),
    metrics: (await model.metrics.list(application.key)).map(environmentMetric),
    servers: serverInputs,
  };
}

/** Builds the company report's input from the input of each of its applications. */
export async function companyReportInput(
  model: ApplicationModel,
  company: Company,
  loadAssessment: AssessmentLoader,
  now: Date,
): Promise<CompanyReportInput> {
  const applications: ApplicationReportInput[] = [];
  for (const application of await model.applications.list(company.key)) {
    applications.push(await applicationReportInput(model, application, loadAssessment, now));
  }
  const targets = applications.map((a) => a.target).filter((target) => target !== NO_TARGET);
  return {
    companyName: company.name,
    generatedAt: now.toISOString(),
    target: targets[0] ?? NO_TARGET,
    applications,
  };
}

/**
 * Returns the newest complete assessment of one server's links (newest
 * first), or the problem to show when there is none.
 */
async function latestAssessment(
  links: readonly AssessmentLink[],
  loadAssessment: AssessmentLoader,
): Promise<{ assessment: Assessment } | { problem: string }> {
  for (const link of links) {
    if (link.status !== "complete") {
      continue;
    }
    const assessment = await loadAssessment(link.assessmentId);
    if (assessment !== undefined) {
      return { assessment };
    }
  }

  const failed = links.find((link) => link.status === "failed");
  if (failed !== undefined) {
    return { problem: `the latest assessment, ${failed.assessmentId}, failed; no earlier assessment is complete` };
  }
  if (links.length > 0) {
    return { problem: `assessment ${links[0]!.assessmentId} is still running` };
  }
  return { problem: "not assessed yet" };
}

/**
 * Returns the target of the newest assessment.
 * NOTE: servers assessed for different targets are reported under the
 * newest one's target; the per-server figures stay those of each assessment.
 */
function newestTarget(assessments: readonly Assessment[]): string {
  const newest = [...assessments].sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0];
  return newest?.target ?? NO_TARGET;
}
