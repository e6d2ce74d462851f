/**
 * Reads workload captures into a WorkloadSource: each file is streamed
 * once, its events are counted per normalised statement, and the distinct
 * statements become code units named `workload:<capture>#<n>`.
 */

import { createReadStream } from "node:fs";

import { sortedCounts, WorkloadAggregator } from "./aggregate.js";
import { scanCapture, MAX_VALUE_CHARS } from "./capture-events.js";
import { EXTENDED_EVENT_SQL_FIELD, PROFILER_EVENTS, type CaptureEvent } from "./event-fields.js";
import type { WorkloadCapture, WorkloadSource } from "./model.js";

/** One capture to read. */
export interface CaptureInput {
  /** The file as the user named it; it names the units and appears in messages. */
  readonly name: string;
  /** Opens the file's bytes. */
  readonly open: () => AsyncIterable<Uint8Array>;
}

export interface WorkloadRead {
  readonly source: WorkloadSource;
  /** Maximum characters buffered at once while tokenizing, over all captures. */
  readonly maxBufferedChars: number;
}

/** Bytes read from a capture file at a time. */
const CHUNK_BYTES = 64 * 1024;

/** Returns a CaptureInput that streams the file at `path`. */
export function captureFile(name: string, path: string): CaptureInput {
  return { name, open: () => createReadStream(path, { highWaterMark: CHUNK_BYTES }) };
}

export interface ReadWorkloadOptions {
  /** Called as each file is done, for progress. */
  readonly onCapture?: (capture: WorkloadCapture) => void;
  /** Stops reading between two chunks; the result is then incomplete, fit only to be discarded. */
  readonly signal?: AbortSignal;
}

/**
 * Reads every capture in order. Rejects with an XmlCaptureError for a
 * file that is not a capture or whose XML is invalid. A file that ends
 * early is kept, with a warning.
 */
export async function readWorkload(
  inputs: readonly CaptureInput[],
  options: ReadWorkloadOptions = {},
): Promise<WorkloadRead> {
  const aggregator = new WorkloadAggregator();
  const captures: WorkloadCapture[] = [];
  let maxBufferedChars = 0;

  for (const [index, input] of inputs.entries()) {
    const counts = new CaptureCounts();
    const scan = await scanCapture(
      input.name,
      input.open(),
      (event) => {
        if (counts.add(event)) {
          aggregator.add(event as CaptureEvent & { sql: string }, index);
        }
      },
      options.signal,
    );
    if (options.signal?.aborted === true) {
      break;
    }
    maxBufferedChars = Math.max(maxBufferedChars, scan.maxBufferedChars);

    const warnings: string[] = [];
    if (scan.truncation !== undefined) {
      warnings.push(
        `${scan.truncation}, so the file looks cut short; the ${scan.events} complete event(s) ` +
          "before that point were read, and the capture may be missing later ones",
      );
    }
    if (scan.oversized > 0) {
      warnings.push(
        `${scan.oversized} event(s) had SQL text longer than ${MAX_VALUE_CHARS} characters; ` +
          "they are counted with the events without SQL text and were not assessed",
      );
    }
    if (counts.statementEvents === 0) {
      warnings.push(
        "no event with SQL text was found; capture sql_batch_completed and rpc_completed " +
          "(or Profiler's SQL:BatchCompleted and RPC:Completed) with their text",
      );
    }

    const capture: WorkloadCapture = {
      file: input.name,
      format: scan.format!,
      bytes: scan.bytes,
      events: scan.events,
      statementEvents: counts.statementEvents,
      ignored: counts.ignoredRecord(),
      ...(counts.first === undefined ? {} : { firstEvent: counts.first }),
      ...(counts.last === undefined ? {} : { lastEvent: counts.last }),
      warnings,
    };
    captures.push(capture);
    options.onCapture?.(capture);
  }

  const statements = aggregator.statements(inputs.map((i) => i.name));
  return { source: { captures, statements }, maxBufferedChars };
}

/** The counts of one capture: events used, events left out by name, and the time range. */
class CaptureCounts {
  statementEvents = 0;
  first: string | undefined;
  last: string | undefined;
  readonly #ignored = new Map<string, number>();

  /** Counts the event; returns whether its SQL is to be aggregated. */
  add(event: CaptureEvent): boolean {
    const counted = EXTENDED_EVENT_SQL_FIELD[event.name] !== undefined || PROFILER_EVENTS.has(event.name);
    if (!counted || event.sql === undefined) {
      const reason = counted ? `${event.name} without SQL text` : event.name || "(no name)";
      this.#ignored.set(reason, (this.#ignored.get(reason) ?? 0) + 1);
      return false;
    }

    this.statementEvents++;
    if (event.time !== undefined) {
      if (this.first === undefined || event.time < this.first) {
        this.first = event.time;
      }
      if (this.last === undefined || event.time > this.last) {
        this.last = event.time;
      }
    }
    return true;
  }

  ignoredRecord(): Record<string, number> {
    return sortedCounts(this.#ignored);
  }
}
