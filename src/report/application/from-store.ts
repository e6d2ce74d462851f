/**
 * Gathers an ApplicationReportInput from the store: the application's
 * servers, the latest complete assessment of each, the questionnaire and
 * the metrics. Choosing the assessments reads only the store's listing;
 * reading the input then reads one whole assessment per server.
 */

import type { Application, ApplicationServer } from "../../store/application-model.js";
import type { ApplicationModel } from "../../store/applications-store.js";
import type { AssessmentListing, Store } from "../../store/store.js";
import type { ApplicationReportInput, ServerReportInput } from "./input.js";
import { environmentMetric, questionnaireEntries } from "./store-fields.js";

/** The assessment chosen for one server, before it is read. */
export interface ServerChoice {
  readonly server: ApplicationServer;
  /** The server's newest complete assessment; absent when it has none. */
  readonly chosen?: AssessmentListing;
  /** Reason the server has no assessment in the report; set when `chosen` is absent. */
  readonly problem?: string;
  /**
   * A run newer than `chosen` that failed or is still running, which the
   * caller should mention: the report shows an older state of the server.
   */
  readonly newerRun?: AssessmentListing;
  /** The server's newest assessment of any status; absent when it has none. */
  readonly newest?: AssessmentListing;
}

/** The assessments chosen for one application. */
export interface ApplicationChoice {
  readonly application: Application;
  readonly servers: readonly ServerChoice[];
  /** How many assessments are linked to the application, of any status. */
  readonly linked: number;
}

/**
 * Chooses each server's newest complete assessment. `listings` is the
 * store's listing by id, which carries each assessment's status, target
 * and failure reason. A server without one gets a problem: the reason of
 * its newest failed run, a run still going, or no run at all.
 */
export async function chooseAssessments(
  model: ApplicationModel,
  application: Application,
  listings: ReadonlyMap<string, AssessmentListing>,
): Promise<ApplicationChoice> {
  const servers = await model.servers.list(application.key);
  const links = await model.applications.assessments(application.key);

  const choices = servers.map((server): ServerChoice => {
    // Links come newest first; one missing from the listing was deleted meanwhile.
    const runs = links
      .filter((link) => link.serverKey === server.key)
      .flatMap((link) => listings.get(link.assessmentId) ?? []);
    const newest = runs[0];
    const index = runs.findIndex((run) => run.status === "complete");
    if (newest === undefined || index < 0) {
      return { server, problem: problemOf(newest, application.name), ...(newest === undefined ? {} : { newest }) };
    }
    return { server, chosen: runs[index]!, newest, ...(index > 0 ? { newerRun: newest } : {}) };
  });

  return { application, servers: choices, linked: links.length };
}

/**
 * Returns the target of the newest chosen assessment of the choices, else
 * that of their newest assessment of any status (a failed run records its
 * target too), else undefined.
 */
export function newestTarget(choices: readonly ApplicationChoice[]): string | undefined {
  const servers = choices.flatMap((choice) => choice.servers);
  return (
    newestOf(servers.flatMap((s) => s.chosen ?? []))?.target ?? newestOf(servers.flatMap((s) => s.newest ?? []))?.target
  );
}

function newestOf(listings: readonly AssessmentListing[]): AssessmentListing | undefined {
  let newest: AssessmentListing | undefined;
  for (const listing of listings) {
    if (newest === undefined || listing.startedAt > newest.startedAt) {
      newest = listing;
    }
  }
  return newest;
}

/** The report's header fields that the store does not keep. */
export interface ReportHeader {
  readonly target: string;
  /** ISO 8601. */
  readonly generatedAt: string;
}

/**
 * Reads the chosen assessments, the questionnaire and the metrics into the
 * report's input. Rejects with the store's error when an assessment cannot
 * be read, for example when its data key cannot be opened.
 */
export async function readApplicationInput(
  store: Store,
  model: ApplicationModel,
  choice: ApplicationChoice,
  header: ReportHeader,
): Promise<ApplicationReportInput> {
  const servers: ServerReportInput[] = [];
  for (const { server, chosen, problem } of choice.servers) {
    const base = { name: server.name, environment: server.environment, source: server.source.kind };
    const assessment = chosen === undefined ? undefined : await store.getAssessment(chosen.id);
    if (assessment !== undefined) {
      servers.push({ ...base, assessment });
    } else {
      const gone = chosen === undefined ? undefined : `Assessment ${chosen.id} was removed from the store while the report was made.`;
      servers.push({ ...base, problem: problem ?? gone ?? "No assessment." });
    }
  }

  const key = choice.application.key;
  return {
    companyName: choice.application.companyName,
    applicationName: choice.application.name,
    target: header.target,
    generatedAt: header.generatedAt,
    questionnaire: questionnaireEntries(await model.questionnaires.get(key)),
    metrics: (await model.metrics.list(key)).map(environmentMetric),
    servers,
  };
}

/**
 * Returns the store's listing by id, as chooseAssessments reads it.
 *
 * NOTE: this lists every assessment in the store, opening each one's data
 * key to read its sources and error, so its time grows with the store.
 */
export async function listingsById(store: Store): Promise<Map<string, AssessmentListing>> {
  const listings = await store.listAssessments();
  return new Map(listings.map((listing) => [listing.id, listing]));
}

function problemOf(newest: AssessmentListing | undefined, application: string): string {
  if (newest === undefined) {
    return `No assessment yet; run 'infio assess --app ${application}'.`;
  }
  const started = `${newest.startedAt.slice(0, 16).replace("T", " ")} UTC`;
  if (newest.status === "running") {
    return `Its assessment ${newest.id}, started ${started}, is still running.`;
  }
  if (newest.unreadable !== undefined) {
    return `Its assessment ${newest.id} of ${started} failed, and its reason cannot be read: ${newest.unreadable}`;
  }
  return `Its assessment ${newest.id} of ${started} failed: ${newest.error ?? "no reason was recorded"}`;
}
