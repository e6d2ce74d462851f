/**
 * Purging assessments, for `infio purge` and for the retention period:
 * for each assessment, its data key is destroyed first and its rows are
 * deleted from the store after. Once the key is gone, no copy of the
 * assessment's ciphertext (a backup, a copied store) can be decrypted, even
 * if deleting the rows then fails. Running assessments are left alone.
 */

import type { DataKeyStore } from "../security/keys/key-store.js";
import type { AssessmentListing, Store } from "../store/index.js";
import type { AuditTrail } from "./audit-trail.js";
import { FailureError } from "./errors.js";
import type { Logger } from "./log.js";

/** The assessments to purge, as the user selected them. */
export type PurgeSelection =
  | { readonly kind: "assessments"; readonly ids: readonly string[] }
  | { readonly kind: "older-than"; readonly text: string; readonly ms: number }
  | { readonly kind: "all" }
  | { readonly kind: "retention"; readonly text: string; readonly ms: number };

export interface PurgePlan {
  /** Complete or failed assessments in the store, oldest first. */
  readonly assessments: readonly AssessmentListing[];
  /** Assessments with a data key but no rows in the store, such as a run killed before it stored anything. */
  readonly keysOnly: readonly string[];
  /** Running assessments that match but are kept. */
  readonly running: readonly string[];
  /** Ids given with --assessment that match neither stored rows nor a data key. */
  readonly unknown: readonly string[];
}

export interface PurgeResult {
  readonly purged: readonly string[];
  readonly failed: readonly { readonly id: string; readonly message: string }[];
}

/** Describes the selection for logs and the audit log: `--older-than 30d`. */
export function describeSelection(selection: PurgeSelection): string {
  switch (selection.kind) {
    case "assessments":
      return `--assessment ${selection.ids.join(", ")}`;
    case "older-than":
      return `--older-than ${selection.text}`;
    case "all":
      return "--all";
    case "retention":
      return `retention period ${selection.text}`;
  }
}

/**
 * Finds what `selection` matches. `store` is undefined when the data folder
 * has no embedded store yet; then only data keys can match. Data keys
 * without rows in the store are matched only for the embedded store, whose
 * data folder they share.
 *
 * NOTE: with a server store (`postgres://`), a data key in the data folder
 * that belongs to no assessment of that server may belong to the embedded
 * store, so it is left alone.
 */
export async function planPurge(
  selection: PurgeSelection,
  store: Store | undefined,
  keys: DataKeyStore,
  now: Date,
): Promise<PurgePlan> {
  const listings = store === undefined ? [] : await store.listAssessments();
  const listed = new Set(listings.map((l) => l.id));
  const keyIds = await keyIdsOf(keys);

  const matches = listings.filter((l) => selects(selection, l.startedAt, l.id, now));
  const keysOnly: string[] = [];
  const sharesDataFolder = store === undefined || store.kind === "embedded";
  for (const id of keyIds.filter((k) => sharesDataFolder && !listed.has(k))) {
    if (await keySelected(selection, keys, id, now)) {
      keysOnly.push(id);
    }
  }

  const unknown =
    selection.kind === "assessments"
      ? selection.ids.filter((id) => !listed.has(id) && !keysOnly.includes(id))
      : [];
  return {
    assessments: matches.filter((l) => l.status !== "running").reverse(),
    keysOnly,
    running: matches.filter((l) => l.status === "running").map((l) => l.id),
    unknown,
  };
}

/** Returns the number of assessments and data keys that the plan purges. */
export function planSize(plan: PurgePlan): number {
  return plan.assessments.length + plan.keysOnly.length;
}

export interface PurgeContext {
  readonly store: Store | undefined;
  readonly keys: DataKeyStore;
  /** Receives each assessment's outcome; the console passes one that names its user as the actor. */
  readonly audit: Pick<AuditTrail, "after">;
  readonly log: Logger;
  /** Why, for the audit log: `--all`, `retention period 30d`. */
  readonly reason: string;
}

/**
 * Purges what the plan lists, each assessment audited with its outcome.
 * A failure on one assessment is recorded and the others go on. Throws a
 * FailureError only when the audit log cannot be written.
 */
export async function purgeAssessments(plan: PurgePlan, context: PurgeContext): Promise<PurgeResult> {
  const purged: string[] = [];
  const failed: { id: string; message: string }[] = [];

  const targets = [...plan.assessments.map((a) => a.id), ...plan.keysOnly];
  for (const id of targets) {
    const inStore = plan.assessments.some((a) => a.id === id);
    const outcome = await purgeOne(id, inStore, context);
    await context.audit.after({
      action: "assessment.purge",
      outcome: outcome.error === undefined ? "succeeded" : "failed",
      objects: { assessment: id },
      details: {
        reason: context.reason,
        dataKey: outcome.dataKey,
        store: outcome.store,
        ...(outcome.error === undefined ? {} : { error: outcome.error }),
      },
    });

    if (outcome.error === undefined) {
      purged.push(id);
      context.log.info(`purged assessment ${id} (${context.reason}): data key ${outcome.dataKey}, store rows ${outcome.store}`);
    } else {
      failed.push({ id, message: outcome.error });
      context.log.error(`cannot purge assessment ${id}: ${outcome.error}`);
    }
  }
  return { purged, failed };
}

interface OneOutcome {
  /** `destroyed`, or `none` when the assessment had no data key. */
  readonly dataKey: "destroyed" | "none" | "kept";
  /** `deleted`, `none` (not in the store), or what the store returned. */
  readonly store: string;
  readonly error?: string;
}

async function purgeOne(id: string, inStore: boolean, context: PurgeContext): Promise<OneOutcome> {
  const destroyed = await context.keys.delete(id);
  if (!destroyed.ok) {
    // The rows are kept while the key exists: deleting them alone would
    // leave copies of the ciphertext readable with the key.
    return {
      dataKey: "kept",
      store: "kept",
      error: `${destroyed.error.message}; its data key could not be destroyed, so its rows were kept; fix the cause and purge it again`,
    };
  }
  const dataKey = destroyed.value ? "destroyed" : "none";
  if (!inStore || context.store === undefined) {
    return { dataKey, store: "none" };
  }

  try {
    const result = await context.store.deleteAssessment(id);
    if (result === "running") {
      return { dataKey, store: "running", error: "it started running again while being purged; its rows were kept" };
    }
    return { dataKey, store: result === "deleted" ? "deleted" : "none" };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { dataKey, store: "failed", error: `its data key is ${dataKey}, but deleting its rows failed: ${reason}` };
  }
}

function selects(selection: PurgeSelection, startedAt: string, id: string, now: Date): boolean {
  switch (selection.kind) {
    case "assessments":
      return selection.ids.includes(id);
    case "all":
      return true;
    case "older-than":
    case "retention":
      return Date.parse(startedAt) < now.getTime() - selection.ms;
  }
}

/** Returns whether a data key without stored rows is selected; its record's creation time counts as the start. */
async function keySelected(selection: PurgeSelection, keys: DataKeyStore, id: string, now: Date): Promise<boolean> {
  if (selection.kind !== "older-than" && selection.kind !== "retention") {
    return selects(selection, "", id, now);
  }
  const record = await keys.read(id);
  if (!record.ok || record.value === undefined) {
    return false;
  }
  return selects(selection, record.value.createdAt, id, now);
}

async function keyIdsOf(keys: DataKeyStore): Promise<string[]> {
  const listed = await keys.list();
  if (!listed.ok) {
    throw new FailureError(`${listed.error.message}; nothing was purged`);
  }
  return listed.value;
}
