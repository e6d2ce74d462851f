/**
 * Follows a run's progress: server-sent events from `/api/runs/ID/events`,
 * and polling of `GET /api/runs/ID` when the event stream fails or the
 * browser has no EventSource. Both stop once the run has finished.
 */

import { isFinished, parseRunSnapshot, type RunSnapshot } from "./run-snapshot";

export const POLL_INTERVAL_MS = 2000;

export interface RunListener {
  onSnapshot(snapshot: RunSnapshot): void;
  /** A problem to show the user, or undefined once updates arrive again. */
  onProblem(message: string | undefined): void;
}

// Statuses that will not change by asking again: the user is signed out,
// lacks the permission, or the run does not exist.
const FINAL_STATUSES = new Set([401, 403, 404, 410]);

/** Starts following a run and returns the function that stops it. */
export function subscribeToRun(
  runId: string,
  listener: RunListener,
): () => void {
  const runUrl = `/api/runs/${encodeURIComponent(runId)}`;
  let stopped = false;
  let source: EventSource | undefined;
  let pollTimer: number | undefined;
  let pollRequest: AbortController | undefined;

  const stop = (): void => {
    stopped = true;
    source?.close();
    window.clearTimeout(pollTimer);
    pollRequest?.abort();
  };

  const accept = (value: unknown): void => {
    const snapshot = parseRunSnapshot(value);
    if (snapshot.id !== runId) {
      throw new Error(
        `invalid run update: it is for run ${JSON.stringify(snapshot.id)}, ` +
          `not ${JSON.stringify(runId)}`,
      );
    }

    listener.onProblem(undefined);
    listener.onSnapshot(snapshot);
    if (isFinished(snapshot.state)) {
      stop();
    }
  };

  const poll = async (): Promise<void> => {
    pollRequest = new AbortController();

    try {
      const response = await fetch(runUrl, {
        headers: { accept: "application/json" },
        cache: "no-store",
        signal: pollRequest.signal,
      });

      if (response.ok) {
        accept(await response.json());
      } else {
        listener.onProblem(statusProblem(response.status));
        if (FINAL_STATUSES.has(response.status)) {
          stop();
        }
      }
    } catch (error) {
      if (stopped) {
        return;
      }

      listener.onProblem(
        `Could not read the run's progress (${errorText(error)}); ` +
          `retrying every ${POLL_INTERVAL_MS / 1000} s.`,
      );
    }

    if (!stopped) {
      pollTimer = window.setTimeout(() => void poll(), POLL_INTERVAL_MS);
    }
  };

  if (typeof EventSource !== "function") {
    void poll();
    return stop;
  }

  source = new EventSource(`${runUrl}/events`);

  source.onmessage = (event: MessageEvent<string>) => {
    try {
      accept(JSON.parse(event.data));
    } catch (error) {
      listener.onProblem(`Ignored a progress update: ${errorText(error)}.`);
    }
  };

  // EventSource would reconnect by itself, but an error can also mean the
  // server or a proxy does not stream at all, so polling takes over for the
  // rest of the run.
  source.onerror = () => {
    source?.close();
    if (!stopped) {
      void poll();
    }
  };

  return stop;
}

function statusProblem(status: number): string {
  switch (status) {
    case 401:
      return "You are signed out. Sign in again to follow this run.";
    case 403:
      return "Your role does not allow following this run.";
    case 404:
    case 410:
      return "This run was not found. It may have been purged.";
    default:
      return (
        `The server returned HTTP ${status} for the run's progress; ` +
        `retrying every ${POLL_INTERVAL_MS / 1000} s.`
      );
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
