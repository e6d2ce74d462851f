/**
 * An mssql request in stream mode as an async iterator of rows. Rows are
 * queued as the driver emits them. Past the high-water mark the request
 * is paused, which stops tedious reading the socket, so the server waits
 * and memory stays bounded. A consumer that stops early cancels the
 * request (an ATTENTION to the server) and waits until the driver ends
 * it, so the connection returns to the pool ready for the next query. An
 * abort of the stream's signal does the same at once, even while the
 * consumer waits for a row, and the stream then rejects with the reason.
 */

import type { Row } from "../reader.js";

/** The parts of mssql's Request that the stream uses. */
export interface StreamingRequest {
  stream: boolean | null;
  pause(): unknown;
  resume(): unknown;
  cancel(): unknown;
  on(event: "row", listener: (row: Row) => void): unknown;
  on(event: "error", listener: (error: unknown) => void): unknown;
  on(event: "done", listener: () => void): unknown;
  query(command: string): Promise<unknown>;
}

export interface RowStreamOptions {
  /** Rows queued before the request is paused. */
  readonly highWaterMark: number;
  /**
   * How long the consumer may wait for the next row before the request is
   * cancelled as timed out. It runs only while the consumer waits, so a
   * slow consumer never times out a request.
   */
  readonly idleTimeoutMs: number;
  /** Cancels the request when aborted; the stream then rejects with the reason. */
  readonly signal?: AbortSignal;
}

/** The statement timeout, raised as the driver's own ETIMEOUT would be. */
export class StatementTimeoutError extends Error {
  override readonly name = "StatementTimeoutError";
  readonly code = "ETIMEOUT";
}

export const DEFAULT_HIGH_WATER_MARK = 500;

/** Starts `command` on `request` and returns its rows as they arrive. */
export function streamRows(request: StreamingRequest, command: string, options: RowStreamOptions): AsyncIterableIterator<Row> {
  const queue: Row[] = [];
  const lowWaterMark = Math.floor(options.highWaterMark / 2);
  let paused = false;
  let finished = false;
  let failure: unknown;
  let stopping = false;
  let wake: (() => void) | undefined;
  let whenFinished: Promise<void> | undefined;
  let notifyFinished: (() => void) | undefined;

  const signal = (): void => {
    const waiter = wake;
    wake = undefined;
    waiter?.();
  };

  request.stream = true;
  request.on("row", (row) => {
    if (stopping) {
      return;
    }
    queue.push(row);
    if (!paused && queue.length >= options.highWaterMark) {
      paused = true;
      request.pause();
    }
    signal();
  });
  request.on("error", (error) => {
    // The first error is the informative one; a cancel after it, or
    // after the consumer stopped, adds nothing.
    if (!stopping && failure === undefined) {
      failure = error;
    }
    signal();
  });
  const abortSignal = options.signal;
  const onAbort = (): void => {
    cancel();
    signal();
  };
  const finish = (): void => {
    finished = true;
    abortSignal?.removeEventListener("abort", onAbort);
    notifyFinished?.();
    signal();
  };

  request.on("done", finish);
  // In stream mode the outcome arrives as events; the promise only
  // settles after them.
  request.query(command).catch((error: unknown) => {
    failure ??= error;
    finish();
  });
  abortSignal?.addEventListener("abort", onAbort, { once: true });

  const untilFinished = (): Promise<void> => {
    if (finished) {
      return Promise.resolve();
    }
    whenFinished ??= new Promise((resolve) => {
      notifyFinished = resolve;
    });
    return whenFinished;
  };

  /** Cancels the request unless it has finished or is being cancelled. */
  function cancel(): void {
    if (!finished && !stopping) {
      stopping = true;
      queue.length = 0;
      // tedious resumes a paused request itself to read the acknowledgement.
      request.cancel();
    }
  }

  /** Cancels the request and waits until the driver has ended it. */
  const stop = async (): Promise<void> => {
    cancel();
    await untilFinished();
  };

  const waitForRow = (): Promise<boolean> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        wake = undefined;
        resolve(false);
      }, options.idleTimeoutMs);
      wake = () => {
        clearTimeout(timer);
        resolve(true);
      };
    });

  const iterator: AsyncIterableIterator<Row> = {
    async next(): Promise<IteratorResult<Row>> {
      for (;;) {
        if (abortSignal?.aborted === true) {
          await stop();
          throw abortSignal.reason;
        }
        if (failure !== undefined) {
          // The driver ends a failed request itself; waiting for that
          // releases its connection before the caller retries.
          queue.length = 0;
          if (paused) {
            paused = false;
            request.resume();
          }
          await untilFinished();
          throw failure;
        }
        const row = queue.shift();
        if (row !== undefined) {
          if (paused && queue.length <= lowWaterMark) {
            paused = false;
            request.resume();
          }
          return { value: row, done: false };
        }
        if (finished) {
          return { value: undefined, done: true };
        }

        if (!(await waitForRow())) {
          await stop();
          throw new StatementTimeoutError(`no rows arrived within ${options.idleTimeoutMs}ms`);
        }
      }
    },
    async return(): Promise<IteratorResult<Row>> {
      await stop();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
