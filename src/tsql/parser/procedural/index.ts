/** The statements of this family, keyed as the dispatcher expects. */

import type { StatementFamily } from "../registry.js";
import {
  parseCloseCursor,
  parseDeallocateCursor,
  parseFetchCursor,
  parseOpenCursor,
} from "./cursor-statements.js";
import { parseDeclare } from "./declare.js";
import { parseExecute } from "./execute.js";
import { parsePrint, parseRaiserror, parseThrow } from "./messages.js";
import { parseSet } from "./set.js";
import { parseBeginTransaction, parseCommit, parseRollback, parseSave } from "./transactions.js";
import { parseUse } from "./use.js";
import { parseWaitFor } from "./waitfor.js";

export const proceduralStatements: StatementFamily = {
  leading: {
    DECLARE: parseDeclare,
    SET: parseSet,
    OPEN: parseOpenCursor,
    FETCH: parseFetchCursor,
    CLOSE: parseCloseCursor,
    DEALLOCATE: parseDeallocateCursor,
    EXEC: parseExecute,
    EXECUTE: parseExecute,
    "BEGIN TRAN": parseBeginTransaction,
    "BEGIN TRANSACTION": parseBeginTransaction,
    "BEGIN DISTRIBUTED": parseBeginTransaction,
    COMMIT: parseCommit,
    ROLLBACK: parseRollback,
    SAVE: parseSave,
    PRINT: parsePrint,
    RAISERROR: parseRaiserror,
    THROW: parseThrow,
    WAITFOR: parseWaitFor,
    USE: parseUse,
  },
};
