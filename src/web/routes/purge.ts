/**
 * The purge pages (admins): the stored assessments with the retention
 * setting, and the purge itself, which runs the code of `infio purge`. Each
 * assessment's data key is destroyed first and its rows deleted after, and
 * each is audited. The whole purge is audited before and after. Running
 * assessments, the console's own runs among them, are kept.
 */

import {
  describeSelection,
  planSize,
  purgeAssessments,
  type PurgePlan,
  type PurgeResult,
  type PurgeSelection,
} from "../../cli/purge-run.js";
import { loadSettings } from "../../cli/settings.js";
import type { DataKeyStore } from "../../security/keys/key-store.js";
import type { SafeHtml } from "../pages/html.js";
import { purgeMain, purgePreviewMain, purgeResultMain, type RetentionSetting } from "../pages/purge.js";
import { fieldText } from "./admin-form.js";
import {
  dataKeysOf,
  planConsolePurge,
  PURGE_CONFIRMATION,
  PurgeFormError,
  readPurgeForm,
  type PurgeFormValues,
} from "./purge-plan.js";
import { declareRoute, type RouteContext, type RouteModule } from "./registry.js";

export const PURGE_ROUTES: RouteModule = {
  name: "purge",
  routes: [
    declareRoute({
      method: "GET",
      url: "/purge",
      permission: "data.purge",
      navigation: { label: "Purge", order: 70 },
      handler: (context) => purgePage(context),
    }),
    declareRoute({
      method: "POST",
      url: "/purge",
      permission: "data.purge",
      handler: (context) => purge(context),
    }),
  ],
};

async function purgePage(
  context: RouteContext,
  problem?: { readonly error: string; readonly values: PurgeFormValues },
): Promise<SafeHtml> {
  const { services } = context;
  const keys = dataKeysOf(services);
  // The page lists every assessment, so it is recorded like the assessments page.
  const event = { action: "assessment.list", details: { via: "console", page: "purge" } } as const;
  let plan: PurgePlan;
  try {
    plan = await planConsolePurge({ kind: "all" }, services, keys);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await context.audit.after({ ...event, outcome: "failed", details: { ...event.details, error: message } });
    throw error;
  }
  await context.audit.before({ ...event, outcome: "succeeded" });

  return context.page({
    title: "Purge",
    main: purgeMain({
      csrfToken: context.csrfToken,
      plan,
      retention: await retentionSetting(services.dataDir),
      confirmation: PURGE_CONFIRMATION,
      ...(problem === undefined ? {} : { error: problem.error, values: problem.values }),
    }),
  });
}

async function purge(context: RouteContext): Promise<SafeHtml> {
  const { services, user, reply } = context;
  const body = context.request.body;
  let form: ReturnType<typeof readPurgeForm>;
  try {
    form = readPurgeForm(body);
  } catch (error) {
    if (!(error instanceof PurgeFormError)) {
      throw error;
    }
    reply.code(422);
    return purgePage(context, { error: error.message, values: error.values });
  }

  const { selection, values } = form;
  const keys = dataKeysOf(services);
  const plan = await planConsolePurge(selection, services, keys);
  const description = describeForPage(selection);
  if (plan.unknown.length > 0) {
    reply.code(422);
    const ids = plan.unknown.map((id) => `'${id}'`).join(", ");
    return purgePage(context, {
      error: `Assessment ${ids} not found: not in the store and without a data key; nothing was purged.`,
      values,
    });
  }

  const typed = fieldText(body, "confirmation").trim().toLowerCase();
  if (typed !== PURGE_CONFIRMATION) {
    // Without the word, list what would be purged, as `infio purge` does without --yes.
    if (typed !== "") {
      reply.code(422);
    }
    const error = typed === "" ? undefined : `Type ${PURGE_CONFIRMATION} to confirm; nothing was purged.`;
    return context.page({
      title: "Confirm the purge",
      main: purgePreviewMain({
        csrfToken: context.csrfToken,
        plan,
        description,
        values,
        confirmation: PURGE_CONFIRMATION,
        ...(error === undefined ? {} : { error }),
      }),
    });
  }

  const result = await runPurge(context, selection, plan, keys);
  services.log.info(
    `console user '${user.name}' purged ${result.purged.length} of ${planSize(plan)} assessment(s) matching ` +
      `${describeSelection(selection)}` +
      (plan.running.length === 0 ? "" : `; kept ${plan.running.length} running`),
  );
  return context.page({ title: "Purge done", main: purgeResultMain({ plan, result, description }) });
}

/** Purges the plan as `infio purge --yes` does, audited before and after. */
async function runPurge(
  context: RouteContext,
  selection: PurgeSelection,
  plan: PurgePlan,
  keys: DataKeyStore,
): Promise<PurgeResult> {
  const reason = describeSelection(selection);
  const event = { action: "purge.run", details: { via: "console", reason } } as const;
  await context.audit.before({
    ...event,
    outcome: "started",
    details: {
      ...event.details,
      assessments: plan.assessments.map((a) => a.id),
      dataKeysOnly: [...plan.keysOnly],
      keptRunning: [...plan.running],
    },
  });

  // Forgotten before and after, so that no read serves a purged assessment
  // from memory, not even one loaded while the purge ran.
  const forget = () => forgetPlanned(context, plan);
  forget();
  let result: PurgeResult;
  try {
    result = await purgeAssessments(plan, {
      store: context.services.store,
      keys,
      audit: context.audit,
      log: context.services.log,
      reason,
    });
  } finally {
    forget();
  }
  await context.audit.after({
    ...event,
    outcome: result.failed.length === 0 ? "succeeded" : "failed",
    details: { ...event.details, purged: result.purged.length, failed: result.failed.map((f) => f.id) },
  });
  return result;
}

/** Drops the plan's assessments from the console's cache of loaded assessments. */
function forgetPlanned(context: RouteContext, plan: PurgePlan): void {
  for (const id of [...plan.assessments.map((a) => a.id), ...plan.keysOnly]) {
    context.services.assessments.invalidate(id);
  }
  context.services.assessments.invalidateListing();
}

/** Describes a selection for the pages, where the CLI's option names would mean nothing. */
function describeForPage(selection: PurgeSelection): string {
  switch (selection.kind) {
    case "assessments":
      return selection.ids.length === 1
        ? `assessment ${selection.ids[0]}`
        : `the ${selection.ids.length} ticked assessments`;
    case "older-than":
    case "retention":
      return `assessments that started more than ${selection.text} ago`;
    case "all":
      return "every assessment and data key";
  }
}

async function retentionSetting(dataDir: string): Promise<RetentionSetting> {
  try {
    const retention = (await loadSettings(dataDir)).retention;
    return retention === undefined ? { kind: "none" } : { kind: "set", text: retention.text };
  } catch (error) {
    return { kind: "invalid", message: error instanceof Error ? error.message : String(error) };
  }
}
