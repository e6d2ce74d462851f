/**
 * One application: its page, and the forms that rename and remove it and
 * save its questionnaire answers and hand-entered metrics. Reading needs
 * `assessments.read`, changing `applications.manage`, and removing, which
 * deletes its assessments, `data.purge`. Each change is audited with the
 * old and new values, as `infio app` records them.
 */

import {
  checkModelName,
  METRICS,
  type Application,
  type MetricName,
  type QuestionnaireAnswers,
} from "../../store/application-model.js";
import { removeApplication } from "../../store/applications-store.js";
import type { JsonValue } from "../../security/audit/entry.js";
import { applicationMain, METRIC_LABELS, type ApplicationPage } from "../pages/application.js";
import type { SafeHtml } from "../pages/html.js";
import { HttpError } from "../server/http-error.js";
import {
  auditedModelChange,
  formFields,
  FormValueError,
  loadApplication,
  modelOf,
  rowChange,
} from "./application-access.js";
import { forgetAssessments, removalStopped, rightsOf } from "./companies.js";
import { declareRoute, type RouteContext, type RouteModule } from "./registry.js";

export const APPLICATION_ROUTES: RouteModule = {
  name: "applications",
  routes: [
    declareRoute({
      method: "GET",
      url: "/applications/:key",
      permission: "assessments.read",
      handler: async (context) => applicationPage(context, await loadApplication(context)),
    }),
    declareRoute({
      method: "POST",
      url: "/applications/:key/rename",
      permission: "applications.manage",
      handler: (context) => renameApplication(context),
    }),
    declareRoute({
      method: "POST",
      url: "/applications/:key/remove",
      permission: "data.purge",
      handler: (context) => removeApplicationRoute(context),
    }),
    declareRoute({
      method: "POST",
      url: "/applications/:key/questionnaire",
      permission: "applications.manage",
      handler: (context) => saveQuestionnaire(context),
    }),
    declareRoute({
      method: "POST",
      url: "/applications/:key/metrics",
      permission: "applications.manage",
      handler: (context) => saveMetrics(context),
    }),
  ],
};

async function renameApplication(context: RouteContext): Promise<unknown> {
  const application = await loadApplication(context);
  const fields = formFields(context);
  const newName = fields.newName ?? "";
  const invalid = (message: string) => applicationPage(context, application, { form: "rename", message, field: "newName" }, fields);
  const problem = checkModelName("application", newName);
  if (problem !== undefined) {
    return invalid(problem);
  }

  const event = {
    action: "application.rename",
    objects: { application: application.name },
    details: { old: { name: application.name } },
  };
  try {
    await auditedModelChange(context, event, async () => {
      const renamed = await modelOf(context).applications.rename(application.key, newName, rowChange(context));
      if (renamed === "duplicate") {
        throw new FormValueError("newName", `application '${newName}' already exists; choose another name`);
      }
      if (renamed === "not-found") {
        throw new HttpError(404, "The application was removed while it was being renamed.");
      }
      return { result: renamed, details: { new: { name: newName } } };
    });
  } catch (error) {
    if (error instanceof FormValueError) {
      return invalid(error.message);
    }
    throw error;
  }
  context.services.log.info(`'${context.user.name}' renamed application '${application.name}' to '${newName}'`);
  return context.reply.redirect(`/applications/${application.key}`, 303);
}

async function removeApplicationRoute(context: RouteContext): Promise<unknown> {
  const application = await loadApplication(context);
  const event = {
    action: "application.remove",
    objects: { application: application.name, company: application.companyName },
    details: { old: { name: application.name, company: application.companyName } },
  };
  const removed = await auditedModelChange(context, event, async () => {
    const result = await removeApplication(context.services.store, application.key);
    if (!result.removed) {
      throw removalStopped(result, `application '${application.name}'`);
    }
    return { result, details: { assessmentsRemoved: [...result.assessments] } };
  });
  forgetAssessments(context, removed.assessments);
  context.services.log.info(
    `'${context.user.name}' removed application '${application.name}' and ${removed.assessments.length} assessment(s)`,
  );
  return context.reply.redirect(`/companies/${application.companyKey}`, 303);
}

async function saveQuestionnaire(context: RouteContext): Promise<unknown> {
  const application = await loadApplication(context);
  const fields = formFields(context);
  let next: QuestionnaireAnswers;
  try {
    next = {
      thirdParty: answerOf(fields, "thirdParty"),
      codeChangeable: answerOf(fields, "codeChangeable"),
      notes: notesOf(fields),
    };
  } catch (error) {
    if (error instanceof FormValueError) {
      return applicationPage(context, application, { form: "questionnaire", message: error.message, field: error.field }, fields);
    }
    throw error;
  }

  const model = modelOf(context);
  const old = await model.questionnaires.get(application.key);
  const event = {
    action: "application.questionnaire.set",
    objects: { application: application.name },
    details: { old: answersJson(old ?? { thirdParty: undefined, codeChangeable: undefined, notes: undefined }) },
  };
  await auditedModelChange(context, event, async () => {
    await model.questionnaires.set(application.key, next, rowChange(context));
    return { result: undefined, details: { new: answersJson(next) } };
  });
  context.services.log.info(`'${context.user.name}' saved the questionnaire of application '${application.name}'`);
  return context.reply.redirect(`/applications/${application.key}`, 303);
}

