/**
 * Asks the server to cancel a run. The request carries the page's CSRF
 * token in the `x-csrf-token` header, as every state-changing request must.
 */

import { csrfToken } from "./page-data";

/**
 * Sends `POST /api/runs/ID/cancel`. Resolves once the server accepted the
 * request (the run's state then changes through the progress updates), or
 * throws an error with a message to show the user.
 */
export async function cancelRun(runId: string): Promise<void> {
  const token = csrfToken();
  if (token === undefined) {
    throw new Error(
      "Cancel failed: this page has no CSRF token. Reload the page and try again.",
    );
  }

  let response: Response;
  try {
    response = await fetch(`/api/runs/${encodeURIComponent(runId)}/cancel`, {
      method: "POST",
      headers: { "x-csrf-token": token, accept: "application/json" },
      cache: "no-store",
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cancel failed: the server could not be reached (${reason}).`);
  }

  if (!response.ok) {
    throw new Error(
      `Cancel failed: the server returned HTTP ${response.status}. ` +
        "Reload the page and try again.",
    );
  }
}
