/**
 * The audit log as PostgreSQL tables, for the embedded (PGlite) and server
 * stores alike. Entries are kept as their canonical JSON text, so that the
 * hash is checked over exactly what was written.
 */

import type { SqlConnection, SqlSession } from "../../store/connection.js";
import { describeError, fail, ok, type Result } from "../errors.js";
import type { AuditLog, AuditLogOptions } from "./audit-log.js";
import { chainEntry, entryHash, entryLine, headOf, type AuditEntry, type AuditEvent, type AuditHead } from "./entry.js";
import { checkEvent, parseEntry, parseHead } from "./parse.js";
import { verifyChain, type AuditVerification, type StoredEntry } from "./verify.js";

// NOTE: these tables are created here on first use; once the store's
// migrations own the security tables, this statement moves there.
const SCHEMA = `
  create table if not exists infio_audit_log (
    seq bigint primary key,
    entry text not null
  );
  create table if not exists infio_audit_head (
    id smallint primary key check (id = 1),
    head text not null
  )`;

const PAGE_ROWS = 500;

export class SqlAuditLog implements AuditLog {
  readonly #connection: SqlConnection;
  readonly #options: AuditLogOptions;

  private constructor(connection: SqlConnection, options: AuditLogOptions) {
    this.#connection = connection;
    this.#options = options;
  }

  /** Creates the tables when missing and returns the log. */
  static async open(connection: SqlConnection, options: AuditLogOptions = {}): Promise<Result<SqlAuditLog>> {
    try {
      await connection.exec(SCHEMA);
      return ok(new SqlAuditLog(connection, options));
    } catch (error) {
      return fail("io-failed", `cannot create the audit log tables: ${describeError(error)}`, error);
    }
  }

  async append(event: AuditEvent): Promise<Result<AuditEntry>> {
    const checked = checkEvent(event, this.#options.redact);
    if (!checked.ok) {
      return checked;
    }

    try {
      return await this.#connection.transaction(async (session) => {
        // EXCLUSIVE mode lets readers in but keeps a second writer waiting
        // until this transaction ends, so sequence numbers never repeat.
        await session.exec("lock table infio_audit_log in exclusive mode");
        const last = await readLast(session);
        if (!last.ok) {
          return last;
        }

        const now = this.#options.now?.() ?? new Date();
        const entry = chainEntry(last.value, checked.value, now, this.#options.macKey);
        const head = JSON.stringify(headOf(entry, this.#options.macKey));
        await session.query("insert into infio_audit_log (seq, entry) values ($1, $2)", [
          entry.seq,
          entryLine(entry).trimEnd(),
        ]);
        await session.query(
          "insert into infio_audit_head (id, head) values (1, $1) " +
            "on conflict (id) do update set head = excluded.head",
          [head],
        );
        return ok(entry);
      });
    } catch (error) {
      return fail("io-failed", `cannot append to the audit log table: ${describeError(error)}`, error);
    }
  }

  async verify(): Promise<Result<AuditVerification>> {
    try {
      const head = await readHead(this.#connection);
      const verification = await verifyChain(this.#rows(), {
        head,
        positionName: "row",
        ...(this.#options.macKey === undefined ? {} : { macKey: this.#options.macKey }),
      });
      return ok(verification);
    } catch (error) {
      return fail("io-failed", `cannot read the audit log table: ${describeError(error)}`, error);
    }
  }

  async *entries(): AsyncIterable<AuditEntry> {
    for await (const row of this.#rows()) {
      const entry = parseEntry(row.text);
      if (typeof entry === "string") {
        return;
      }
      yield entry;
    }
  }

  /** Reads rows in pages by sequence number, so memory stays bounded. */
  async *#rows(): AsyncIterable<StoredEntry> {
    let after = 0;
    let position = 0;
    for (;;) {
      const rows = await this.#connection.query<{ seq: unknown; entry: string }>(
        "select seq, entry from infio_audit_log where seq > $1 order by seq limit $2",
        [after, PAGE_ROWS],
      );
      for (const row of rows) {
        position += 1;
        yield { position, text: row.entry, complete: true };
      }
      if (rows.length < PAGE_ROWS) {
        return;
      }
      after = Number(rows[rows.length - 1]!.seq);
    }
  }
}

async function readLast(session: SqlSession): Promise<Result<AuditHead | undefined>> {
  const rows = await session.query<{ entry: string }>(
    "select entry from infio_audit_log order by seq desc limit 1",
  );
  const head = await readHead(session);
  const damaged = (reason: string): Result<never> =>
    fail(
      "audit-damaged",
      `cannot append to the audit log table: ${reason}; nothing was written. Run 'infio audit verify' for details`,
    );

  if (head === "invalid") {
    return damaged("its head record is damaged");
  }
  const text = rows[0]?.entry;
  if (text === undefined) {
    return head === undefined ? ok(undefined) : damaged(`it is empty, but its head records entry ${head.seq}`);
  }
  const entry = parseEntry(text);
  if (typeof entry === "string") {
    return damaged(`its last row is not an entry: ${entry}`);
  }
  if (entryHash(entry) !== entry.hash) {
    return damaged(`its last entry (${entry.seq}) was edited`);
  }
  if (head === undefined || head.seq !== entry.seq || head.hash !== entry.hash) {
    return damaged(`its last entry (${entry.seq}) does not match its head record`);
  }
  return ok({ seq: entry.seq, hash: entry.hash });
}

async function readHead(session: SqlSession): Promise<AuditHead | undefined | "invalid"> {
  const rows = await session.query<{ head: string }>("select head from infio_audit_head where id = 1");
  const text = rows[0]?.head;
  return text === undefined ? undefined : (parseHead(text) ?? "invalid");
}
