/**
 * A fixed pool of worker threads that assess units. Each worker runs one
 * task at a time and has the next one queued, so that it starts the next
 * unit at once even while the main thread is busy writing to the store. Tasks wait
 * in a queue that the caller keeps short. A worker that dies is replaced,
 * and its running task ends as a skipped input that reports that infio
 * failed on it, so one bad file cannot stop the run.
 */

import { Worker } from "node:worker_threads";

import type { UnitOutcome, UnitTask } from "./unit-task.js";
import type { WorkerReply, WorkerSetup } from "./worker.js";

interface Job {
  readonly task: UnitTask;
  readonly resolve: (outcome: UnitOutcome) => void;
}

interface Slot {
  worker: Worker;
  /** Tasks sent to the worker, in the order it runs them; the first is running. */
  jobs: Job[];
}

const WORKER_URL = new URL("./worker.js", import.meta.url);

/** Tasks sent to a worker at a time: the one it runs and the next. */
const JOBS_PER_WORKER = 2;

export class WorkerPool {
  readonly size: number;
  readonly #setup: WorkerSetup;
  readonly #slots: Slot[] = [];
  readonly #queue: Job[] = [];
  #closed = false;

  constructor(size: number, setup: WorkerSetup) {
    this.size = Math.max(1, Math.floor(size));
    this.#setup = setup;
    for (let i = 0; i < this.size; i++) {
      this.#slots.push(this.#start());
    }
  }

  /** Assesses one unit; resolves with its outcome and never rejects. */
  run(task: UnitTask): Promise<UnitOutcome> {
    return new Promise((resolve) => {
      if (this.#closed) {
        resolve(failed(task, "the worker pool is closed"));
        return;
      }
      this.#queue.push({ task, resolve });
      this.#dispatch();
    });
  }

  /** Stops every worker; tasks still queued or running end as failed. */
  async close(): Promise<void> {
    this.#closed = true;
    const pending = this.#queue.splice(0);
    const slots = this.#slots.splice(0);
    for (const slot of slots) {
      pending.push(...slot.jobs.splice(0));
    }
    await Promise.all(slots.map((s) => s.worker.terminate()));
    for (const job of pending) {
      job.resolve(failed(job.task, "the run was stopped before this file was assessed"));
    }
  }

  #start(): Slot {
    const worker = new Worker(WORKER_URL, { workerData: this.#setup });
    const slot: Slot = { worker, jobs: [] };

    worker.on("message", (reply: WorkerReply) => {
      const job = slot.jobs.shift();
      if (job !== undefined) {
        job.resolve(reply.ok ? reply.outcome : failed(job.task, reply.error));
      }
      this.#dispatch();
    });
    worker.on("error", (error) => this.#replace(slot, error));
    worker.on("exit", (code) => {
      if (!this.#closed && this.#slots.includes(slot)) {
        this.#replace(slot, new Error(`worker thread exited with code ${code}`));
      }
    });
    return slot;
  }

  /**
   * Ends the dead worker's running task as failed, puts its next task back
   * in the queue and starts a new worker.
   */
  #replace(slot: Slot, error: Error): void {
    const index = this.#slots.indexOf(slot);
    if (index < 0 || this.#closed) {
      return;
    }

    const [job, ...held] = slot.jobs.splice(0);
    void slot.worker.terminate();
    this.#slots[index] = this.#start();
    this.#queue.unshift(...held);
    job?.resolve(failed(job.task, error.message));
    this.#dispatch();
  }

  /** Sends queued tasks to idle workers first, then one more to each. */
  #dispatch(): void {
    for (let depth = 1; depth <= JOBS_PER_WORKER; depth++) {
      for (const slot of this.#slots) {
        if (this.#queue.length === 0) {
          return;
        }
        if (slot.jobs.length >= depth) {
          continue;
        }

        const job = this.#queue.shift()!;
        // Bytes are copied, not transferred: a small Buffer shares its
        // ArrayBuffer with other Buffers, which a transfer would detach.
        try {
          slot.worker.postMessage(job.task);
          slot.jobs.push(job);
        } catch (error) {
          job.resolve(failed(job.task, error instanceof Error ? error.message : String(error)));
        }
      }
    }
  }
}

function failed(task: UnitTask, error: string): UnitOutcome {
  const firstLine = error.split("\n")[0] ?? error;
  return {
    seq: task.seq,
    kind: "skipped",
    skipped: {
      file: task.name,
      reason: "failed",
      message:
        `infio failed while assessing '${task.displayPath ?? task.path ?? task.name}': ${firstLine}; ` +
        "the other files were assessed; please report this with the file if you can share it",
    },
  };
}
