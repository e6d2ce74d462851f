/**
 * CPU time per thread of this process while a run lasts, read from
 * `/proc/self/task/<tid>/stat` (Linux only). Threads that start during the
 * run are the pool's worker threads, because Node.js starts V8's helper
 * threads and libuv's thread pool before a benchmark starts its run, and
 * each worker is one thread. A thread's figures vanish from /proc when it
 * exits, so the sampler reads them every `intervalMs` and keeps the last
 * reading. The pool's workers idle while the store commits, so the last
 * reading misses little of their time.
 */

import { readdirSync, readFileSync } from "node:fs";

/** Seconds of CPU per thread kind, from the start of sampling. */
export interface ThreadTimes {
  readonly main: number;
  /** One entry per thread that started while sampling. */
  readonly workers: readonly number[];
  /** The rest of the process: V8's helper threads and libuv's pool. */
  readonly other: number;
}

/**
 * Clock ticks per second in /proc stat files. Linux reports them in
 * USER_HZ, which is 100 on every architecture Node.js supports.
 */
const TICKS_PER_SECOND = 100;

export class ThreadSampler {
  readonly #before = new Map<number, number>();
  readonly #latest = new Map<number, number>();
  readonly #timer: NodeJS.Timeout;
  readonly #cpuStarted = process.cpuUsage();

  constructor(intervalMs = 200) {
    for (const [tid, ticks] of readThreads()) {
      this.#before.set(tid, ticks);
    }
    this.#timer = setInterval(() => this.#sample(), intervalMs);
    this.#timer.unref();
  }

  /** Stops sampling; undefined where /proc is missing. */
  stop(): ThreadTimes | undefined {
    clearInterval(this.#timer);
    this.#sample();
    const cpu = process.cpuUsage(this.#cpuStarted);
    if (this.#latest.size === 0) {
      return undefined;
    }

    let main = 0;
    const workers: number[] = [];
    for (const [tid, ticks] of this.#latest) {
      const seconds = (ticks - (this.#before.get(tid) ?? 0)) / TICKS_PER_SECOND;
      if (tid === process.pid) {
        main = seconds;
      } else if (!this.#before.has(tid)) {
        workers.push(seconds);
      }
    }
    const total = (cpu.user + cpu.system) / 1e6;
    const other = Math.max(0, total - main - workers.reduce((a, b) => a + b, 0));
    return { main, workers, other };
  }

  #sample(): void {
    for (const [tid, ticks] of readThreads()) {
      this.#latest.set(tid, ticks);
    }
  }
}

/** Returns user plus system clock ticks per thread id; empty without /proc. */
function readThreads(): Map<number, number> {
  const threads = new Map<number, number>();
  let tids: string[];
  try {
    tids = readdirSync("/proc/self/task");
  } catch {
    return threads;
  }

  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
      // The command name in brackets may contain spaces, so fields are
      // counted from its closing bracket: utime and stime are fields 14
      // and 15 of the line, the 12th and 13th after it.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      threads.set(Number(tid), Number(fields[11]) + Number(fields[12]));
    } catch {
      // The thread exited between the listing and the read.
    }
  }
  return threads;
}
