/** Examples for the transactions family. */
import { tsql, type FamilyExamples } from "../family-examples.js";

export const TRANSACTIONS: FamilyExamples = {
  group: "Transactions",
  problem:
    "Local transactions, nesting through @@TRANCOUNT and savepoints work " +
    "on Babelfish. Distributed transactions and SET DEADLOCK_PRIORITY are " +
    "rejected, and the isolation levels map onto PostgreSQL's. REPEATABLE " +
    "READ and SERIALIZABLE are rejected by default, and from 3.4.0 a " +
    "Babelfish setting can run them with PostgreSQL semantics instead. " +
    "SNAPSHOT and READ UNCOMMITTED always run with PostgreSQL semantics. " +
    "On native PostgreSQL functions cannot commit and there are no " +
    "nested transactions.",
  solution:
    "Use READ COMMITTED, which PostgreSQL implements with snapshots so " +
    "readers do not block writers, and make the code retry on conflicts " +
    "where it needs stricter isolation. Where it must keep SERIALIZABLE, " +
    "set babelfishpg_tsql.isolation_level_serializable to pg_isolation " +
    "(and babelfishpg_tsql.isolation_level_repeatable_read for " +
    "REPEATABLE READ), then test the code against PostgreSQL's " +
    "semantics. Replace a distributed transaction with local " +
    "transactions per database and a compensating step when one of them " +
    "fails.",
  flagged: tsql`
SET TRANSACTION ISOLATION LEVEL SERIALIZABLE;
BEGIN DISTRIBUTED TRANSACTION;
UPDATE dbo.Account SET Balance = Balance - 100 WHERE AccountId = 1;
UPDATE dbo.Account SET Balance = Balance + 100 WHERE AccountId = 2;
COMMIT TRANSACTION;
`,
  findings: [
    { featureId: "transaction.isolation", detail: "serializable", line: 1, column: 1, status: "reviewManually" },
    { featureId: "transaction.distributed", line: 2, column: 1, status: "notSupported" },
    { featureId: "transaction.begin_commit", line: 5, column: 1, status: "supported" },
  ],
  fine: tsql`
SET TRANSACTION ISOLATION LEVEL READ COMMITTED;
BEGIN TRANSACTION;
UPDATE dbo.Account SET Balance = Balance - 100 WHERE AccountId = 1;
UPDATE dbo.Account SET Balance = Balance + 100 WHERE AccountId = 2;
COMMIT TRANSACTION;
`,
};
