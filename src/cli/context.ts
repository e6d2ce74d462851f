/**
 * What a command needs from the outside world, passed in so that tests can
 * run commands in-process with captured output and a fake environment.
 */

import type { TerminalInput, TerminalOutput } from "../security/secrets/prompt.js";
import type { SecretRegistry } from "./run-secrets.js";

export interface OutputStream {
  write(text: string): unknown;
  /** True when the stream is a terminal; progress bars need one. */
  readonly isTTY?: boolean;
  /** Terminal width in characters, when known. */
  readonly columns?: number;
}

/** The signals that stop a run cleanly. */
export type InterruptSignal = "SIGINT" | "SIGTERM";

export interface CliContext {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** Reads all of standard input, for the PATH `-`. */
  readonly readStdin: () => Promise<Uint8Array>;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly platform: NodeJS.Platform;
  readonly homedir: string;
  /**
   * The terminal that password prompts read without echo; absent when
   * standard input is not a terminal.
   */
  readonly terminal?: { readonly input: TerminalInput; readonly output: TerminalOutput };
  /**
   * Calls `handler` on an interrupt (Ctrl+C, SIGTERM) with the signal's
   * name; returns a function that removes it.
   */
  readonly onInterrupt: (handler: (signal: InterruptSignal) => void) => () => void;
  /**
   * The secrets of this run. `main` sets it and masks them in stdout and
   * stderr; commands add each password they read.
   */
  readonly secrets?: SecretRegistry;
}
