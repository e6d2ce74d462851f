/** A CliContext that captures output, for running commands in-process. */

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import type { CliContext, InterruptSignal } from "../../src/cli/context.js";

export interface CapturedContext extends CliContext {
  readonly out: string[];
  readonly err: string[];
  /** Calls the interrupt handlers, as Ctrl+C (or `signal`) would. */
  interrupt(signal?: InterruptSignal): void;
}

let sharedHome: string | undefined;

/**
 * Returns a home folder for this test process, removed when it exits, so
 * that commands run without a `homedir` of their own never write to the
 * real `~/.infio` (its audit log, store and keys).
 */
function testProcessHome(): string {
  if (sharedHome === undefined) {
    const home = mkdtempSync(join(tmpdir(), "infio-test-home-"));
    process.once("exit", () => rmSync(home, { recursive: true, force: true }));
    sharedHome = home;
  }
  return sharedHome;
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
    homedir: overrides.homedir ?? testProcessHome(),
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
