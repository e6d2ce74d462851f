/**
 * The PRELOGIN message and the encryption negotiation it carries
 * ([MS-TDS] 2.2.6.5 PRELOGIN). The payload starts with option headers (token,
 * big-endian offset, big-endian length) ended by 0xFF, followed by the
 * option data.
 */
import { ByteReader, TdsProtocolError } from "./byte-reader.js";
import { ByteWriter } from "./byte-writer.js";

export const PreloginOption = {
  version: 0x00,
  encryption: 0x01,
  instance: 0x02,
  threadId: 0x03,
  mars: 0x04,
  traceId: 0x05,
  fedAuthRequired: 0x06,
  nonce: 0x07,
  terminator: 0xff,
} as const;

/** B_FENCRYPTION values, [MS-TDS] 2.2.6.5. */
export const Encrypt = {
  off: 0x00,
  on: 0x01,
  notSupported: 0x02,
  required: 0x03,
} as const;

/**
 * The server's encryption setting: `off` supports TLS without requiring it,
 * `on` requires it (SQL Server's "Force Encryption"), `not-supported` has no
 * certificate.
 */
export type ServerEncryption = "off" | "on" | "not-supported";

/**
 * What the negotiation leads to: no TLS, TLS for the LOGIN7 message only,
 * TLS for the whole connection, or a combination the specification ends.
 */
export type EncryptionOutcome = "none" | "login-only" | "full" | "rejected";

export interface ClientPrelogin {
  readonly version: string;
  /** B_FENCRYPTION as sent, with ENCRYPT_CLIENT_CERT (0x80) masked out. */
  readonly encryption: number;
  readonly instance: string;
  readonly threadId: number | undefined;
  readonly mars: boolean;
  readonly fedAuthRequired: boolean;
  readonly options: readonly number[];
}

export function parseClientPrelogin(payload: Buffer): ClientPrelogin {
  const reader = new ByteReader(payload);
  const data = new Map<number, Buffer>();
  const options: number[] = [];

  for (;;) {
    const token = reader.uint8("PRELOGIN option token");

    if (token === PreloginOption.terminator) {
      break;
    }

    const offset = reader.uint16BE("PRELOGIN option offset");
    const length = reader.uint16BE("PRELOGIN option length");

    if (offset + length > payload.length) {
      throw new TdsProtocolError(
        `PRELOGIN option 0x${token.toString(16)} points past the message.`,
      );
    }

    options.push(token);
    data.set(token, payload.subarray(offset, offset + length));
  }

  const version = data.get(PreloginOption.version);

  // The client version must be the first option ([MS-TDS] 3.3.5.1 Initial
  // State), so a PRELOGIN without it is rejected.
  if (options[0] !== PreloginOption.version || !version || version.length < 6) {
    throw new TdsProtocolError("PRELOGIN does not start with the VERSION option.");
  }

  const instance = data.get(PreloginOption.instance) ?? Buffer.alloc(0);
  const threadId = data.get(PreloginOption.threadId);
  const nulAt = instance.indexOf(0);

  return {
    version:
      `${version[0]}.${version[1]}.${version.readUInt16BE(2)}` +
      `.${version.readUInt16BE(4)}`,
    encryption: (data.get(PreloginOption.encryption)?.[0] ?? Encrypt.off) & 0x7f,
    instance: instance
      .subarray(0, nulAt === -1 ? instance.length : nulAt)
      .toString("latin1"),
    threadId:
      threadId && threadId.length >= 4 ? threadId.readUInt32BE(0) : undefined,
    mars: (data.get(PreloginOption.mars)?.[0] ?? 0) === 1,
    fedAuthRequired: data.has(PreloginOption.fedAuthRequired),
    options,
  };
}

/**
 * Chooses the server's B_FENCRYPTION reply and the outcome, following the
 * client/server table of [MS-TDS] 2.2.6.5: client OFF with server OFF
 * encrypts the login only; either side requiring encryption encrypts
 * everything; a side without TLS facing one that requires it ends the
 * connection. ENCRYPT_REQ from a client is read as ENCRYPT_ON.
 */
export function negotiateEncryption(
  client: number,
  server: ServerEncryption,
): { reply: number; outcome: EncryptionOutcome } {
  const clientWants = client === Encrypt.on || client === Encrypt.required;
  const clientCannot = client === Encrypt.notSupported;

  if (server === "not-supported") {
    return {
      reply: Encrypt.notSupported,
      outcome: clientWants ? "rejected" : "none",
    };
  }

  if (clientCannot) {
    return server === "on"
      ? { reply: Encrypt.required, outcome: "rejected" }
      : { reply: Encrypt.notSupported, outcome: "none" };
  }

  if (clientWants) {
    return { reply: Encrypt.on, outcome: "full" };
  }

  return server === "on"
    ? { reply: Encrypt.required, outcome: "full" }
    : { reply: Encrypt.off, outcome: "login-only" };
}

export interface ServerPreloginFields {
  /** Server version as major.minor.build, e.g. SQL Server 2022 RTM 16.0.1000. */
  readonly version: readonly [number, number, number];
  readonly encryption: number;
  /** 0 when the client's instance name matches or is empty, 1 otherwise. */
  readonly instanceValidity: number;
  readonly mars: boolean;
  readonly fedAuthRequired: boolean | undefined;
}

export function buildServerPrelogin(fields: ServerPreloginFields): Buffer {
  const entries: Array<[number, Buffer]> = [];
  const version = Buffer.alloc(6);
  version.writeUInt8(fields.version[0], 0);
  version.writeUInt8(fields.version[1], 1);
  version.writeUInt16BE(fields.version[2], 2);
  entries.push([PreloginOption.version, version]);
  entries.push([PreloginOption.encryption, Buffer.from([fields.encryption])]);
  entries.push([PreloginOption.instance, Buffer.from([fields.instanceValidity])]);
  entries.push([PreloginOption.threadId, Buffer.alloc(0)]);
  entries.push([PreloginOption.mars, Buffer.from([fields.mars ? 1 : 0])]);

  // FEDAUTHREQUIRED is only sent back when the client sent it.
  if (fields.fedAuthRequired !== undefined) {
    entries.push([
      PreloginOption.fedAuthRequired,
      Buffer.from([fields.fedAuthRequired ? 1 : 0]),
    ]);
  }

  const writer = new ByteWriter();
  let dataOffset = entries.length * 5 + 1;

  for (const [token, value] of entries) {
    writer.uint8(token).uint16BE(dataOffset).uint16BE(value.length);
    dataOffset += value.length;
  }

  writer.uint8(PreloginOption.terminator);

  for (const [, value] of entries) {
    writer.bytes(value);
  }

  return writer.toBuffer();
}
