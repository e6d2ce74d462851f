/**
 * Builds the company report from the store, one application at a time:
 * each application's assessments are read, reduced to its row and let go
 * before the next application is read. So memory contains one
 * application's assessments at most, not the whole company's.
 */

import type { Company } from "../../store/application-model.js";
import type { ApplicationModel } from "../../store/applications-store.js";
import type { AssessmentListing, Store } from "../../store/store.js";
import { buildApplicationReport } from "../application/aggregate.js";
import {
  chooseAssessments,
  readApplicationInput,
  type ApplicationChoice,
  type ReportHeader,
} from "../application/from-store.js";
import { applicationRow, companyReportOf } from "./aggregate.js";
import type { ApplicationRow, CompanyReport } from "./model.js";

/** Chooses the assessments of each application of `company`, in name order. */
export async function chooseCompanyAssessments(
  model: ApplicationModel,
  company: Company,
  listings: ReadonlyMap<string, AssessmentListing>,
): Promise<ApplicationChoice[]> {
  const choices: ApplicationChoice[] = [];
  for (const application of await model.applications.list(company.key)) {
    choices.push(await chooseAssessments(model, application, listings));
  }
  return choices;
}

/**
 * Reads each application's input in turn and builds the company report.
 * `onRead` receives the ids of each application's assessments as they are
 * read, for the audit trail. Rejects with the store's error when an
 * assessment cannot be read.
 */
export async function readCompanyReport(
  store: Store,
  model: ApplicationModel,
  company: Company,
  choices: readonly ApplicationChoice[],
  header: ReportHeader,
  onRead: (application: string, assessments: readonly string[]) => void = () => undefined,
): Promise<CompanyReport> {
  const rows: ApplicationRow[] = [];
  for (const choice of choices) {
    const input = await readApplicationInput(store, model, choice, header);
    rows.push(applicationRow(buildApplicationReport(input)));
    onRead(
      choice.application.name,
      input.servers.flatMap((s) => (s.assessment === undefined ? [] : [s.assessment.id])),
    );
  }
  return companyReportOf({ companyName: company.name, ...header }, rows);
}
