/**
 * Writes and reads the chunk tables, `finding_chunks` and `object_chunks`:
 * one row per chunk of consecutive rows, keyed by the ordinal of its first
 * row, with its row count and its packed plaintext (chunk-packing.ts)
 * sealed as one value, bound to both.
 */

import type { SqlSession } from "./connection.js";
import type { RowSealer } from "./sealing.js";
import { unpackChunk } from "./chunk-packing.js";

/** A table of sealed chunks. */
export type ChunkTable = "finding_chunks" | "object_chunks";

/** Returns the id a chunk's sealed data is bound to. */
export function chunkId(firstOrdinal: number, count: number): string {
  return `${firstOrdinal}+${count}`;
}

/**
 * Chunks inserted per statement at most, and base64 characters past which
 * the waiting chunks are inserted. A statement per chunk cost PGlite a
 * transaction per unit, and a megabyte keeps a statement's parameters small.
 */
const MAX_CHUNKS_PER_INSERT = 64;
const MAX_PENDING_CHARS = 1024 * 1024;

/** Chunk rows fetched per statement while reading. */
const CHUNKS_PER_READ = 16;

interface PendingChunk {
  readonly first: number;
  readonly count: number;
  /** The sealed value in base64, as bulk.ts explains. */
  readonly sealed: string;
}

/**
 * Seals chunks of one assessment's table as they come and inserts them a
 * few at a time. Nothing is written until {@link flush} runs or enough
 * chunks wait, so the caller flushes before it commits.
 */
export class ChunkWriter {
  readonly table: ChunkTable;
  /** Ordinal of the first row of the next chunk. */
  nextOrdinal = 0;
  readonly #session: SqlSession;
  readonly #assessmentKey: number;
  readonly #sealer: RowSealer;
  #pending: PendingChunk[] = [];
  #pendingChars = 0;

  constructor(session: SqlSession, table: ChunkTable, assessmentKey: number, sealer: RowSealer) {
    this.#session = session;
    this.table = table;
    this.#assessmentKey = assessmentKey;
    this.#sealer = sealer;
  }

  /** Adds a chunk of `count` rows whose plaintext is `packed`; empty chunks are skipped. */
  async add(count: number, packed: Uint8Array): Promise<void> {
    if (count === 0) {
      return;
    }

    const first = this.nextOrdinal;
    const sealed = this.#sealer.seal(this.table, chunkId(first, count), packed);
    this.#pending.push({ first, count, sealed: sealed.toString("base64") });
    this.#pendingChars += this.#pending[this.#pending.length - 1]!.sealed.length;
    this.nextOrdinal += count;

    if (this.#pending.length >= MAX_CHUNKS_PER_INSERT || this.#pendingChars >= MAX_PENDING_CHARS) {
      await this.flush();
    }
  }

  /**
   * Inserts the waiting chunks with one statement of one VALUES row each.
   * Plain text parameters pass through PGlite's serializer unchanged, where
   * a text[] parameter has every element escaped in JavaScript.
   */
  async flush(): Promise<void> {
    const chunks = this.#pending;
    if (chunks.length === 0) {
      return;
    }

    this.discard();
    const parameters: (number | string)[] = [this.#assessmentKey];
    const rows: string[] = [];
    for (const chunk of chunks) {
      const at = parameters.length;
      rows.push(`($1::bigint, $${at + 1}::integer, $${at + 2}::integer, decode($${at + 3}, 'base64'))`);
      parameters.push(chunk.first, chunk.count, chunk.sealed);
    }
    await this.#session.query(
      `insert into ${this.table} (assessment_key, first_ordinal, row_count, sealed) ` +
        `values ${rows.join(", ")}`,
      parameters,
    );
  }

  /** Drops the chunks that wait, for a writer that ends without them. */
  discard(): void {
    this.#pending = [];
    this.#pendingChars = 0;
  }
}

/**
 * Yields the rows of one assessment's chunks in saved order, a chunk at a
 * time, each decoded from its JSON text by `decode`.
 */
export async function* readChunks<T>(
  session: SqlSession,
  table: ChunkTable,
  assessmentKey: number,
  sealer: RowSealer,
  decode: (json: string) => T[],
): AsyncGenerator<T[]> {
  let from = 0;
  for (;;) {
    const rows = await session.query<{
      first_ordinal: number;
      row_count: number;
      sealed: string;
    }>(
      "select first_ordinal, row_count, encode(sealed, 'base64') as sealed " +
        `from ${table} ` +
        "where assessment_key = $1 and first_ordinal >= $2 " +
        "order by first_ordinal limit $3",
      [assessmentKey, from, CHUNKS_PER_READ],
    );

    for (const row of rows) {
      const first = Number(row.first_ordinal);
      const count = Number(row.row_count);
      // Chunks follow each other without gaps; a gap means a deleted row.
      if (first !== from) {
        throw new Error(
          `${table} rows ${from} to ${first - 1} of assessment ` +
            `'${sealer.assessmentId}' are missing; the store was altered, ` +
            "so restore it from a backup",
        );
      }

      // PostgreSQL breaks base64 lines at 76 characters; Buffer skips them.
      const sealed = Buffer.from(row.sealed, "base64");
      const opened = sealer.open(table, chunkId(first, count), sealed);
      const decoded = decode(unpackChunk(opened));
      if (decoded.length !== count) {
        throw new Error(
          `${table} chunk ${chunkId(first, count)} of assessment ` +
            `'${sealer.assessmentId}' holds ${decoded.length} rows instead of ` +
            `${count}; infio wrote it wrongly, so please report this`,
        );
      }
      yield decoded;
      from = first + count;
    }
    if (rows.length < CHUNKS_PER_READ) {
      return;
    }
  }
}
