/**
 * The state of an assessment run as the server sends it, both as a
 * server-sent event from `/api/runs/ID/events` and as the JSON body of
 * `GET /api/runs/ID`.
 */

export type RunState = "queued" | "running" | "done" | "failed" | "cancelled";

export interface RunSnapshot {
  readonly id: string;
  readonly state: RunState;
  /** The run's current step, for example `parsing`. */
  readonly phase: string;
  readonly unitsDone: number;
  readonly unitsTotal: number;
  readonly lines: number;
  readonly findings: number;
  readonly elapsedMs: number;
  /** Set once the run is done. */
  readonly assessmentId?: string;
  /** The reason the run failed. */
  readonly error?: string;
}

const RUN_STATES: readonly RunState[] = [
  "queued",
  "running",
  "done",
  "failed",
  "cancelled",
];

/** True when the run will not change any more. */
export function isFinished(state: RunState): boolean {
  return state === "done" || state === "failed" || state === "cancelled";
}

/**
 * Checks a decoded payload and returns it as a snapshot, or throws an
 * error naming the first invalid field.
 */
export function parseRunSnapshot(value: unknown): RunSnapshot {
  if (typeof value !== "object" || value === null) {
    throw new Error("invalid run update: expected a JSON object");
  }

  const record = value as Record<string, unknown>;
  const state = record.state;
  if (!RUN_STATES.includes(state as RunState)) {
    throw new Error(`invalid run update: unknown state ${JSON.stringify(state)}`);
  }

  return {
    id: stringField(record, "id"),
    state: state as RunState,
    phase: stringField(record, "phase"),
    unitsDone: countField(record, "unitsDone"),
    unitsTotal: countField(record, "unitsTotal"),
    lines: countField(record, "lines"),
    findings: countField(record, "findings"),
    elapsedMs: countField(record, "elapsedMs"),
    assessmentId: optionalStringField(record, "assessmentId"),
    error: optionalStringField(record, "error"),
  };
}

function stringField(record: Record<string, unknown>, name: string): string {
  const value = record[name];
  if (typeof value !== "string") {
    throw new Error(`invalid run update: ${name} is not a string`);
  }

  return value;
}

function optionalStringField(
  record: Record<string, unknown>,
  name: string,
): string | undefined {
  const value = record[name];
  if (value === undefined || value === null) {
    return undefined;
  }

  return stringField(record, name);
}

function countField(record: Record<string, unknown>, name: string): number {
  const value = record[name];
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new Error(
      `invalid run update: ${name} is ${JSON.stringify(value)}, ` +
        "expected a number of at least 0",
    );
  }

  return value;
}