async function saveMetrics(context: RouteContext): Promise<unknown> {
  const application = await loadApplication(context);
  const fields = formFields(context);
  const model = modelOf(context);
  const current = new Map((await model.metrics.list(application.key)).map((metric) => [metric.name, metric]));

  // An empty field clears a value entered by hand and leaves a value read
  // from the inventory alone, because the form shows only manual values.
  const set: { name: MetricName; value: number }[] = [];
  const clear: MetricName[] = [];
  for (const name of METRICS) {
    const text = (fields[name] ?? "").trim();
    const metric = current.get(name);
    if (text === "") {
      if (metric?.origin === "manual") {
        clear.push(name);
      }
      continue;
    }
    const value = metricValue(name, text);
    if (value instanceof FormValueError) {
      return applicationPage(context, application, { form: "metrics", message: value.message, field: name }, fields);
    }
    if (metric?.origin !== "manual" || metric.value !== value) {
      set.push({ name, value });
    }
  }
  if (set.length === 0 && clear.length === 0) {
    return context.reply.redirect(`/applications/${application.key}`, 303);
  }

  const touched = new Set<string>([...set.map((entry) => entry.name), ...clear]);
  const old: Record<string, JsonValue> = {};
  for (const metric of current.values()) {
    if (touched.has(metric.name)) {
      old[metric.name] = { value: metric.value, origin: metric.origin };
    }
  }
  const event = { action: "application.metrics.set", objects: { application: application.name }, details: { old } };
  await auditedModelChange(context, event, async () => {
    const change = rowChange(context);
    for (const { name, value } of set) {
      await model.metrics.setManual(application.key, name, value, change);
    }
    for (const name of clear) {
      await model.metrics.clear(application.key, name);
    }
    const next: Record<string, JsonValue> = {};
    for (const { name, value } of set) {
      next[name] = { value, origin: "manual" };
    }
    for (const name of clear) {
      next[name] = null;
    }
    return { result: undefined, details: { new: next } };
  });
  context.services.log.info(
    `'${context.user.name}' saved ${set.length} metric(s) and cleared ${clear.length} of application '${application.name}'`,
  );
  return context.reply.redirect(`/applications/${application.key}`, 303);
}

/** Largest metric value accepted; beyond it a number loses integer precision in JSON. */
const MAX_METRIC_VALUE = Number.MAX_SAFE_INTEGER;

/** Parses a metric: a whole number of at least 0 (memory and storage in MiB). */
function metricValue(name: MetricName, text: string): number | FormValueError {
  if (!/^[0-9]+$/.test(text) || Number(text) > MAX_METRIC_VALUE) {
    return new FormValueError(
      name,
      `invalid ${METRIC_LABELS[name]} '${text}': enter a whole number of at least 0, or leave the field empty`,
    );
  }
  return Number(text);
}

function answerOf(fields: Record<string, string>, name: "thirdParty" | "codeChangeable"): boolean | undefined {
  const text = fields[name] ?? "unknown";
  switch (text) {
    case "yes":
      return true;
    case "no":
      return false;
    case "unknown":
      return undefined;
    default:
      throw new FormValueError(name, `invalid answer '${text}' to '${name}': choose yes, no or not known`);
  }
}

/** Maximum length of the notes, in characters. */
const MAX_NOTES_LENGTH = 4000;

function notesOf(fields: Record<string, string>): string | undefined {
  const notes = (fields.notes ?? "").replace(/\r\n/g, "\n").trim();
  if ([...notes].length > MAX_NOTES_LENGTH) {
    throw new FormValueError("notes", `invalid notes of ${[...notes].length} characters: shorten them to at most ${MAX_NOTES_LENGTH}`);
  }
  return notes === "" ? undefined : notes;
}

function answersJson(answers: QuestionnaireAnswers): Record<string, JsonValue> {
  return {
    thirdParty: answers.thirdParty ?? null,
    codeChangeable: answers.codeChangeable ?? null,
    notes: answers.notes ?? null,
  };
}

export async function applicationPage(
  context: RouteContext,
  application: Application,
  error?: ApplicationPage["error"],
  values?: Record<string, string>,
): Promise<SafeHtml> {
  const model = modelOf(context);
  const connections = await context.services.connections.list();
  if (error !== undefined) {
    context.reply.code(422);
  }
  return context.page({
    title: `Application ${application.name}`,
    main: applicationMain({
      csrfToken: context.csrfToken,
      rights: rightsOf(context),
      application,
      servers: await model.servers.list(application.key),
      connectionNames: new Map(connections.map((connection) => [connection.id, connection.name])),
      questionnaire: await model.questionnaires.get(application.key),
      metrics: await model.metrics.list(application.key),
      assessments: await model.applications.assessments(application.key),
      ...(error === undefined ? {} : { error }),
      ...(values === undefined ? {} : { values }),
    }),
  });
}
