import type { Assessment, Finding } from "../assessment/model.js";
import { LOCK_NAMESPACE, writerLockKey } from "./advisory-locks.js";
import {
  findCompleteKey,
  readAssessment,
  readInventory,
  readListings,
} from "./assessment-reader.js";
import { SqlAssessmentWriter } from "./assessment-writer.js";
import type { ReservedSession, SqlConnection, SqlSession } from "./connection.js";
import { deleteAssessmentRows } from "./delete-rows.js";
import { StoreError, describeError } from "./errors.js";
import type {
  AssessmentHeader,
  AssessmentListing,
  AssessmentWriter,
  DeleteResult,
  Store,
  UnitTexts,
} from "./store.js";
import { readFindingChunks, rechunk } from "./finding-rows.js";
import { writeLiveSource } from "./live-inventory.js";
import { writeWorkloadSource } from "./workload-inventory.js";
import { writeCostSection } from "./cost-inventory.js";
import { writeReadiness } from "./readiness-inventory.js";
import { writeDependencyGraph } from "./dependency-inventory.js";
import { sealSources } from "./sealed-header.js";
import type { RowSealer } from "./sealing.js";
import type { StoreKeys } from "./store-keys.js";
import { escapeText, unescapeText } from "./text-escape.js";
import { readUnitTexts } from "./unit-texts.js";

/** Rows per insert statement; each chunk is one round trip. */
export const DEFAULT_CHUNK_ROWS = 10_000;

const UNIQUE_VIOLATION = "23505";

export interface SqlStoreOptions {
  readonly location: string;
  /** The data keys that seal each assessment's rows. */
  readonly keys: StoreKeys;
  readonly chunkRows?: number;
  /** Runs after the connection is closed, for example to drop a lock file. */
  readonly onClose?: () => Promise<void>;
}

/** The store over PGlite or a PostgreSQL server. */
export class SqlStore implements Store {
  readonly kind: "embedded" | "server";
  readonly location: string;
  readonly #connection: SqlConnection;
  readonly #keys: StoreKeys;
  readonly #chunkRows: number;
  readonly #onClose: () => Promise<void>;
  readonly #writers = new Set<SqlAssessmentWriter>();
  #closed = false;

  constructor(connection: SqlConnection, options: SqlStoreOptions) {
    this.kind = connection.kind;
    this.location = options.location;
    this.#connection = connection;
    this.#keys = options.keys;
    this.#chunkRows = options.chunkRows ?? DEFAULT_CHUNK_ROWS;
    this.#onClose = options.onClose ?? (async () => {});
  }

  /** The underlying connection, for maintenance tools and tests. */
  get connection(): SqlConnection {
    return this.#connection;
  }

