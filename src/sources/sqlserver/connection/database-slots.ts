/**
 * A counting semaphore for the databases a session holds open at once.
 * Waiters are served first come, first served.
 */
export class DatabaseSlots {
  #free: number;
  readonly #waiters: { resolve: () => void; reject: (error: Error) => void }[] = [];
  #closedWith: Error | undefined;

  constructor(count: number) {
    this.#free = count;
  }

  /** Takes a slot, waiting until one is released when none is free. */
  acquire(): Promise<void> {
    if (this.#closedWith !== undefined) {
      return Promise.reject(this.#closedWith);
    }
    if (this.#free > 0) {
      this.#free -= 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      this.#waiters.push({ resolve, reject });
    });
  }

  release(): void {
    const next = this.#waiters.shift();
    if (next !== undefined) {
      next.resolve();
      return;
    }
    this.#free += 1;
  }

  /** Rejects every waiter and every later acquire with `error`. */
  close(error: Error): void {
    this.#closedWith = error;
    for (const waiter of this.#waiters.splice(0)) {
      waiter.reject(error);
    }
  }
}
