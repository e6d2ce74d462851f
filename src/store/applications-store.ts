/**
 * The application model of a store: companies, applications, their
 * servers, questionnaires and metrics, and the links from assessments.
 * This is the API that the CLI, the reports and the console use:
 *
 * ```ts
 * const model = applicationModel(store);
 * const app = await model.applications.find("Billing");
 * const servers = await model.servers.list(app.key);
 * const links = await model.applications.assessments(app.key);
 * const answers = await model.questionnaires.get(app.key);
 * const metrics = await model.metrics.list(app.key);
 * await removeApplication(store, app.key); // shreds its assessments
 * ```
 *
 * The tables store values as given; callers check names with
 * checkModelName and connection options before they store them.
 */

import { StoreError } from "./errors.js";
import { ApplicationServerTable } from "./application-servers.js";
import { ApplicationTable } from "./applications.js";
import { CompanyTable } from "./companies.js";
import { MetricTable, QuestionnaireTable } from "./application-discovery.js";
import { SqlStore } from "./sql-store.js";
import type { Store } from "./store.js";

export interface ApplicationModel {
  readonly companies: CompanyTable;
  readonly applications: ApplicationTable;
  readonly servers: ApplicationServerTable;
  readonly questionnaires: QuestionnaireTable;
  readonly metrics: MetricTable;
}

/**
 * Returns the application model kept in `store`. Throws a StoreError
 * `invalid-spec` for `--store none`, which keeps nothing.
 */
export function applicationModel(store: Store): ApplicationModel {
  const connection = sqlConnectionOf(store);
  return {
    companies: new CompanyTable(connection),
    applications: new ApplicationTable(connection),
    servers: new ApplicationServerTable(connection),
    questionnaires: new QuestionnaireTable(connection),
    metrics: new MetricTable(connection),
  };
}

/**
 * The outcome of a removal: the ids of the assessments deleted, or the
 * assessment still running (being written by another process), which
 * stops the removal before the application or company row goes.
 */
export type RemovalResult =
  | { readonly removed: true; readonly applications: readonly string[]; readonly assessments: readonly string[] }
  | { readonly removed: false; readonly reason: "not-found" }
  | { readonly removed: false; readonly reason: "running"; readonly assessmentId: string };

/**
 * Removes an application: first each of its assessments, through
 * Store.deleteAssessment, which destroys the assessment's data key before
 * its rows, then the application with its servers, answers and metrics.
 * A failure part way leaves the application with fewer assessments; running
 * the removal again finishes it.
 */
export async function removeApplication(store: Store, key: number): Promise<RemovalResult> {
  const model = applicationModel(store);
  const application = await model.applications.get(key);
  if (application === undefined) {
    return { removed: false, reason: "not-found" };
  }

  const deleted: string[] = [];
  for (const link of await model.applications.assessments(key)) {
    const result = await store.deleteAssessment(link.assessmentId);
    if (result === "running") {
      return { removed: false, reason: "running", assessmentId: link.assessmentId };
    }
    if (result === "deleted") {
      deleted.push(link.assessmentId);
    }
  }

  await model.applications.delete(key);
  return { removed: true, applications: [application.name], assessments: deleted };
}

/** Removes a company with each of its applications, as removeApplication does. */
export async function removeCompany(store: Store, key: number): Promise<RemovalResult> {
  const model = applicationModel(store);
  const applications: string[] = [];
  const assessments: string[] = [];
  for (const application of await model.applications.list(key)) {
    const result = await removeApplication(store, application.key);
    if (!result.removed && result.reason === "running") {
      return result;
    }
    if (result.removed) {
      applications.push(...result.applications);
      assessments.push(...result.assessments);
    }
  }

  if (!(await model.companies.delete(key))) {
    return { removed: false, reason: "not-found" };
  }
  return { removed: true, applications, assessments };
}

function sqlConnectionOf(store: Store): SqlStore["connection"] {
  if (!(store instanceof SqlStore)) {
    throw new StoreError(
      "invalid-spec",
      "--store none keeps no companies or applications; use --store embedded (the default) or a postgres:// URL",
    );
  }
  return store.connection;
}
