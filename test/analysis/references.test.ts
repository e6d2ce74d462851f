import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { referenceDetector } from "../../src/analysis/detectors/references.js";
import { findings } from "./harness.js";

const CASES: readonly (readonly [string, string, readonly string[]])[] = [
  ["three-part, db..name and four-part names", "SELECT * FROM otherdb.dbo.t JOIN otherdb..u ON 1 = 1 JOIN srv.db.dbo.v ON 1 = 1",
    ["reference.cross_database 1:15", "reference.cross_database 1:34", "reference.four_part 1:59"]],
  ["cross-database EXEC and EXEC AT", "EXEC otherdb.dbo.p 1\nEXEC ('SELECT 1') AT linked1\nINSERT @t EXEC ('SELECT 1') AT linked2",
    ["reference.cross_database_exec 1:6", "reference.exec_at 2:22", "reference.exec_at 3:32"]],
  ["rowset functions", "SELECT * FROM OPENQUERY(srv, 'SELECT 1')\nSELECT * FROM OPENROWSET(BULK 'f', SINGLE_BLOB) b\nSELECT * FROM OPENDATASOURCE('SQLNCLI', 'x').db.dbo.t",
    ["reference.openquery 1:15", "reference.openrowset 2:15", "reference.openrowset 3:15"]],
  ["system databases are left to the system-object detector", "SELECT * FROM master.sys.databases\nEXEC msdb.dbo.sp_start_job 'j'\nSELECT * FROM msdb.dbo.sysjobs", []],
  ["USE, ODBC escape and a cross-database write in a procedure", "USE sales\nGO\nCREATE PROCEDURE p AS\nUPDATE archive.dbo.t SET a = {fn UCASE('x')}",
    ["statement.use 1:1", "reference.cross_database 4:8", "reference.odbc_escape 4:30"]],
];

describe("references detector", () => {
  for (const [name, sql, expected] of CASES) {
    it(name, () => {
      assert.deepEqual(findings(referenceDetector, sql), expected);
    });
  }
});
