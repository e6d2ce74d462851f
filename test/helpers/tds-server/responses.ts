/**
 * Encodes a handler's response into the token stream of one tabular result
 * message. Each result set ends with DONE (a batch) or DONEINPROC (inside
 * an RPC). An RPC ends with RETURNSTATUS and DONEPROC ([MS-TDS] DONE,
 * DONEINPROC and DONEPROC tokens).
 */
import { ByteWriter } from "./byte-writer.js";
import type { QueryResponse, ResponseItem, ResultSet } from "./model.js";
import {
  DoneStatus,
  SELECT_COMMAND,
  TokenType,
  writeColumnMetadata,
  writeDone,
  writeMessage,
  writeReturnStatus,
  writeRow,
  type ColumnMetadata,
} from "./tokens.js";
import { parseSqlType } from "./type-info.js";

export interface EncodedResponse {
  readonly payload: Buffer;
  /** True when a result set asked for the connection to drop mid-stream. */
  readonly dropConnection: boolean;
}

export function isResultSet(item: ResponseItem): item is ResultSet {
  return "columns" in item;
}

export function encodeResponse(
  response: QueryResponse,
  kind: "batch" | "rpc",
  serverName: string,
): EncodedResponse {
  const items: readonly ResponseItem[] = isList(response) ? response : [response];
  const writer = new ByteWriter();
  const statementDone = kind === "rpc" ? TokenType.doneInProc : TokenType.done;
  let failed = false;

  for (const item of items) {
    if (!isResultSet(item)) {
      writeMessage(writer, item, serverName);

      if (item.class > 10) {
        failed = true;
        writeDone(writer, statementDone, DoneStatus.error | DoneStatus.more, 0, 0);
      }

      continue;
    }

    const columns = columnsOf(item);
    writeColumnMetadata(writer, columns);
    const limit = item.dropConnectionAfterRows ?? item.rows.length;

    for (const row of item.rows.slice(0, limit)) {
      writeRow(writer, columns, row);
    }

    if (item.dropConnectionAfterRows !== undefined) {
      return { payload: writer.toBuffer(), dropConnection: true };
    }

    const status = DoneStatus.count | DoneStatus.more;
    writeDone(writer, statementDone, status, SELECT_COMMAND, item.rows.length);
  }

  const finalStatus = failed ? DoneStatus.error : DoneStatus.final;

  if (kind === "rpc") {
    writeReturnStatus(writer, 0);
    writeDone(writer, TokenType.doneProc, finalStatus, 0, 0);
  } else {
    writeDone(writer, TokenType.done, finalStatus, 0, 0);
  }

  return { payload: writer.toBuffer(), dropConnection: false };
}

function isList(response: QueryResponse): response is readonly ResponseItem[] {
  return Array.isArray(response);
}

function columnsOf(resultSet: ResultSet): ColumnMetadata[] {
  return resultSet.columns.map((column) => ({
    name: column.name,
    info: parseSqlType(column.type),
    nullable: column.nullable ?? true,
  }));
}

/** Acknowledges an ATTENTION: DONE with DONE_ATTN ([MS-TDS] Attention). */
export function encodeAttentionAck(): Buffer {
  const writer = new ByteWriter();
  writeDone(writer, TokenType.done, DoneStatus.attention, 0, 0);
  return writer.toBuffer();
}

/** Ends the response of a cancelled request: DONE without a row count. */
export function encodeCancelledEnd(): Buffer {
  const writer = new ByteWriter();
  writeDone(writer, TokenType.done, DoneStatus.final, 0, 0);
  return writer.toBuffer();
}
