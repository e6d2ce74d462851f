import type {
  AssessedObject,
  AssessedUnit,
  AssessmentSummary,
  Finding,
  ParseErrorRecord,
  SkippedInput,
} from "../assessment/model.js";
import { LOCK_NAMESPACE, writerLockKey } from "./advisory-locks.js";
import { insertRows } from "./bulk.js";
import { ChunkWriter } from "./chunk-rows.js";
import type { ReservedSession, SqlSession } from "./connection.js";
import { deleteAssessmentRows, deleteChildRows } from "./delete-rows.js";
import { StoreError, describeError } from "./errors.js";
import {
  checkFinding,
  encodeFindings,
  type FindingChunk,
} from "./finding-chunks.js";
import { encodeObjects } from "./object-chunks.js";
import { sealDetails, sealError } from "./sealed-header.js";
import type { RowSealer } from "./sealing.js";
import type { AssessmentDetails, AssessmentWriter } from "./store.js";
import {
  WRITER_TABLES,
  INVENTORY,
  PARSE_ERRORS,
  SKIPPED_INPUTS,
  UNITS,
  type InventoryRow,
  type TableSpec,
} from "./tables.js";
import { escapeJson } from "./text-escape.js";
import { UnitTextWriter } from "./unit-texts.js";

/** Rows buffered for one table, with the ordinal of the first of them. */
class RowBuffer<T> {
  readonly spec: TableSpec<T>;
  rows: T[] = [];
  nextOrdinal = 0;

  constructor(spec: TableSpec<T>) {
    this.spec = spec;
  }
}

type WriterState = "open" | "committed" | "aborted" | "failed" | "broken";

/**
 * Writes one running assessment through a reserved session that holds the
 * assessment's advisory lock, so that another process can tell this writer is
 * alive. Each chunk of rows is one statement, and chunk-rows.ts inserts up
 * to 64 finding or object chunks with one statement. Visibility changes
 * only at commit.
 */
export class SqlAssessmentWriter implements AssessmentWriter {
  readonly id: string;
  readonly #session: ReservedSession;
  readonly #key: number;
  readonly #chunkRows: number;
  readonly #units = new RowBuffer(UNITS);
  /** The unit added last, whose text {@link addUnitText} may store. */
  #lastUnit: { readonly ordinal: number; readonly file: string } | undefined;
  readonly #texts: UnitTextWriter;
  #objects: AssessedObject[] = [];
  readonly #objectChunks: ChunkWriter;
  #findings: Finding[] = [];
  readonly #findingChunks: ChunkWriter;
  readonly #parseErrors = new RowBuffer(PARSE_ERRORS);
  readonly #skipped = new RowBuffer(SKIPPED_INPUTS);
  readonly #inventory = new Map<string, RowBuffer<InventoryRow>>();
  #state: WriterState = "open";
  #error: unknown;
  #tail: Promise<unknown> = Promise.resolve();

  readonly #onEnd: () => void;
  readonly #sealer: RowSealer;
  readonly #destroyKey: () => Promise<unknown>;

  /**
   * `onEnd` runs once when the writer releases its session. Rows are sealed
   * with `sealer`; `destroyKey` destroys the data key when the run aborts.
   */
  constructor(
    id: string,
    session: ReservedSession,
    key: number,
    chunkRows: number,
    onEnd: () => void,
    sealer: RowSealer,
    destroyKey: () => Promise<unknown>,
  ) {
    this.id = id;
    this.#session = session;
    this.#key = key;
    this.#chunkRows = chunkRows;
    this.#onEnd = onEnd;
    this.#sealer = sealer;
    this.#destroyKey = destroyKey;
    this.#objectChunks = new ChunkWriter(session, "object_chunks", key, sealer);
    this.#findingChunks = new ChunkWriter(session, "finding_chunks", key, sealer);
    this.#texts = new UnitTextWriter(session, key, sealer);
  }

  /**
   * Drops the writer's session without cleaning up, for a store that is
   * closing. Its rows stay invisible, and the next openStore removes them
   * because the session's advisory lock ended with the session.
   */
  async abandon(): Promise<void> {
    if (this.#state !== "open" && this.#state !== "broken") {
      return;
    }

    this.#state = "broken";
    this.#error = this.#closedError("write");
    this.#discardBuffers();
    await this.#release(true);
  }

