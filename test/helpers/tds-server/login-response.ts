/**
 * The server's answer to LOGIN7 ([MS-TDS] Login Ready state and its
 * login response example): environment changes, LOGINACK, the
 * acknowledged features, then DONE. A failed login is ERROR then DONE with
 * DONE_ERROR, after which the server closes the connection.
 */
import { ByteWriter } from "./byte-writer.js";
import {
  DoneStatus,
  EnvChangeType,
  TokenType,
  writeDone,
  writeEnvChangeCollation,
  writeEnvChangeText,
  writeFeatureExtAck,
  writeLoginAck,
  writeMessage,
  type ServerMessage,
} from "./tokens.js";
import { DEFAULT_COLLATION } from "./type-info.js";

/** FeatureExt id of UTF8_SUPPORT ([MS-TDS] LOGIN7, TDS 7.4). */
const UTF8_SUPPORT = 0x0a;

/** TDS 7.4, the newest LOGINACK version; TDS 8.0 changes only the TLS order. */
export const TDS_7_4 = 0x74000004;

const KNOWN_VERSIONS = new Set([
  0x71000001, 0x72090002, 0x730a0003, 0x730b0003, TDS_7_4,
]);

export interface LoginSuccess {
  readonly database: string;
  readonly packetSize: number;
  readonly clientTdsVersion: number;
  readonly features: readonly number[];
  readonly serverName: string;
  readonly version: readonly [number, number, number];
}

/** Returns the client's TDS version when known, else with TDS 7.4. */
export function negotiatedTdsVersion(clientVersion: number): number {
  return KNOWN_VERSIONS.has(clientVersion) ? clientVersion : TDS_7_4;
}

export function encodeLoginSuccess(login: LoginSuccess): Buffer {
  const writer = new ByteWriter();
  const info = (number: number, message: string): void =>
    writeMessage(writer, { number, state: 1, class: 0, message }, login.serverName);

  writeEnvChangeText(writer, EnvChangeType.database, login.database, "master");
  info(5701, `Changed database context to '${login.database}'.`);
  writeEnvChangeCollation(writer, DEFAULT_COLLATION);
  writeEnvChangeText(writer, EnvChangeType.language, "us_english", "");
  info(5703, "Changed language setting to us_english.");
  writeLoginAck(
    writer,
    negotiatedTdsVersion(login.clientTdsVersion),
    "Microsoft SQL Server",
    login.version,
  );
  writeEnvChangeText(
    writer,
    EnvChangeType.packetSize,
    String(login.packetSize),
    String(login.packetSize),
  );

  if (login.features.includes(UTF8_SUPPORT)) {
    writeFeatureExtAck(writer, [{ id: UTF8_SUPPORT, data: Buffer.from([1]) }]);
  }

  writeDone(writer, TokenType.done, DoneStatus.final, 0, 0);
  return writer.toBuffer();
}

export function encodeLoginFailure(
  messages: readonly ServerMessage[],
  serverName: string,
): Buffer {
  const writer = new ByteWriter();

  for (const message of messages) {
    writeMessage(writer, message, serverName);
  }

  writeDone(writer, TokenType.done, DoneStatus.error, 0, 0);
  return writer.toBuffer();
}
