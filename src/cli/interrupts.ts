/** Turns SIGINT and SIGTERM into an AbortSignal for the length of one command. */

import type { CliContext, InterruptSignal } from "./context.js";
import { interruptExitCode } from "./errors.js";

export interface InterruptWatch {
  /** Aborted at the first interrupt. */
  readonly signal: AbortSignal;
  /** The exit code for the signal received: 130 for SIGINT, 143 for SIGTERM. */
  exitCode(): number;
  /** Removes the handler; later signals get the process's default handling. */
  stop(): void;
}

/** Starts watching; `onInterrupt` runs once, at the first signal. */
export function watchInterrupts(
  ctx: CliContext,
  onInterrupt: (signal: InterruptSignal) => void,
): InterruptWatch {
  const controller = new AbortController();
  let received: InterruptSignal | undefined;

  const remove = ctx.onInterrupt((signal) => {
    if (received !== undefined) {
      return;
    }
    received = signal;
    onInterrupt(signal);
    controller.abort(new Error(`interrupted by ${signal}`));
  });

  return {
    signal: controller.signal,
    exitCode: () => interruptExitCode(received ?? "SIGINT"),
    stop: remove,
  };
}
