/** Exit codes of `infio` and the errors that map to them. */

export const EXIT_OK = 0;
/** Something failed: the store, a file that could not be written. */
export const EXIT_FAILURE = 1;
/** Invalid usage: unknown option, bad value, missing path. */
export const EXIT_USAGE = 2;
/** Findings at or above `--fail-on`. */
export const EXIT_FINDINGS = 3;
/** Interrupted by Ctrl+C (SIGINT), as shells report 128 + signal 2. */
export const EXIT_INTERRUPTED = 130;
/** Stopped by SIGTERM (a service manager, `kill`), as shells report 128 + signal 15. */
export const EXIT_TERMINATED = 143;

/** Returns the exit code for a run stopped by `signal`. */
export function interruptExitCode(signal: "SIGINT" | "SIGTERM"): number {
  return signal === "SIGTERM" ? EXIT_TERMINATED : EXIT_INTERRUPTED;
}

/** A bad argument or option value; the message says what to pass instead. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** A failure that is not the user's input: a store, a file system. */
export class FailureError extends Error {
  override readonly name = "FailureError";
}
