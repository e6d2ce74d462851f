/** Transactions, savepoints and isolation levels. */
import { always, family, pg, row, since } from "../build.js";
import {
  AWS,
  COMPASS_FEATURES,
  ESCAPE_HATCHES,
  extensionsSource,
  postgresDocs,
} from "../sources.js";

// Without babelfishpg_tsql.isolation_level_repeatable_read (or
// _serializable) set to pg_isolation, Babelfish rejects the level; the
// setting exists from 3.4.0 and is off by default.
const ISOLATION_GRAMMAR = extensionsSource(
  "BABEL_4_X_DEV",
  "contrib/babelfishpg_tsql/src/backend_parser/gram-tsql-rule.y",
  "Babelfish 4.4.0 (development branch); the settings appear on the 3.4 branch",
);
const C = COMPASS_FEATURES;

const PG_ISO = postgresDocs("transaction-iso", "Transaction isolation");
const PG_TX = postgresDocs("plpgsql-transactions", "Transaction management");

export const TRANSACTION_FEATURES = family("Transactions", [
  row("transaction.begin_commit", "BEGIN TRAN / COMMIT / ROLLBACK", "Explicit transactions.", always("supported"), pg("reviewManually"), "low",
    "No change needed.", "Functions cannot commit; use procedures with COMMIT, or let the caller manage transactions.", [AWS.supportedByVersion, PG_TX], { postgresqlComplexity: "medium" }),
  row("transaction.nested", "Nested BEGIN TRAN and @@TRANCOUNT", "Nested transaction counting.", always("supported"), pg("notSupported"), "medium",
    "No change needed.", "PostgreSQL has no nested transactions; use savepoints.", [AWS.supportedByVersion, PG_TX]),
  row("transaction.savepoint", "SAVE TRANSACTION / ROLLBACK TO savepoint", "Savepoints.", always("supported"), pg("reviewManually"), "low",
    "No change needed.", "Use SAVEPOINT and ROLLBACK TO SAVEPOINT (not inside PL/pgSQL; use a BEGIN ... EXCEPTION block).", [PG_TX]),
  row("transaction.distributed", "BEGIN DISTRIBUTED TRANSACTION", "MSDTC distributed transaction.", always("notSupported"), pg("notSupported"), "high",
    "Redesign as separate transactions with compensation.", "Use two-phase commit (PREPARE TRANSACTION) only with care, or redesign.", [AWS.unsupported]),
  row("transaction.xact_abort", "SET XACT_ABORT ON", "Abort the transaction on any error.", always("supported"), pg("reviewSemantics"), "low",
    "No change needed.", "PostgreSQL always aborts the transaction on error; remove the setting.", [AWS.supportedByVersion, ...C],
    { example: "SET XACT_ABORT OFF;\nBEGIN TRAN; INSERT t VALUES (1/0); INSERT t VALUES (2); COMMIT; -- second row kept in SQL Server" }),
  row("transaction.isolation", "SET TRANSACTION ISOLATION LEVEL", "Isolation level by name; the level is the detail.", always("reviewManually"), pg("reviewSemantics"), "medium",
    "Check the level against the Babelfish version.", "Map the level to PostgreSQL's; READ UNCOMMITTED behaves as READ COMMITTED.", [AWS.unsupported, ESCAPE_HATCHES, ISOLATION_GRAMMAR, ...C, PG_ISO], {
      example: "SET TRANSACTION ISOLATION LEVEL READ UNCOMMITTED; -- no dirty reads on PostgreSQL",
      details: [
        { detail: "read_uncommitted", aliases: ["read uncommitted"], title: "READ UNCOMMITTED", babelfish: always("reviewSemantics"), remedy: "Babelfish treats it as READ COMMITTED: no dirty reads." },
        { detail: "read_committed", aliases: ["read committed"], title: "READ COMMITTED", babelfish: always("supported"), postgresql: pg("supported") },
        { detail: "repeatable_read", aliases: ["repeatable read"], title: "REPEATABLE READ", babelfish: since("3.4.0", "reviewManually"), remedy: "Rejected by default. From 3.4.0, setting babelfishpg_tsql.isolation_level_repeatable_read to pg_isolation runs it as PostgreSQL REPEATABLE READ (snapshot isolation); check that this fits.", postgresqlRemedy: "PostgreSQL REPEATABLE READ is snapshot isolation; test for serialization failures." },
        { detail: "serializable", title: "SERIALIZABLE", babelfish: since("3.4.0", "reviewManually"), remedy: "Rejected by default. From 3.4.0, setting babelfishpg_tsql.isolation_level_serializable to pg_isolation runs it as PostgreSQL SERIALIZABLE (SSI); add retries on serialization failures.", postgresqlRemedy: "PostgreSQL SERIALIZABLE uses SSI; retry on serialization failures." },
        { detail: "snapshot", title: "SNAPSHOT", babelfish: always("reviewSemantics"), remedy: "Check that the mapping to PostgreSQL REPEATABLE READ fits.", postgresqlRemedy: "Use REPEATABLE READ." },
      ],
    }),
  row("transaction.read_committed_snapshot", "READ_COMMITTED_SNAPSHOT database option", "Row versioning for READ COMMITTED.", always("ignored"), pg("ignored"), "low",
    "None; PostgreSQL READ COMMITTED already reads committed snapshots.", "None; PostgreSQL READ COMMITTED already reads committed snapshots.", [PG_ISO]),
  row("transaction.lock_timeout", "SET LOCK_TIMEOUT", "Lock wait limit.", [{ from: "1.0.0", status: "notSupported" }, { from: "1.2.0", status: "supported" }], pg("reviewManually"), "low",
    "Supported from 1.2.0.", "Use SET lock_timeout = 'n ms'.", [AWS.supportedByVersion]),
  row("transaction.deadlock_priority", "SET DEADLOCK_PRIORITY", "Deadlock victim preference.", always("notSupported"), pg("notSupported"), "low", "Remove the setting.", "Remove the setting.", [AWS.unsupported]),
  row("transaction.applock", "sp_getapplock / sp_releaseapplock", "Application locks.", always("supported"), pg("reviewManually"), "low", "No change needed.", "Use pg_advisory_lock / pg_advisory_xact_lock.", [AWS.supportedByVersion]),
  row("transaction.mark", "BEGIN TRANSACTION ... WITH MARK", "Marked transaction recorded in the log for restore.", always("notSupported"), pg("notSupported"), "low",
    "Remove WITH MARK; use point-in-time restore.", "Remove WITH MARK; use point-in-time recovery with a named restore point (pg_create_restore_point).", [AWS.unsupported, ...C]),
  row("transaction.delayed_durability", "COMMIT ... WITH (DELAYED_DURABILITY = ON)", "Commit without waiting for the log flush.", always("notSupported"), pg("reviewManually"), "low",
    "Remove the option.", "Use SET LOCAL synchronous_commit = off in the transaction.", [AWS.unsupported, ...C, postgresDocs("wal-async-commit", "Asynchronous commit")]),
]);
