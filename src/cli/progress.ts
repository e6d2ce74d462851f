/**
 * Progress of `infio assess` on standard error. On a terminal: one line
 * redrawn in place, with a bar, counts and the estimated time left. Elsewhere
 * (CI logs, redirected output): a plain line every two seconds. Nothing
 * with `--quiet`.
 */

import type { Progress } from "../assessment/run.js";
import type { OutputStream } from "./context.js";
import { safeCell } from "./table.js";

export interface ProgressDisplay {
  update(progress: Progress): void;
  /** Removes the bar before a log line is written. */
  clear(): void;
  /** Draws the bar again after a log line. */
  redraw(): void;
  /** Removes the bar for good. */
  stop(): void;
}

export interface ProgressOptions {
  readonly quiet: boolean;
  /** Milliseconds since some fixed point. */
  readonly clock?: () => number;
  /** Interval of plain lines, in milliseconds. */
  readonly lineInterval?: number;
  /** Least time between redraws of the bar, in milliseconds. */
  readonly barInterval?: number;
}

const BAR_WIDTH = 24;

export function createProgress(
  stream: OutputStream,
  options: ProgressOptions,
): ProgressDisplay {
  if (options.quiet) {
    return { update() {}, clear() {}, redraw() {}, stop() {} };
  }

  const clock = options.clock ?? (() => performance.now());
  return stream.isTTY === true
    ? new TerminalProgress(stream, clock, options.barInterval ?? 100)
    : new LineProgress(stream, clock, options.lineInterval ?? 2000);
}

/** The bar; `\r` and erase-line keep it on one line. */
class TerminalProgress implements ProgressDisplay {
  readonly #stream: OutputStream;
  readonly #clock: () => number;
  readonly #interval: number;
  readonly #started: number;
  #last: Progress | undefined;
  #drawnAt = -Infinity;
  #shown = false;

  constructor(stream: OutputStream, clock: () => number, interval: number) {
    this.#stream = stream;
    this.#clock = clock;
    this.#interval = interval;
    this.#started = clock();
  }

  update(progress: Progress): void {
    this.#last = progress;
    const now = this.#clock();
    if (now - this.#drawnAt >= this.#interval) {
      this.#drawnAt = now;
      this.redraw();
    }
  }

  clear(): void {
    if (this.#shown) {
      this.#stream.write("\r\x1b[2K");
      this.#shown = false;
    }
  }

  redraw(): void {
    if (this.#last === undefined) {
      return;
    }
    const line = barLine(this.#last, this.#clock() - this.#started);
    const width = (this.#stream.columns ?? 80) - 1;
    this.#stream.write(`\r\x1b[2K${safeCell(line).slice(0, Math.max(10, width))}`);
    this.#shown = true;
  }

  stop(): void {
    this.clear();
    this.#last = undefined;
  }
}

/** Plain lines at a fixed interval, for logs that keep every line. */
class LineProgress implements ProgressDisplay {
  readonly #stream: OutputStream;
  readonly #clock: () => number;
  readonly #interval: number;
  readonly #started: number;
  #writtenAt: number;

  constructor(stream: OutputStream, clock: () => number, interval: number) {
    this.#stream = stream;
    this.#clock = clock;
    this.#interval = interval;
    this.#started = clock();
    this.#writtenAt = this.#started;
  }

  update(progress: Progress): void {
    const now = this.#clock();
    if (now - this.#writtenAt < this.#interval) {
      return;
    }
    this.#writtenAt = now;
    const stamp = new Date().toISOString();
    this.#stream.write(`${stamp} info  ${plainLine(progress, now - this.#started)}\n`);
  }

  clear(): void {}
  redraw(): void {}
  stop(): void {}
}

/** `[#####-----]  45%  120/300 files  2.1 MB/s  ETA 0:12` */
export function barLine(p: Progress, elapsedMs: number): string {
  const fraction = fractionDone(p);
  const parts: string[] = [];
  if (fraction !== undefined) {
    const filled = Math.round(fraction * BAR_WIDTH);
    parts.push(`[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}]`);
    parts.push(`${Math.floor(fraction * 100).toString().padStart(3)}%`);
  }
  parts.push(filesText(p));
  parts.push(`${formatCount(p.lines)} lines`);
  parts.push(`${rate(p.bytes, elapsedMs)} MB/s`);
  const left = remainingMs(p, elapsedMs);
  if (left !== undefined) {
    parts.push(`ETA ${formatDuration(left)}`);
  }
  return parts.join("  ");
}

/** `assessed 120 of 300 files (45%), 240,000 lines, about 0:12 left` */
export function plainLine(p: Progress, elapsedMs: number): string {
  const fraction = fractionDone(p);
  const percent = fraction === undefined ? "" : ` (${Math.floor(fraction * 100)}%)`;
  const left = remainingMs(p, elapsedMs);
  const eta = left === undefined ? "" : `, about ${formatDuration(left)} left`;
  return `assessed ${filesText(p)}${percent}, ${formatCount(p.lines)} lines${eta}`;
}

function filesText(p: Progress): string {
  return p.totals === undefined
    ? `${formatCount(p.files)} files`
    : `${formatCount(p.files)}/${formatCount(p.totals.files)} files`;
}

/** Share done by bytes, which track work better than file counts. */
function fractionDone(p: Progress): number | undefined {
  if (p.totals === undefined) {
    return undefined;
  }
  if (p.totals.bytes > 0) {
    return Math.min(1, p.bytes / p.totals.bytes);
  }
  return p.totals.files > 0 ? Math.min(1, p.files / p.totals.files) : undefined;
}

function remainingMs(p: Progress, elapsedMs: number): number | undefined {
  const fraction = fractionDone(p);
  if (fraction === undefined || fraction <= 0 || elapsedMs <= 0) {
    return undefined;
  }
  return (elapsedMs / fraction) * (1 - fraction);
}

function rate(bytes: number, elapsedMs: number): string {
  if (elapsedMs <= 0) {
    return "0.0";
  }
  return (bytes / 1e6 / (elapsedMs / 1000)).toFixed(1);
}

/** `0:07`, `12:30`, `1:02:03`. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = (total % 60).toString().padStart(2, "0");
  if (hours > 0) {
    return `${hours}:${minutes.toString().padStart(2, "0")}:${seconds}`;
  }
  return `${minutes}:${seconds}`;
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}
