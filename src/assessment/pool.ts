/**
 * A fixed pool of worker threads that assess units. Each worker takes one
 * task at a time; tasks wait in a queue that the caller keeps short. A
 * worker that dies is replaced, and its task ends as a skipped input that
 * reports that infio failed on it, so one bad file cannot stop the run.
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
  job?: Job;
}

const WORKER_URL = new URL("./worker.js", import.meta.url);

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
      if (slot.job !== undefined) {
        pending.push(slot.job);
        slot.job = undefined;
      }
    }
    await Promise.all(slots.map((s) => s.worker.terminate()));
    for (const job of pending) {
      job.resolve(failed(job.task, "the run was stopped before this file was assessed"));
    }
  }

  #start(): Slot {
    const worker = new Worker(WORKER_URL, { workerData: this.#setup });
    const slot: Slot = { worker };

    worker.on("message", (reply: WorkerReply) => {
      const job = slot.job;
      slot.job = undefined;
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

  /** Ends the dead worker's task as failed and starts a new worker. */
  #replace(slot: Slot, error: Error): void {
    const index = this.#slots.indexOf(slot);
    if (index < 0 || this.#closed) {
      return;
    }

    const job = slot.job;
    slot.job = undefined;
    void slot.worker.terminate();
    this.#slots[index] = this.#start();
    job?.resolve(failed(job.task, error.message));
    this.#dispatch();
  }

  #dispatch(): void {
    for (const slot of this.#slots) {
      if (this.#queue.length === 0) {
        return;
      }
      if (slot.job !== undefined) {
        continue;
      }

      const job = this.#queue.shift()!;
      // Bytes are copied, not transferred: a small Buffer shares its
      // ArrayBuffer with other Buffers, which a transfer would detach.
      try {
        slot.worker.postMessage(job.task);
        slot.job = job;
      } catch (error) {
        job.resolve(failed(job.task, error instanceof Error ? error.message : String(error)));
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