  addUnits(units: readonly AssessedUnit[]): Promise<void> {
    return this.#enqueue(async () => {
      const ordinal = this.#units.nextOrdinal + this.#units.rows.length + units.length - 1;
      await this.#add(this.#units, units);
      const last = units[units.length - 1];
      if (last !== undefined) {
        this.#lastUnit = { ordinal, file: last.file };
      }
    });
  }

  addUnitText(file: string, packed: Uint8Array): Promise<void> {
    return this.#enqueue(async () => {
      const unit = this.#lastUnit;
      if (unit?.file !== file) {
        throw new StoreError(
          "invalid-data",
          `cannot store the source text of '${file}': the unit added last is ` +
            `${unit === undefined ? "none" : `'${unit.file}'`}; add each text right after its unit`,
        );
      }
      await this.#texts.add(unit.ordinal, packed);
    });
  }

  /** Adds objects, which are stored in chunks of up to `chunkRows` objects. */
  addObjects(objects: readonly AssessedObject[]): Promise<void> {
    return this.#enqueue(async () => {
      for (const object of objects) {
        this.#objects.push(object);
        if (this.#objects.length >= this.#chunkRows) {
          await this.#flushObjects();
        }
      }
    });
  }

  addFindings(findings: readonly Finding[]): Promise<void> {
    return this.#enqueue(async () => {
      findings.forEach(checkFinding);
      for (const finding of findings) {
        this.#findings.push(finding);
        if (this.#findings.length >= this.#chunkRows) {
          await this.#flushFindings();
        }
      }
    });
  }

  /**
   * Adds findings that are already encoded, for example by a worker thread,
   * after the findings added before. The chunk is stored as it is.
   */
  addFindingChunk(chunk: FindingChunk): Promise<void> {
    return this.#enqueue(async () => {
      await this.#flushFindings();
      await this.#findingChunks.add(chunk.count, chunk.packed);
    });
  }

  addParseErrors(errors: readonly ParseErrorRecord[]): Promise<void> {
    return this.#enqueue(() => this.#add(this.#parseErrors, errors));
  }

  addSkipped(skipped: readonly SkippedInput[]): Promise<void> {
    return this.#enqueue(() => this.#add(this.#skipped, skipped));
  }

  addInventory(kind: string, items: readonly unknown[]): Promise<void> {
    return this.#enqueue(() => {
      let buffer = this.#inventory.get(kind);
      if (buffer === undefined) {
        buffer = new RowBuffer(INVENTORY);
        this.#inventory.set(kind, buffer);
      }
      return this.#add(buffer, items.map((item) => inventoryRow(kind, item)));
    });
  }

  commit(summary: AssessmentSummary, details: AssessmentDetails = {}): Promise<void> {
    return this.#enqueue(async () => {
      await this.#flushFindings();
      await this.#findingChunks.flush();
      await this.#flushObjects();
      await this.#objectChunks.flush();
      await this.#texts.flush();
      for (const buffer of this.#buffers()) {
        await this.#flush(buffer);
      }

      const summaryJson = JSON.stringify(escapeJson(summary));
      // The details name every object, so they travel as base64, for the
      // reason that bulk.ts gives.
      const sealedDetails = sealDetails(this.#sealer, details)?.toString("base64") ?? null;
      await this.#session.transaction(async (session) => {
        const updated = await session.query(
          "update assessments set status = 'complete', summary = $2::jsonb, " +
            "details = decode($3, 'base64'), finished_at = now() " +
            "where assessment_key = $1 and status = 'running' " +
            "returning assessment_key",
          [this.#key, summaryJson, sealedDetails],
        );
        if (updated.length !== 1) {
          throw new StoreError(
            "query-failed",
            `cannot commit assessment '${this.id}': it is no longer in the ` +
              "store as running, so another process removed it",
          );
        }
      });
      await this.#finish("committed");
    }, "commit");
  }

  abort(): Promise<void> {
    // The key goes first: rows left by a failed delete stay unreadable.
    return this.#close("aborted", async (session) => {
      await this.#destroyKey();
      await deleteAssessmentRows(session, this.#key, ["running"]);
    });
  }

  fail(reason: string): Promise<void> {
    return this.#close("failed", async (session) => {
      await deleteChildRows(session, this.#key, WRITER_TABLES);
      await session.query(
        "update assessments set status = 'failed', error = $2, " +
          "finished_at = now() where assessment_key = $1",
        [this.#key, sealError(this.#sealer, reason)],
      );
    });
  }

  /**
   * Ends the writer with `cleanup` in one transaction. Runs even after an
   * earlier error, because its purpose is to remove what that error left.
   */
  #close(
    state: WriterState,
    cleanup: (session: SqlSession) => Promise<unknown>,
  ): Promise<void> {
    const run = async (): Promise<void> => {
      if (this.#state !== "open" && this.#state !== "broken") {
        throw this.#closedError(state === "aborted" ? "abort" : "fail");
      }
      this.#discardBuffers();

      try {
        await this.#session.transaction(cleanup);
      } catch (error) {
        await this.#release(true);
        this.#state = "broken";
        throw wrap(`cannot clean up assessment '${this.id}'`, error);
      }
      await this.#finish(state);
    };

    const result = this.#tail.then(run, run);
    this.#tail = result.catch(() => undefined);
    return result;
  }

  async #add<T>(buffer: RowBuffer<T>, rows: readonly T[]): Promise<void> {
    for (const row of rows) {
      buffer.rows.push(row);
      if (buffer.rows.length >= this.#chunkRows) {
        await this.#flush(buffer);
      }
    }
  }

  async #flush<T>(buffer: RowBuffer<T>): Promise<void> {
    const rows = buffer.rows;
    if (rows.length === 0) {
      return;
    }

    buffer.rows = [];
    await insertRows(this.#session, buffer.spec, this.#key, buffer.nextOrdinal, rows, this.#sealer);
    buffer.nextOrdinal += rows.length;
  }

  async #flushFindings(): Promise<void> {
    const findings = this.#findings;
    if (findings.length === 0) {
      return;
    }

    this.#findings = [];
    const chunk = encodeFindings(findings);
    await this.#findingChunks.add(chunk.count, chunk.packed);
  }

  async #flushObjects(): Promise<void> {
    const objects = this.#objects;
    if (objects.length === 0) {
      return;
    }

    this.#objects = [];
    const chunk = encodeObjects(objects);
    await this.#objectChunks.add(chunk.count, chunk.packed);
  }

  // The buffers hold different row types; each is flushed with its own spec.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  #buffers(): RowBuffer<any>[] {
    return [
      this.#units,
      this.#parseErrors,
      this.#skipped,
      ...this.#inventory.values(),
    ];
  }

  #discardBuffers(): void {
    this.#findings = [];
    this.#findingChunks.discard();
    this.#objects = [];
    this.#objectChunks.discard();
    this.#texts.discard();
    for (const buffer of this.#buffers()) {
      buffer.rows = [];
    }
  }

  /**
   * Runs `step` after every earlier call. A failed step leaves the writer
   * broken: later steps reject with that error until abort or fail.
   */
  #enqueue(step: () => Promise<void>, name = "add rows to"): Promise<void> {
    const run = async (): Promise<void> => {
      if (this.#state === "broken") {
        throw this.#error;
      }
      if (this.#state !== "open") {
        throw this.#closedError(name);
      }

      try {
        await step();
      } catch (error) {
        this.#state = "broken";
        this.#error = wrap(`cannot ${name} assessment '${this.id}'`, error);
        throw this.#error;
      }
    };

    const result = this.#tail.then(run, run);
    this.#tail = result.catch(() => undefined);
    return result;
  }

  async #finish(state: WriterState): Promise<void> {
    this.#state = state;
    await this.#session.query("select pg_advisory_unlock($1, $2)", [
      LOCK_NAMESPACE,
      writerLockKey(this.#key),
    ]);
    await this.#release(false);
  }

  async #release(broken: boolean): Promise<void> {
    this.#onEnd();
    try {
      await this.#session.release(broken);
    } catch {
      // The session is gone either way; the caller's error matters more.
    }
  }

  #closedError(action: string): StoreError {
    return new StoreError(
      "writer-closed",
      `cannot ${action} assessment '${this.id}': its writer is already ` +
        (this.#state === "broken" ? "closed" : this.#state),
    );
  }
}

function inventoryRow(kind: string, item: unknown): InventoryRow {
  const json = JSON.stringify(escapeJson(item));
  if (json === undefined) {
    throw new StoreError(
      "invalid-data",
      `cannot store a ${kind} inventory item of type ${typeof item}: ` +
        "expected a JSON value",
    );
  }
  return { kind, json };
}

function wrap(context: string, error: unknown): StoreError {
  if (error instanceof StoreError) {
    return error;
  }
  return new StoreError("query-failed", `${context}: ${describeError(error)}`, {
    cause: error,
  });
}
