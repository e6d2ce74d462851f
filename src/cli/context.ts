/**
 * What a command needs from the outside world, passed in so that tests can
 * run commands in-process with captured output and a fake environment.
 */

export interface OutputStream {
  write(text: string): unknown;
  /** True when the stream is a terminal; progress bars need one. */
  readonly isTTY?: boolean;
  /** Terminal width in characters, when known. */
  readonly columns?: number;
}

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
   * Calls `handler` on an interrupt (Ctrl+C); returns a function that
   * removes it.
   */
  readonly onInterrupt: (handler: () => void) => () => void;
}