  async beginAssessment(header: AssessmentHeader): Promise<AssessmentWriter> {
    const startedAt = Date.parse(header.startedAt);
    if (Number.isNaN(startedAt)) {
      throw new StoreError(
        "invalid-data",
        `invalid startedAt '${header.startedAt}' in assessment ` +
          `'${header.id}': expected an ISO 8601 time`,
      );
    }

    // An existing id is reported before its data key could be touched.
    const existing = await this.#run(`begin assessment '${header.id}'`, () =>
      this.#connection.query("select 1 from assessments where id = $1", [
        escapeText(header.id),
      ]),
    );
    if (existing.length > 0) {
      throw headerError(header.id, { code: UNIQUE_VIOLATION });
    }
    const sealer = await this.#keys.create(header.id);
    const destroyKey = () => this.#keys.destroy(header.id);

    let session: ReservedSession;
    try {
      session = await this.#run("begin an assessment", () =>
        this.#connection.reserve(),
      );
    } catch (error) {
      await destroyKey().catch(() => undefined);
      throw error;
    }
    try {
      const key = await session.transaction((tx) => insertHeader(tx, header, sealer));
      const writer: SqlAssessmentWriter = new SqlAssessmentWriter(
        header.id,
        session,
        key,
        this.#chunkRows,
        () => this.#writers.delete(writer),
        sealer,
        destroyKey,
      );
      this.#writers.add(writer);
      return writer;
    } catch (error) {
      await session.release(true);
      // Nothing of the assessment was stored, so its new key goes too.
      await destroyKey().catch(() => undefined);
      throw headerError(header.id, error);
    }
  }

  async saveAssessment(assessment: Assessment): Promise<void> {
    const writer = await this.beginAssessment(assessment);
    try {
      await writer.addUnits(assessment.units);
      await writer.addObjects(assessment.objects);
      await writer.addFindings(assessment.findings);
      await writer.addParseErrors(assessment.parseErrors);
      await writer.addSkipped(assessment.skipped);
      if (assessment.live !== undefined) {
        await writeLiveSource(writer, assessment.live);
      }
      if (assessment.workload !== undefined) {
        await writeWorkloadSource(writer, assessment.workload);
      }
      if (assessment.cost !== undefined) {
        await writeCostSection(writer, assessment.cost);
      }
      if (assessment.readiness !== undefined) {
        await writeReadiness(writer, assessment.readiness);
      }
      if (assessment.dependencies !== undefined) {
        await writeDependencyGraph(writer, assessment.dependencies);
      }
      await writer.commit(assessment.summary, {
        ...(assessment.overrides === undefined ? {} : { overrides: assessment.overrides }),
        ...(assessment.effort === undefined ? {} : { effort: assessment.effort }),
        ...(assessment.comparison === undefined ? {} : { comparison: assessment.comparison }),
      });
    } catch (error) {
      await writer.abort().catch(() => undefined);
      throw error;
    }
  }

  getAssessment(id: string): Promise<Assessment | undefined> {
    return this.#run(`read assessment '${id}'`, () =>
      this.#connection.transaction(async (session) => {
        await setSnapshot(session);
        return readAssessment(session, id, this.#openSealer);
      }),
    );
  }

  async *iterateFindings(
    id: string,
    chunkRows = this.#chunkRows,
  ): AsyncIterable<readonly Finding[]> {
    const context = `read findings of assessment '${id}'`;
    const key = await this.#run(context, () =>
      findCompleteKey(this.#connection, id),
    );
    if (key === undefined) {
      return;
    }

    const sealer = await this.#keys.open(id);
    const stored = readFindingChunks(this.#connection, key, sealer);
    const chunks = rechunk(stored, chunkRows)[Symbol.asyncIterator]();
    for (;;) {
      const next = await this.#run(context, () => chunks.next());
      if (next.done === true) {
        return;
      }
      yield next.value;
    }
  }

  getUnitTexts(id: string, files: readonly string[]): Promise<UnitTexts> {
    return this.#run(`read the source texts of assessment '${id}'`, () =>
      this.#connection.transaction(async (session) => {
        await setSnapshot(session);
        return readUnitTexts(session, id, files, this.#openSealer);
      }),
    );
  }

  getInventory(id: string, kind: string): Promise<unknown[]> {
    return this.#run(`read the inventory of assessment '${id}'`, () =>
      this.#connection.transaction(async (session) => {
        await setSnapshot(session);
        const key = await findCompleteKey(session, id);
        if (key === undefined) {
          return [];
        }
        return readInventory(session, key, kind, await this.#keys.open(id));
      }),
    );
  }

  listAssessments(): Promise<AssessmentListing[]> {
    return this.#run("list assessments", () =>
      readListings(this.#connection, this.#openSealer),
    );
  }

  deleteAssessment(id: string): Promise<DeleteResult> {
    return this.#run(`delete assessment '${id}'`, () =>
      this.#connection.transaction(async (session) => {
        const rows = await session.query<{
          assessment_key: string | number;
          status: string;
        }>(
          "select assessment_key, status from assessments " +
            "where id = $1 for update",
          [escapeText(id)],
        );
        if (rows.length === 0) {
          return "not-found";
        }
        if (rows[0].status === "running") {
          return "running";
        }

        // Destroying the key first shreds every copy of the rows, even if
        // this transaction is rolled back afterwards. A wrong master key
        // fails the check before anything is destroyed.
        await this.#keys.checkOpens(id);
        await this.#keys.destroy(id);
        const key = Number(rows[0].assessment_key);
        await deleteAssessmentRows(session, key, ["complete", "failed"]);
        return "deleted";
      }),
    );
  }

  /**
   * Removes running assessments whose writer is gone, because their rows
   * were never committed. A live writer holds its advisory lock, so trying
   * that lock distinguishes the two. Returns the ids removed.
   */
  removeInterrupted(): Promise<string[]> {
    return this.#run("remove interrupted assessments", async () => {
      const running = await this.#connection.query<{
        assessment_key: string | number;
        id: string;
      }>("select assessment_key, id from assessments where status = 'running'");

      const removed: string[] = [];
      for (const row of running) {
        const id = unescapeText(row.id);
        if (await this.#removeIfAbandoned(Number(row.assessment_key), id)) {
          removed.push(id);
        }
      }
      return removed;
    });
  }

  async close(): Promise<void> {
    if (this.#closed) {
      return;
    }

    this.#closed = true;
    // A server pool waits for sessions still reserved, so a writer left open
    // would keep close() waiting forever.
    for (const writer of [...this.#writers]) {
      await writer.abandon();
    }
    try {
      await this.#connection.close();
    } finally {
      this.#keys.close();
      await this.#onClose();
    }
  }

  readonly #openSealer = (id: string): Promise<RowSealer> => this.#keys.open(id);

  async #removeIfAbandoned(key: number, id: string): Promise<boolean> {
    const session = await this.#connection.reserve();
    const lock = [LOCK_NAMESPACE, writerLockKey(key)];
    let broken = false;
    try {
      const [row] = await session.query<{ locked: boolean }>(
        "select pg_try_advisory_lock($1, $2) as locked",
        lock,
      );
      if (!row.locked) {
        return false;
      }

      await this.#keys.destroy(id);
      await session.transaction((tx) =>
        deleteAssessmentRows(tx, key, ["running"]),
      );
      await session.query("select pg_advisory_unlock($1, $2)", lock);
      return true;
    } catch (error) {
      // Discarding the connection also drops the lock if it was taken.
      broken = true;
      throw error;
    } finally {
      await session.release(broken);
    }
  }

  async #run<T>(context: string, action: () => Promise<T>): Promise<T> {
    if (this.#closed) {
      throw new StoreError(
        "query-failed",
        `cannot ${context}: the store at ${this.location} is closed`,
      );
    }

    try {
      return await action();
    } catch (error) {
      if (error instanceof StoreError) {
        throw error;
      }
      throw new StoreError(
        "query-failed",
        `cannot ${context} in the store at ${this.location}: ` +
          describeError(error),
        { cause: error },
      );
    }
  }
}

