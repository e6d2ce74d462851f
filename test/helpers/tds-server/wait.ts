/**
 * Waits `ms` milliseconds, or less when `signal` aborts. Handlers use it to
 * play a slow server: the client's timeout sends ATTENTION, which aborts
 * the signal, and the server then acknowledges the cancel.
 */
export function waitOrAbort(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }

    const timer = setTimeout(done, ms);

    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }

    signal.addEventListener("abort", done, { once: true });
  });
}
