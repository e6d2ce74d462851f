/**
 * Finding a stored assessment for a route's user, and recording each read
 * of assessment data in the audit log as the CLI's `auditedRead` does. A
 * read that fails is recorded as failed. A read that succeeds is recorded
 * before anything is shown, so nothing is shown unrecorded.
 */

import type { AssessmentListing } from "../../store/store.js";
import { authorizeObject } from "../auth/object-access.js";
import type { CachedAssessment } from "../server/assessment-cache.js";
import type { ConsoleAuditRecord } from "../server/audit.js";
import { notFound } from "../server/http-error.js";
import type { RouteContext } from "./registry.js";

/** Details that a console read adds to its audit entry. */
export type ReadDetails = Readonly<Record<string, string | boolean | number>>;

/**
 * Returns the listing of assessment `id` once the user may read it; throws
 * the same 404 for an unknown id and a denied one. The listing is read,
 * not the assessment, so that checking access costs no findings, and it
 * comes from the console's cache (see AssessmentCache.findListing).
 */
export async function authorizeAssessment(context: RouteContext, id: string): Promise<AssessmentListing> {
  return authorizeObject(context, {
    kind: "assessment",
    id,
    load: () => context.services.assessments.findListing(id),
  });
}

/**
 * Returns the listing of a complete assessment; a running or failed one
 * has no findings to read, and gets the 404 of an unknown one.
 */
export async function authorizeCompleteAssessment(context: RouteContext, id: string): Promise<AssessmentListing> {
  const listing = await authorizeAssessment(context, id);
  if (listing.status !== "complete") {
    throw notFound("The assessment");
  }
  return listing;
}

/**
 * Runs `read` and records it as `assessment.read` with `objects`, by the
 * route's user. `details.view` names the page or API that read.
 */
export async function auditedConsoleRead<T>(
  context: RouteContext,
  objects: Readonly<Record<string, string>>,
  details: ReadDetails,
  read: () => Promise<T>,
): Promise<T> {
  const event: Omit<ConsoleAuditRecord, "outcome"> = {
    action: "assessment.read",
    objects,
    details: { via: "console", ...details },
  };

  let result: T;
  try {
    result = await read();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await context.audit.after({ ...event, outcome: "failed", details: { ...event.details, error: message } });
    throw error;
  }

  await context.audit.before({ ...event, outcome: "succeeded" });
  return result;
}

/**
 * Returns complete assessment `id` from the console's cache, loading it
 * when needed; throws a 404 when the store no longer has it.
 */
export async function loadAssessment(context: RouteContext, id: string): Promise<CachedAssessment> {
  const entry = await context.services.assessments.getAssessment(id);
  if (entry === undefined) {
    throw notFound("The assessment");
  }
  return entry;
}
