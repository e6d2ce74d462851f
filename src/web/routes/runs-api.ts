/**
 * The JSON API of assessment runs, which the run-progress island uses: a
 * run's snapshot, its progress events, and cancelling it. Every route
 * checks that the user may see the run (run-access.ts).
 */

import { HttpError, notFound } from "../server/http-error.js";
import { authorizeRun, runJson } from "./run-access.js";
import { DEFAULT_HEARTBEAT_MS, runEventStream } from "./run-events.js";
import { declareRoute, type RouteContext, type RouteModule } from "./registry.js";

export interface RunApiOptions {
  /** Milliseconds between heartbeat comments of an event stream. */
  readonly heartbeatMs?: number;
}

/** Builds the run API's routes; tests pass a short heartbeat. */
export function runApiRoutes(options: RunApiOptions = {}): RouteModule {
  const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  return {
    name: "runs-api",
    routes: [
      declareRoute({
        method: "GET",
        url: "/api/runs/:id",
        permission: "assessments.run",
        handler: async (context) => runJson(await authorizeRun(context, runId(context))),
      }),
      declareRoute({
        method: "GET",
        url: "/api/runs/:id/events",
        permission: "assessments.run",
        handler: (context) => sendEvents(context, heartbeatMs),
      }),
      declareRoute({
        method: "POST",
        url: "/api/runs/:id/cancel",
        permission: "assessments.run",
        handler: (context) => cancelRun(context),
      }),
    ],
  };
}

export const RUN_API_ROUTES: RouteModule = runApiRoutes();

async function sendEvents(context: RouteContext, heartbeatMs: number): Promise<unknown> {
  const { services, reply } = context;
  const job = await authorizeRun(context, runId(context));

  const stream = runEventStream({ runner: services.runner, runId: job.id, heartbeatMs, log: services.log });
  if (stream === undefined) {
    // The runner dropped the run between the check and the subscription.
    throw notFound("The run");
  }
  return reply.type("text/event-stream; charset=utf-8").send(stream);
}

/**
 * Cancels a run. The cancel is recorded before it is asked for; the run's
 * own end entry follows once it has stopped.
 */
async function cancelRun(context: RouteContext): Promise<unknown> {
  const { services, user } = context;
  const job = await authorizeRun(context, runId(context));
  if (job.state !== "queued" && job.state !== "running") {
    throw new HttpError(409, `The run has already ended (${job.state}); there is nothing to cancel.`);
  }

  await context.audit.before({
    action: "run.cancel",
    outcome: "started",
    objects: { run: job.id, ...(job.assessmentId === undefined ? {} : { assessment: job.assessmentId }) },
    details: { via: "console", owner: job.owner, state: job.state },
  });
  const cancelled = services.runner.cancel(job.id) ?? job;
  services.log.info(`run ${job.id} of '${job.owner}': cancel requested by '${user.name}'`);
  return runJson(cancelled);
}

function runId(context: RouteContext): string {
  return (context.request.params as { id: string }).id;
}
