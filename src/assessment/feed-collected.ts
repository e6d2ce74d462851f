/**
 * Feeds the items collected from a live server (or read from a bundle)
 * into an assessment. Modules become units for the worker pool and are
 * released in collection order, whatever order the workers finish in.
 * Inventory, the server header and problems go to the store's inventory
 * as they arrive. At most `maxInFlight` modules are assessed or waiting at
 * a time, and the collection is read only as fast as they are released,
 * so memory for modules in flight does not grow with their number.
 */

import {
  moduleUnitName,
  type CollectedItem,
  type CollectedModule,
  type CollectionProblem,
  type InventoryItem,
  type ServerHeader,
} from "../sources/sqlserver/collected.js";
import {
  LIVE_PARTS_KIND,
  LIVE_PROBLEMS_KIND,
  LIVE_SERVER_KIND,
  checkPartName,
} from "../store/live-inventory.js";
import type { AssessmentWriter } from "../store/index.js";
import { checkCollection } from "./live-policy.js";
import type { LiveSource } from "./model.js";
import type { WorkerPool } from "./pool.js";
import type { UnitOutcome } from "./unit-task.js";

/** The parts of the run's sink of outcomes that the feed uses. */
export interface OutcomeSink {
  /** Adds one outcome; called in collection order. */
  accept(outcome: UnitOutcome): Promise<void>;
  /** Counts one more module of `size` bytes, for progress. */
  progressed(size: number): void;
  /** Runs a store write and counts its time. */
  timed(action: () => Promise<void>): Promise<void>;
}

export interface FeedCollectedOptions {
  readonly pool: WorkerPool;
  readonly sink: OutcomeSink;
  readonly live: LiveRecorder;
  readonly maxInFlight: number;
  /** The server as the user named it, for messages. */
  readonly server: string;
  readonly signal?: AbortSignal;
}

/** A module in flight, with its size for progress. */
interface Pending {
  readonly outcome: Promise<UnitOutcome>;
  readonly size: number;
}

/**
 * Reads `items` to the end, or until the signal aborts. Rejects with a
 * CollectionError on a fatal problem or a failed collection, and with the
 * store's error when a write fails.
 */
export async function feedCollected(
  items: AsyncIterable<CollectedItem>,
  options: FeedCollectedOptions,
): Promise<void> {
  const { pool, sink, live } = options;
  const queue: Pending[] = [];
  let seq = 0;

  for await (const item of checkCollection(items, options.server)) {
    if (options.signal?.aborted === true) {
      return;
    }

    switch (item.kind) {
      case "server":
        await live.setServer(item.server);
        break;
      case "inventory":
        await live.addInventory(item.part, item.items);
        break;
      case "problem":
        await live.addProblem(item.problem);
        break;
      case "module":
        queue.push(assessModule(item.module, seq++, pool));
        break;
    }

    while (queue.length >= options.maxInFlight) {
      await release(queue.shift()!, sink);
    }
  }

  while (queue.length > 0 && options.signal?.aborted !== true) {
    await release(queue.shift()!, sink);
  }
}

/** Starts assessing a module; an encrypted one is skipped at once. */
function assessModule(module: CollectedModule, seq: number, pool: WorkerPool): Pending {
  const name = moduleUnitName(module);
  if (module.definition === null) {
    const outcome: UnitOutcome = {
      seq,
      kind: "skipped",
      skipped: {
        file: name,
        reason: "encrypted",
        message:
          `module ${name} was created WITH ENCRYPTION, so SQL Server returns ` +
          "no definition for it; assess its source script instead",
      },
    };
    return { outcome: Promise.resolve(outcome), size: 0 };
  }

  // A module's text cannot be read again for the report's code view, as a
  // script's can, so it is returned with the outcome.
  // NOTE: the texts stay in memory until the reports are written, like
  // the findings (see the Sink in run.ts).
  const outcome = pool.run({
    seq,
    name,
    text: module.definition,
    keepText: true,
    ...(module.database === "" ? {} : { database: module.database }),
    ...(module.usesQuotedIdentifier === undefined ? {} : { quotedIdentifier: module.usesQuotedIdentifier }),
  });
  return { outcome, size: module.definition.length * 2 };
}

async function release(pending: Pending, sink: OutcomeSink): Promise<void> {
  const outcome = await pending.outcome;
  await sink.accept(outcome);
  sink.progressed(pending.size);
}

/**
 * Keeps the live part of an assessment: writes each item to the store as
 * it arrives and keeps all of them in memory for the reports.
 */
export class LiveRecorder {
  readonly #writer: AssessmentWriter;
  readonly #sink: OutcomeSink;
  readonly #server: string;
  #header: ServerHeader | undefined;
  readonly #inventory: Record<string, InventoryItem[]> = {};
  readonly #problems: CollectionProblem[] = [];

  /** `server` is the address the user gave, for messages. */
  constructor(writer: AssessmentWriter, sink: OutcomeSink, server: string) {
    this.#writer = writer;
    this.#sink = sink;
    this.#server = server;
  }

  async setServer(header: ServerHeader): Promise<void> {
    if (this.#header !== undefined) {
      throw new Error(
        `the collection from '${this.#server}' contains a second server header ` +
          `('${header.name}' after '${this.#header.name}'); collect the server again`,
      );
    }

    this.#header = header;
    await this.#sink.timed(() => this.#writer.addInventory(LIVE_SERVER_KIND, [header]));
  }

  async addInventory(part: string, items: readonly InventoryItem[]): Promise<void> {
    checkPartName(part);
    let kept = this.#inventory[part];
    if (kept === undefined) {
      kept = [];
      this.#inventory[part] = kept;
      await this.#sink.timed(() => this.#writer.addInventory(LIVE_PARTS_KIND, [part]));
    }

    for (const item of items) {
      kept.push(item);
    }
    await this.#sink.timed(() => this.#writer.addInventory(part, items));
  }

  async addProblem(problem: CollectionProblem): Promise<void> {
    this.#problems.push(problem);
    await this.#sink.timed(() => this.#writer.addInventory(LIVE_PROBLEMS_KIND, [problem]));
  }

  /** Returns the live part; throws when the collection had no server header. */
  result(): LiveSource {
    if (this.#header === undefined) {
      throw new Error(
        `the collection from '${this.#server}' has no server header, so it is ` +
          "incomplete; collect the server again",
      );
    }
    return { server: this.#header, inventory: this.#inventory, problems: this.#problems };
  }
}
