/**
 * Log lines on standard error: `2025-03-04T05:06:07.089Z info message`.
 * Each message stays on one line, because its control characters, line
 * breaks included, are escaped.
 * `--quiet` drops info lines; warnings and errors always show. Every line
 * goes through a redactor, by default the credential patterns of
 * redact.ts; `main` also masks the run's known secrets in the stream itself.
 */

import { redactPatterns } from "../security/secrets/redact.js";
import type { OutputStream } from "./context.js";
import { safeCell } from "./table.js";

export type LogLevel = "info" | "warn" | "error";

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface LoggerOptions {
  readonly quiet?: boolean;
  readonly now?: () => Date;
  /** Called before a line is written, to clear a progress bar. */
  readonly beforeWrite?: () => void;
  /** Called after a line is written, to redraw a progress bar. */
  readonly afterWrite?: () => void;
  /** Masks secrets in each line; redactPatterns when not given. */
  readonly redact?: (text: string) => string;
}

export function createLogger(stream: OutputStream, options: LoggerOptions = {}): Logger {
  const now = options.now ?? (() => new Date());
  const redact = options.redact ?? redactPatterns;
  const write = (level: LogLevel, message: string): void => {
    if (level === "info" && options.quiet === true) {
      return;
    }
    options.beforeWrite?.();
    // Messages quote file and object names from the assessed code, which
    // may hide terminal escape sequences or a line break that would forge
    // a log line, so every line break is escaped too.
    stream.write(`${now().toISOString()} ${level.padEnd(5)} ${safeCell(redact(message))}\n`);
    options.afterWrite?.();
  };

  return {
    info: (message) => write("info", message),
    warn: (message) => write("warn", message),
    error: (message) => write("error", message),
  };
}
