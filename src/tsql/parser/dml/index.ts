/** The statements of this family, keyed as the dispatcher expects. */

import type { StatementFamily } from "../registry.js";
import { parseBulkInsertStatement } from "./bulk-insert.js";
import { parseDeleteStatement } from "./delete.js";
import { parseInsertStatement } from "./insert.js";
import { parseMergeStatement } from "./merge.js";
import {
  parseReadTextStatement,
  parseUpdateTextStatement,
  parseWriteTextStatement,
} from "./text-statements.js";
import { parseTruncateTableStatement } from "./truncate-table.js";
import { parseUpdateStatement } from "./update.js";

/**
 * UPDATE STATISTICS is another family's key. The dispatcher prefers the
 * longer key, so that statement never reaches the UPDATE parser. BULK and
 * TRUNCATE alone begin no other statement, so they lead to the same
 * parsers, which then report the missing INSERT or TABLE instead of an
 * unknown statement.
 */
export const dmlStatements: StatementFamily = {
  leading: {
    INSERT: parseInsertStatement,
    UPDATE: parseUpdateStatement,
    DELETE: parseDeleteStatement,
    MERGE: parseMergeStatement,
    "BULK INSERT": parseBulkInsertStatement,
    BULK: parseBulkInsertStatement,
    "TRUNCATE TABLE": parseTruncateTableStatement,
    TRUNCATE: parseTruncateTableStatement,
    READTEXT: parseReadTextStatement,
    WRITETEXT: parseWriteTextStatement,
    UPDATETEXT: parseUpdateTextStatement,
  },
};
