import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { transactionDetector } from "../../src/analysis/detectors/transactions.js";
import { findings } from "./harness.js";

const CASES: readonly (readonly [string, string, readonly string[]])[] = [
  ["begin, commit, rollback", "BEGIN TRAN\nCOMMIT\nBEGIN TRANSACTION t1\nROLLBACK TRANSACTION t1",
    ["transaction.begin_commit 1:1", "transaction.begin_commit 2:1", "transaction.begin_commit 3:1", "transaction.begin_commit 4:1"]],
  ["savepoint and rollback to it", "BEGIN TRAN\nSAVE TRANSACTION sp1\nROLLBACK TRANSACTION sp1",
    ["transaction.begin_commit 1:1", "transaction.savepoint 2:1", "transaction.savepoint 3:1"]],
  ["distributed, marked, delayed durability",
    "BEGIN DISTRIBUTED TRANSACTION\nBEGIN TRAN m WITH MARK 'before load'\nCOMMIT TRAN WITH (DELAYED_DURABILITY = ON)",
    ["transaction.distributed 1:1", "transaction.begin_commit 2:1", "transaction.mark 2:1", "transaction.begin_commit 3:1", "transaction.delayed_durability 3:1"]],
  ["isolation levels by name", "SET TRANSACTION ISOLATION LEVEL READ UNCOMMITTED\nSET TRANSACTION ISOLATION LEVEL SERIALIZABLE",
    ["transaction.isolation[read_uncommitted] 1:1", "transaction.isolation[serializable] 2:1"]],
  ["transaction settings inside IF", "IF 1 = 1\n  SET XACT_ABORT ON\nSET LOCK_TIMEOUT 100\nSET DEADLOCK_PRIORITY LOW",
    ["transaction.xact_abort 2:7", "transaction.lock_timeout 3:1", "transaction.deadlock_priority 4:1"]],
];

describe("transactions detector", () => {
  for (const [name, sql, expected] of CASES) {
    it(name, () => {
      assert.deepEqual(findings(transactionDetector, sql), expected);
    });
  }
});
