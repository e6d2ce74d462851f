/**
 * The events of one job for one subscriber, as an async iterator, such as
 * a server-sent event stream. A subscriber that reads slowly gets every
 * state change but only the newest of several progress events in a row,
 * so its queue stays short however fast the job runs. The iterator ends
 * after the event of the job's final state.
 */

import { isFinal, type JobEvent } from "./job.js";

export class JobSubscription implements AsyncIterableIterator<JobEvent> {
  readonly #queue: JobEvent[] = [];
  readonly #onEnd: () => void;
  #waiting: ((result: IteratorResult<JobEvent>) => void) | undefined;
  /** No event is queued after the final state; the iterator ends once the queue is read. */
  #complete = false;
  #ended = false;

  /** `onEnd` runs once, when the iterator ends for any reason. */
  constructor(onEnd: () => void) {
    this.#onEnd = onEnd;
  }

  /** Queues `event`, or hands it to a waiting `next()`. */
  push(event: JobEvent): void {
    if (this.#complete || this.#ended) {
      return;
    }
    if (event.type === "state" && isFinal(event.job.state)) {
      this.#complete = true;
    }

    if (this.#waiting !== undefined) {
      const resolve = this.#waiting;
      this.#waiting = undefined;
      resolve({ done: false, value: event });
      return;
    }
    const last = this.#queue.at(-1);
    if (event.type === "progress" && last?.type === "progress") {
      this.#queue[this.#queue.length - 1] = event;
    } else {
      this.#queue.push(event);
    }
  }

  next(): Promise<IteratorResult<JobEvent>> {
    const event = this.#queue.shift();
    if (event !== undefined) {
      return Promise.resolve({ done: false, value: event });
    }
    if (this.#complete || this.#ended) {
      this.#end();
      return Promise.resolve({ done: true, value: undefined });
    }
    return new Promise((resolve) => {
      this.#waiting = resolve;
    });
  }

  /** Ends the iterator early, for example when the client disconnects. */
  return(): Promise<IteratorResult<JobEvent>> {
    this.#end();
    return Promise.resolve({ done: true, value: undefined });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  #end(): void {
    if (this.#ended) {
      return;
    }
    this.#ended = true;
    this.#queue.length = 0;
    const waiting = this.#waiting;
    this.#waiting = undefined;
    waiting?.({ done: true, value: undefined });
    this.#onEnd();
  }
}
