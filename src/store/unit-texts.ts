/**
 * Writes and reads `unit_texts`: the source text of each code unit, packed
 * by unit-text-packing.ts and sealed under the assessment's data key, bound
 * to the unit's ordinal. Texts arrive one unit at a time as units complete
 * and are inserted a few at a time, so the writer buffers about a megabyte
 * of them at most. A reader opens only the texts it requests.
 */

import { readAll } from "./assessment-reader.js";
import type { SqlSession } from "./connection.js";
import { StoreError } from "./errors.js";
import type { RowSealer } from "./sealing.js";
import type { UnitTexts } from "./store.js";
import { UNITS } from "./tables.js";
import { escapeText } from "./text-escape.js";
import { unpackUnitText } from "./unit-text-packing.js";

const TABLE = "unit_texts";

/**
 * Texts inserted per statement at most, and base64 characters past which
 * the waiting texts are inserted: as for finding chunks (chunk-rows.ts),
 * few statements while keeping each one's parameters small.
 */
const MAX_TEXTS_PER_INSERT = 64;
const MAX_PENDING_CHARS = 1024 * 1024;

/** Texts fetched per statement while reading. */
const TEXTS_PER_READ = 16;

interface PendingText {
  readonly ordinal: number;
  /** The sealed value in base64, as bulk.ts explains. */
  readonly sealed: string;
}

/**
 * Seals the texts of one assessment's units as they come and inserts them
 * a few at a time. Nothing is written until {@link flush} runs or enough
 * texts wait, so the caller flushes before it commits.
 */
export class UnitTextWriter {
  readonly #session: SqlSession;
  readonly #assessmentKey: number;
  readonly #sealer: RowSealer;
  #pending: PendingText[] = [];
  #pendingChars = 0;

  constructor(session: SqlSession, assessmentKey: number, sealer: RowSealer) {
    this.#session = session;
    this.#assessmentKey = assessmentKey;
    this.#sealer = sealer;
  }

  /** Adds the packed text of the unit stored at `ordinal` in `units`. */
  async add(ordinal: number, packed: Uint8Array): Promise<void> {
    const sealed = this.#sealer.seal(TABLE, String(ordinal), packed).toString("base64");
    this.#pending.push({ ordinal, sealed });
    this.#pendingChars += sealed.length;

    if (this.#pending.length >= MAX_TEXTS_PER_INSERT || this.#pendingChars >= MAX_PENDING_CHARS) {
      await this.flush();
    }
  }

  /** Inserts the waiting texts with one statement. */
  async flush(): Promise<void> {
    const texts = this.#pending;
    if (texts.length === 0) {
      return;
    }

    this.discard();
    const parameters: (number | string)[] = [this.#assessmentKey];
    const rows: string[] = [];
    for (const text of texts) {
      const at = parameters.length;
      rows.push(`($1::bigint, $${at + 1}::integer, decode($${at + 2}, 'base64'))`);
      parameters.push(text.ordinal, text.sealed);
    }
    await this.#session.query(
      `insert into ${TABLE} (assessment_key, ordinal, sealed) values ${rows.join(", ")}`,
      parameters,
    );
  }

  /** Drops the texts that wait, for a writer that ends without them. */
  discard(): void {
    this.#pending = [];
    this.#pendingChars = 0;
  }
}

/**
 * Reads the texts of the units named `files` of a complete assessment.
 * Units are found by name through the `units` rows, so a name that is no
 * unit of the assessment is left out of the result.
 */
export async function readUnitTexts(
  session: SqlSession,
  id: string,
  files: readonly string[],
  openSealer: (id: string) => Promise<RowSealer>,
): Promise<UnitTexts> {
  const [row] = await session.query<{ assessment_key: string | number; source_kept: boolean | null }>(
    "select assessment_key, source_kept from assessments where id = $1 and status = 'complete'",
    [escapeText(id)],
  );
  if (row === undefined) {
    return { status: "not-found" };
  }
  if (row.source_kept === null) {
    return { status: "not-stored" };
  }
  if (!row.source_kept) {
    return { status: "not-kept" };
  }

  const key = Number(row.assessment_key);
  const sealer = await openSealer(id);
  const ordinals = await unitOrdinals(session, key, sealer, files);
  const texts = new Map<string, string>();
  const requested = [...ordinals.entries()];
  for (let at = 0; at < requested.length; at += TEXTS_PER_READ) {
    const batch = requested.slice(at, at + TEXTS_PER_READ);
    const found = await readBatch(session, key, sealer, batch.map(([, ordinal]) => ordinal));
    for (const [file, ordinal] of batch) {
      texts.set(file, found.get(ordinal)!);
    }
  }
  return { status: "kept", texts };
}

/** Maps each name of `files` that is a unit to the unit's ordinal; the first unit of a name wins. */
async function unitOrdinals(
  session: SqlSession,
  key: number,
  sealer: RowSealer,
  files: readonly string[],
): Promise<Map<string, number>> {
  const names = new Set(files);
  const ordinals = new Map<string, number>();
  const units = await readAll(session, UNITS, key, sealer);
  units.forEach((unit, ordinal) => {
    if (names.has(unit.file) && !ordinals.has(unit.file)) {
      ordinals.set(unit.file, ordinal);
    }
  });
  return ordinals;
}

/** Opens the texts stored at `ordinals`; every one must be there. */
async function readBatch(
  session: SqlSession,
  key: number,
  sealer: RowSealer,
  ordinals: readonly number[],
): Promise<Map<number, string>> {
  const rows = await session.query<{ ordinal: number; sealed: string }>(
    `select ordinal, encode(sealed, 'base64') as sealed from ${TABLE} ` +
      "where assessment_key = $1 and ordinal = any($2::integer[])",
    [key, ordinals],
  );

  const texts = new Map<number, string>();
  for (const row of rows) {
    const ordinal = Number(row.ordinal);
    // PostgreSQL breaks base64 lines at 76 characters; Buffer skips them.
    const opened = sealer.open(TABLE, String(ordinal), Buffer.from(row.sealed, "base64"));
    texts.set(ordinal, unpackUnitText(opened));
  }

  // Every unit of an assessment that kept its texts has one.
  const missing = ordinals.find((ordinal) => !texts.has(ordinal));
  if (missing !== undefined) {
    throw new StoreError(
      "decrypt-failed",
      `${TABLE} row ${missing} of assessment '${sealer.assessmentId}' is ` +
        "missing; the store was altered, so restore it from a backup",
    );
  }
  return texts;
}
