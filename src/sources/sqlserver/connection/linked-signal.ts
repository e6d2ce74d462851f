/**
 * One AbortSignal for a query that must stop when either the session
 * closes or the caller aborts.
 */

export interface LinkedSignal {
  /** Undefined when no signal was given. */
  readonly signal: AbortSignal | undefined;
  /** Removes the listeners on the given signals; call it when the query ends. */
  dispose(): void;
}

/**
 * Returns a signal that aborts with the reason of the first of `signals`
 * to abort. Its listeners are removed by `dispose`, so a session's signal,
 * which lives as long as the session, does not keep one per query.
 */
export function linkSignals(signals: readonly (AbortSignal | undefined)[]): LinkedSignal {
  const given = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  if (given.length <= 1) {
    return { signal: given[0], dispose: () => {} };
  }

  const controller = new AbortController();
  const aborted = given.find((signal) => signal.aborted);
  if (aborted !== undefined) {
    controller.abort(aborted.reason);
    return { signal: controller.signal, dispose: () => {} };
  }

  const listeners = given.map((signal) => {
    const listener = (): void => controller.abort(signal.reason);
    signal.addEventListener("abort", listener, { once: true });
    return { signal, listener };
  });
  return {
    signal: controller.signal,
    dispose: () => {
      for (const { signal, listener } of listeners) {
        signal.removeEventListener("abort", listener);
      }
    },
  };
}
