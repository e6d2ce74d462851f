/**
 * Client requests: SQL batches ([MS-TDS] SQLBatch) and remote
 * procedure calls ([MS-TDS] RPC Request). Both start with
 * ALL_HEADERS from TDS 7.2 on.
 */
import { ByteReader, TdsProtocolError } from "./byte-reader.js";
import { readTypeInfo, type SqlTypeName } from "./type-info.js";
import { readValue, type SqlValue } from "./values.js";

/** Well-known procedure ids of NameLenProcID = 0xFFFF ([MS-TDS] RPC Request). */
const PROCEDURE_NAMES: Record<number, string> = {
  1: "sp_cursor",
  2: "sp_cursoropen",
  3: "sp_cursorprepare",
  4: "sp_cursorexecute",
  5: "sp_cursorprepexec",
  6: "sp_cursorunprepare",
  7: "sp_cursorfetch",
  8: "sp_cursoroption",
  9: "sp_cursorclose",
  10: "sp_executesql",
  11: "sp_prepare",
  12: "sp_execute",
  13: "sp_prepexec",
  14: "sp_prepexecrpc",
  15: "sp_unprepare",
};

/** RPC StatusFlags bit fByRefValue: an OUTPUT parameter. */
const BY_REF_VALUE = 0x01;

export interface RequestParameter {
  /** The name with its @, e.g. "@schema"; empty for positional ones. */
  readonly name: string;
  readonly type: SqlTypeName;
  readonly value: SqlValue;
  readonly output: boolean;
}

export interface SqlRequest {
  readonly kind: "batch" | "rpc";
  /** The procedure an RPC calls; "" for a batch. */
  readonly procedure: string;
  /** The batch text, or the @stmt of sp_executesql and sp_prepexec. */
  readonly sql: string;
  /** The @params declaration list of sp_executesql, e.g. "@id int". */
  readonly declarations: string;
  readonly parameters: readonly RequestParameter[];
}

function skipAllHeaders(reader: ByteReader): void {
  const totalLength = reader.uint32("ALL_HEADERS TotalLength");

  if (totalLength < 4) {
    throw new TdsProtocolError(`Invalid ALL_HEADERS TotalLength ${totalLength}.`);
  }

  reader.bytes(totalLength - 4, "ALL_HEADERS");
}

export function parseSqlBatch(payload: Buffer): SqlRequest {
  const reader = new ByteReader(payload);
  skipAllHeaders(reader);
  const sql = reader.bytes(reader.remaining, "SQLText").toString("utf16le");
  return { kind: "batch", procedure: "", sql, declarations: "", parameters: [] };
}

/**
 * Parses one RPC request. The statement and declaration parameters of
 * sp_executesql and sp_prepexec become `sql` and `declarations`; the others
 * become `parameters`.
 */
export function parseRpc(payload: Buffer): SqlRequest {
  const reader = new ByteReader(payload);
  skipAllHeaders(reader);
  const nameLength = reader.uint16("RPC NameLenProcID");
  let procedure: string;

  if (nameLength === 0xffff) {
    const id = reader.uint16("RPC ProcID");
    procedure = PROCEDURE_NAMES[id] ?? `procedure id ${id}`;
  } else {
    procedure = reader.bytes(nameLength * 2, "RPC ProcName").toString("utf16le");
  }

  reader.uint16("RPC OptionFlags");
  const parameters: RequestParameter[] = [];

  while (reader.remaining > 0) {
    const name = reader.bVarchar("RPC ParamName");
    const status = reader.uint8("RPC StatusFlags");
    const info = readTypeInfo(reader);
    const value = readValue(reader, info);
    parameters.push({
      name,
      type: info.name,
      value,
      output: (status & BY_REF_VALUE) !== 0,
    });
  }

  return splitStatement(procedure, parameters);
}

function splitStatement(
  procedure: string,
  parameters: RequestParameter[],
): SqlRequest {
  const lower = procedure.toLowerCase();

  if (lower === "sp_executesql") {
    const [statement, declarations, ...rest] = parameters;
    return {
      kind: "rpc",
      procedure,
      sql: String(statement?.value ?? ""),
      declarations: String(declarations?.value ?? ""),
      parameters: rest,
    };
  }

  // sp_prepexec: @handle OUTPUT, @params, @stmt, then the values.
  if (lower === "sp_prepexec") {
    const [, declarations, statement, ...rest] = parameters;
    return {
      kind: "rpc",
      procedure,
      sql: String(statement?.value ?? ""),
      declarations: String(declarations?.value ?? ""),
      parameters: rest,
    };
  }

  return { kind: "rpc", procedure, sql: "", declarations: "", parameters };
}
