/**
 * The pages that start assessment runs and follow them: the form, the
 * list of runs and one run's progress. A run is the user's own; admins
 * see every run (run-access.ts).
 */

import { hasPermission } from "../auth/roles.js";
import { runFormMain } from "../pages/run-form.js";
import { runListMain, runMain } from "../pages/runs.js";
import type { SafeHtml } from "../pages/html.js";
import { islandHeadTags, withHeadTags } from "../pages/islands.js";
import { declareRoute, type RouteContext, type RouteModule } from "./registry.js";
import { authorizeRun, visibleRuns } from "./run-access.js";
import {
  EMPTY_RUN_FORM,
  MAX_UPLOAD_FILES,
  readRunForm,
  RunFormError,
  type ReceivedRunForm,
  type RunFormValues,
} from "./run-form.js";
import { startRun } from "./run-start.js";

export const RUN_ROUTES: RouteModule = {
  name: "runs",
  routes: [
    declareRoute({
      method: "GET",
      url: "/runs",
      permission: "assessments.run",
      navigation: { label: "Runs", order: 20 },
      handler: (context) =>
        context.page({
          title: "Assessment runs",
          main: runListMain({
            runs: visibleRuns(context),
            everyone: context.user.role === "admin",
          }),
        }),
    }),
    declareRoute({
      method: "GET",
      url: "/runs/new",
      permission: "assessments.run",
      handler: (context) => {
        const query = context.request.query as Record<string, unknown> | undefined;
        const connection = typeof query?.connection === "string" ? query.connection : "";
        return formPage(context, { ...EMPTY_RUN_FORM, connection });
      },
    }),
    declareRoute({
      method: "POST",
      url: "/runs",
      permission: "assessments.run",
      // The default bodyLimit bounds URL-encoded forms only: Fastify does not
      // apply it to multipart bodies, which @fastify/multipart streams, so the
      // upload limits in readRunForm are what bound an upload.
      handler: (context) => submitRun(context),
    }),
    declareRoute({
      method: "GET",
      url: "/runs/:id",
      permission: "assessments.run",
      handler: async (context) => {
        const run = await authorizeRun(context, (context.request.params as { id: string }).id);
        const page = context.page({ title: `Run of ${run.label}`, main: runMain({ run }) });
        return withHeadTags(page, islandHeadTags());
      },
    }),
  ],
};

async function submitRun(context: RouteContext): Promise<unknown> {
  const { services, user, reply } = context;
  let form: ReceivedRunForm | undefined;
  try {
    form = await readRunForm(context.request, services.uploadLimits);
    const job = await startRun(context, form);
    services.log.info(`'${user.name}' queued run ${job.id}: ${job.kind} '${job.label}', target ${job.target}`);
    return reply.redirect(`/runs/${encodeURIComponent(job.id)}`, 303);
  } catch (error) {
    if (!(error instanceof RunFormError)) {
      throw error;
    }
    services.log.warn(`'${user.name}' could not start a run: ${error.message}`);
    if (error.field === "scripts") {
      // Rejected uploads, such as a zip bomb, are worth finding in the audit log.
      await context.audit.after({
        action: "assessment.upload",
        outcome: "failed",
        details: { via: "console", reason: error.message },
      });
    }
    reply.code(error.status);
    return formPage(context, form?.values ?? EMPTY_RUN_FORM, error);
  }
}

async function formPage(context: RouteContext, values: RunFormValues, error?: RunFormError): Promise<SafeHtml> {
  const connections = hasPermission(context.user.role, "connections.manage")
    ? await context.services.connections.list()
    : [];
  return context.page({
    title: "Start an assessment",
    main: runFormMain({
      csrfToken: context.csrfToken,
      values,
      connections,
      limits: context.services.uploadLimits,
      maxFiles: MAX_UPLOAD_FILES,
      ...(error === undefined ? {} : { error: { message: error.message, field: error.field } }),
    }),
  });
}
