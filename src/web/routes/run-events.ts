/**
 * A run's progress as a server-sent event stream, in the format of the
 * WHATWG HTML standard's "Server-sent events" section. Each change is one
 * unnamed event: its data is the run's JSON snapshot and its id the job's
 * event number. The stream starts with the current snapshot and ends after
 * the final state. A comment line every heartbeat interval keeps proxies
 * from closing an idle stream, and a client that disconnects ends its
 * subscription.
 */

import { once } from "node:events";
import { PassThrough } from "node:stream";

import type { JobEvent, JobRunner } from "../jobs/index.js";
import type { ConsoleLogger } from "../server/services.js";
import { runJson } from "./run-access.js";

/** 15 seconds, well inside the idle timeouts of common proxies (often 60 s). */
export const DEFAULT_HEARTBEAT_MS = 15_000;

export interface RunEventStreamOptions {
  readonly runner: JobRunner;
  readonly runId: string;
  readonly heartbeatMs: number;
  readonly log: ConsoleLogger;
}

/**
 * Returns the stream of the run's events, for `reply.send`, or undefined
 * when the runner no longer keeps the run. Fastify destroys the stream when
 * the client disconnects, which ends the subscription.
 */
export function runEventStream(options: RunEventStreamOptions): PassThrough | undefined {
  const controller = new AbortController();
  const subscription = options.runner.subscribe(options.runId, controller.signal);
  if (subscription === undefined) {
    return undefined;
  }

  const stream = new PassThrough();
  let ended = false;
  stream.on("close", () => {
    if (!ended) {
      options.log.info(`progress stream of run ${options.runId} closed by the client before the run ended`);
    }
    controller.abort();
  });

  const heartbeat = setInterval(() => {
    if (!stream.destroyed) {
      stream.write(": heartbeat\n\n");
    }
  }, options.heartbeatMs);
  heartbeat.unref();

  const forward = async (): Promise<void> => {
    for await (const event of subscription) {
      if (stream.destroyed) {
        break;
      }
      // Waiting for the client to read lets the subscription keep only the
      // newest progress event, so a slow client gets a short queue.
      if (!stream.write(eventText(event))) {
        await once(stream, "drain", { signal: controller.signal }).catch(() => undefined);
      }
    }
  };
  forward()
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      options.log.error(`progress stream of run ${options.runId} failed: ${message}`);
    })
    .finally(() => {
      ended = true;
      clearInterval(heartbeat);
      if (!stream.destroyed) {
        stream.end();
      }
    });
  return stream;
}

/** Formats one event. JSON.stringify writes no line breaks, so the data fits one `data:` line. */
function eventText(event: JobEvent): string {
  return `id: ${event.sequence}\ndata: ${JSON.stringify(runJson(event.job))}\n\n`;
}
