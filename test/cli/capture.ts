/** A CliContext that captures output, for running commands in-process. */

import { homedir } from "node:os";

import type { CliContext, InterruptSignal } from "../../src/cli/context.js";

export interface CapturedContext extends CliContext {
  readonly out: string[];
  readonly err: string[];
  /** Calls the interrupt handlers, as Ctrl+C (or `signal`) would. */
  interrupt(signal?: InterruptSignal): void;
}

export function captureContext(overrides: Partial<CliContext> = {}): CapturedContext {
  const out: string[] = [];
  const err: string[] = [];
  const handlers = new Set<(signal: InterruptSignal) => void>();
  return {
    out,
    err,
    stdout: { write: (t: string) => out.push(t), isTTY: false },
    stderr: { write: (t: string) => err.push(t), isTTY: false },
    readStdin: async () => new Uint8Array(),
    env: {},
    cwd: process.cwd(),
    platform: "linux",
    homedir: homedir(),
    onInterrupt: (handler) => {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    interrupt: (signal = "SIGINT") => {
      for (const h of handlers) {
        h(signal);
      }
    },
    ...overrides,
  };
}
