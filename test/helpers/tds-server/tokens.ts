/**
 * Token stream writers for the server's responses ([MS-TDS] Packet
 * Data Token Stream Definition). Each function appends one token.
 */
import { ByteWriter } from "./byte-writer.js";
import { writeTypeInfo, type TypeInfo } from "./type-info.js";
import { writeValue, type SqlValue } from "./values.js";

export const TokenType = {
  returnStatus: 0x79,
  colMetadata: 0x81,
  error: 0xaa,
  info: 0xab,
  loginAck: 0xad,
  featureExtAck: 0xae,
  row: 0xd1,
  envChange: 0xe3,
  done: 0xfd,
  doneProc: 0xfe,
  doneInProc: 0xff,
} as const;

/** DONE status bits, [MS-TDS] DONE. */
export const DoneStatus = {
  final: 0x0000,
  more: 0x0001,
  error: 0x0002,
  inTransaction: 0x0004,
  count: 0x0010,
  attention: 0x0020,
  serverError: 0x0100,
} as const;

/** ENVCHANGE types, [MS-TDS] ENVCHANGE. */
export const EnvChangeType = {
  database: 1,
  language: 2,
  packetSize: 4,
  sqlCollation: 7,
} as const;

/** CurCmd of a DONE after a SELECT statement. */
export const SELECT_COMMAND = 0xc1;

function withLength(writer: ByteWriter, token: number, body: ByteWriter): void {
  writer.uint8(token).uint16(body.size).bytes(body.toBuffer());
}

/** LOGINACK ([MS-TDS] ): the TDS version is sent big-endian. */
export function writeLoginAck(
  writer: ByteWriter,
  tdsVersion: number,
  programName: string,
  version: readonly [number, number, number],
): void {
  const body = new ByteWriter()
    .uint8(1) // Interface: SQL_TSQL
    .uint32BE(tdsVersion)
    .bVarchar(programName)
    .uint8(version[0])
    .uint8(version[1])
    .uint8(version[2] >> 8)
    .uint8(version[2] & 0xff);
  withLength(writer, TokenType.loginAck, body);
}

export function writeEnvChangeText(
  writer: ByteWriter,
  type: number,
  newValue: string,
  oldValue: string,
): void {
  const body = new ByteWriter().uint8(type).bVarchar(newValue).bVarchar(oldValue);
  withLength(writer, TokenType.envChange, body);
}

export function writeEnvChangeCollation(
  writer: ByteWriter,
  collation: Buffer,
): void {
  const body = new ByteWriter()
    .uint8(EnvChangeType.sqlCollation)
    .uint8(collation.length)
    .bytes(collation)
    .uint8(0);
  withLength(writer, TokenType.envChange, body);
}

/** A server message: the fields of the ERROR and INFO tokens. */
export interface ServerMessage {
  readonly number: number;
  readonly state: number;
  /** Severity; 11 and above is an error, 10 and below informational. */
  readonly class: number;
  readonly message: string;
  readonly procName?: string;
  readonly lineNumber?: number;
}

/** ERROR and INFO share one layout ([MS-TDS] ERROR and INFO tokens). */
export function writeMessage(
  writer: ByteWriter,
  message: ServerMessage,
  serverName: string,
): void {
  const token = message.class > 10 ? TokenType.error : TokenType.info;
  const body = new ByteWriter()
    .int32(message.number)
    .uint8(message.state)
    .uint8(message.class)
    .usVarchar(message.message)
    .bVarchar(serverName)
    .bVarchar(message.procName ?? "")
    .int32(message.lineNumber ?? 1);
  withLength(writer, token, body);
}

export function writeDone(
  writer: ByteWriter,
  token: number,
  status: number,
  command: number,
  rowCount: number,
): void {
  writer.uint8(token).uint16(status).uint16(command).uint64(BigInt(rowCount));
}

export function writeReturnStatus(writer: ByteWriter, value: number): void {
  writer.uint8(TokenType.returnStatus).int32(value);
}

/** FEATUREEXTACK ([MS-TDS]) for features the server accepted. */
export function writeFeatureExtAck(
  writer: ByteWriter,
  features: ReadonlyArray<{ id: number; data: Buffer }>,
): void {
  writer.uint8(TokenType.featureExtAck);

  for (const feature of features) {
    writer.uint8(feature.id).uint32(feature.data.length).bytes(feature.data);
  }

  writer.uint8(0xff);
}

export interface ColumnMetadata {
  readonly name: string;
  readonly info: TypeInfo;
  readonly nullable: boolean;
}

/** COLMETADATA ([MS-TDS] 2.2.7.4) with UserType 0 and no table names. */
export function writeColumnMetadata(
  writer: ByteWriter,
  columns: readonly ColumnMetadata[],
): void {
  writer.uint8(TokenType.colMetadata).uint16(columns.length);

  for (const column of columns) {
    // Flags: fNullable is bit 0. usUpdateable (bits 2-3) stays 0, ReadOnly.
    const flags = column.nullable ? 0x0001 : 0;
    writer.uint32(0).uint16(flags);
    writeTypeInfo(writer, column.info);
    writer.bVarchar(column.name);
  }
}

/** ROW ([MS-TDS]): one value per column, in column order. */
export function writeRow(
  writer: ByteWriter,
  columns: readonly ColumnMetadata[],
  row: readonly (SqlValue | undefined)[],
): void {
  writer.uint8(TokenType.row);

  for (let index = 0; index < columns.length; index++) {
    writeValue(writer, columns[index]!.info, row[index]);
  }
}