/** Inserts the running assessment and takes its writer lock. */
async function insertHeader(
  session: SqlSession,
  header: AssessmentHeader,
  sealer: RowSealer,
): Promise<number> {
  const [row] = await session.query<{ assessment_key: string | number }>(
    "insert into assessments (id, status, started_at, infio_version, target, sources, source_kept) " +
      "values ($1, 'running', $2, $3, $4, $5, $6) returning assessment_key",
    [
      escapeText(header.id),
      header.startedAt,
      escapeText(header.infioVersion),
      escapeText(header.target),
      sealSources(sealer, header.sources),
      header.sourceKept === true,
    ],
  );
  const key = Number(row.assessment_key);

  // The lock is taken before the row commits, so no cleanup can see the row
  // without its lock. A session-level lock outlives this transaction.
  await session.query("select pg_advisory_lock($1, $2)", [
    LOCK_NAMESPACE,
    writerLockKey(key),
  ]);
  return key;
}

function headerError(id: string, error: unknown): StoreError {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === UNIQUE_VIOLATION) {
    return new StoreError(
      "duplicate-id",
      `cannot begin assessment '${id}': an assessment with this id already ` +
        "exists; give the new run a fresh id",
      { cause: error },
    );
  }
  if (error instanceof StoreError) {
    return error;
  }
  return new StoreError(
    "query-failed",
    `cannot begin assessment '${id}': ${describeError(error)}`,
    { cause: error },
  );
}

/** Makes the rest of the transaction read one consistent snapshot. */
async function setSnapshot(session: SqlSession): Promise<void> {
  await session.exec("set transaction isolation level repeatable read");
}
