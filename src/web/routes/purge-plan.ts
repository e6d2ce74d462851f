/**
 * The purge form's selection and the plan it matches. The form is read as
 * `infio purge` reads its options (exactly one of `assessment`, `olderThan`
 * or `all=yes`), and the plan is the CLI's, with the console's own runs
 * kept out of it.
 */

import { planPurge, type PurgePlan, type PurgeSelection } from "../../cli/purge-run.js";
import { dataKeysDirectory } from "../../cli/command-setup.js";
import { FileDataKeyStore } from "../../security/keys/key-store-file.js";
import type { DataKeyStore } from "../../security/keys/key-store.js";
import { parseRetention } from "../../security/purge.js";
import type { ConsoleServices } from "../server/services.js";
import { fieldList, fieldText, sentence } from "./admin-form.js";

/** The word typed to confirm a purge. */
export const PURGE_CONFIRMATION = "purge";

/** Maximum assessments one request may name, which bounds the work of a crafted request. */
const MAX_IDS = 1000;
const MAX_ID_LENGTH = 200;

/** The selection fields as sent, to show them again. */
export interface PurgeFormValues {
  readonly assessments: readonly string[];
  readonly olderThan: string;
  readonly all: boolean;
}

/** A selection the form cannot take; nothing was purged. */
export class PurgeFormError extends Error {
  readonly values: PurgeFormValues;

  constructor(message: string, values: PurgeFormValues) {
    super(message);
    this.name = "PurgeFormError";
    this.values = values;
  }
}

/** Reads the selection fields; throws a PurgeFormError unless exactly one selects. */
export function readPurgeForm(body: unknown): { values: PurgeFormValues; selection: PurgeSelection } {
  const ids = [...new Set(fieldList(body, "assessment").map((id) => id.trim()))].filter((id) => id !== "");
  const olderThan = fieldText(body, "olderThan").trim();
  const allText = fieldText(body, "all");
  const values = { assessments: ids, olderThan, all: allText === "yes" };

  if (allText !== "" && allText !== "yes") {
    throw new PurgeFormError(`Invalid value '${allText}' of 'all': send all=yes to purge every assessment.`, values);
  }
  const given = [ids.length > 0 ? "assessments" : "", olderThan !== "" ? "an age" : "", values.all ? "all" : ""];
  const chosen = given.filter((name) => name !== "");
  if (chosen.length !== 1) {
    throw new PurgeFormError(
      chosen.length === 0
        ? "Nothing to purge: tick assessments, give an age such as 30d, or choose to purge everything."
        : `Choose one way to select what to purge; the request gave ${chosen.join(" and ")}.`,
      values,
    );
  }

  if (values.all) {
    return { values, selection: { kind: "all" } };
  }
  if (olderThan !== "") {
    const parsed = parseRetention(olderThan);
    if (!parsed.ok) {
      throw new PurgeFormError(sentence(parsed.error.message), values);
    }
    return { values, selection: { kind: "older-than", text: olderThan, ms: parsed.value } };
  }
  if (ids.length > MAX_IDS) {
    throw new PurgeFormError(`The request names ${ids.length} assessments; purge at most ${MAX_IDS} at a time.`, values);
  }
  const long = ids.find((id) => id.length > MAX_ID_LENGTH);
  if (long !== undefined) {
    throw new PurgeFormError(`Invalid assessment id of ${long.length} characters: pick ids from the list.`, values);
  }
  return { values, selection: { kind: "assessments", ids } };
}

/** Returns the data keys of the data folder, the folder `infio purge` destroys keys in. */
export function dataKeysOf(services: ConsoleServices): DataKeyStore {
  return new FileDataKeyStore(dataKeysDirectory(services.dataDir));
}

/**
 * Plans the purge as `infio purge` does, and moves the assessments of the
 * console's queued and running jobs to `running`. A running job has a data
 * key before the store lists its assessment, so the CLI's plan alone would
 * count that key as one to destroy.
 */
export async function planConsolePurge(
  selection: PurgeSelection,
  services: ConsoleServices,
  keys: DataKeyStore,
): Promise<PurgePlan> {
  const plan = await planPurge(selection, services.store, keys, services.now());
  // Read after planning: a job that started before its key was listed is
  // running by now.
  const active = new Set<string>();
  for (const job of services.runner.list()) {
    if ((job.state === "queued" || job.state === "running") && job.assessmentId !== undefined) {
      active.add(job.assessmentId);
    }
  }
  if (active.size === 0) {
    return plan;
  }

  // NOTE: a job that commits between the plan and this check is done, not
  // running, so with `all` its data key can still be destroyed while its
  // rows, stored meanwhile, stay behind unreadable.
  const matched =
    selection.kind === "assessments"
      ? selection.ids
      : [...plan.keysOnly, ...plan.assessments.map((a) => a.id)];
  const keptRunning = matched.filter((id) => active.has(id));
  return {
    assessments: plan.assessments.filter((a) => !active.has(a.id)),
    keysOnly: plan.keysOnly.filter((id) => !active.has(id)),
    running: [...new Set([...plan.running, ...keptRunning])],
    unknown: plan.unknown.filter((id) => !active.has(id)),
  };
}
