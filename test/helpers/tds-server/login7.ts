/**
 * The LOGIN7 message ([MS-TDS] LOGIN7): a 94-byte fixed part whose
 * offset/length pairs point at UCS-2 strings in the variable part, and an
 * optional FeatureExt block.
 */
import { ByteReader, TdsProtocolError } from "./byte-reader.js";

const FIXED_LENGTH = 94;

/** TypeFlags bit fReadOnlyIntent: the application intent is ReadOnly. */
const READ_ONLY_INTENT = 0x20;

/** OptionFlags2 bit fIntSecurity: integrated (SSPI) authentication. */
const INTEGRATED_SECURITY = 0x80;

/** OptionFlags3 bit fExtension: ibExtension points at a FeatureExt block. */
const EXTENSION = 0x10;

const FEATURE_TERMINATOR = 0xff;

export interface Login7 {
  /** TDSVersion as the client sent it, e.g. 0x74000004 for TDS 7.4. */
  readonly tdsVersion: number;
  readonly packetSize: number;
  readonly clientPid: number;
  readonly hostName: string;
  readonly userName: string;
  readonly password: string;
  readonly appName: string;
  readonly serverName: string;
  readonly clientInterfaceName: string;
  readonly language: string;
  readonly database: string;
  readonly readOnlyIntent: boolean;
  readonly integratedSecurity: boolean;
  /** FeatureExt feature ids, e.g. 0x0A for UTF8_SUPPORT. */
  readonly features: readonly number[];
}

/**
 * Reverses the password obfuscation of [MS-TDS] LOGIN7: the client swaps
 * the two nibbles of every byte and then XORs it with 0xA5.
 */
export function deobfuscatePassword(bytes: Buffer): string {
  const plain = Buffer.alloc(bytes.length);

  for (let index = 0; index < bytes.length; index++) {
    const value = bytes[index]! ^ 0xa5;
    plain[index] = ((value & 0x0f) << 4) | (value >> 4);
  }

  return plain.toString("utf16le");
}

export function parseLogin7(payload: Buffer): Login7 {
  if (payload.length < FIXED_LENGTH) {
    throw new TdsProtocolError(
      `LOGIN7 is ${payload.length} bytes, shorter than its 94-byte fixed part.`,
    );
  }

  const reader = new ByteReader(payload);
  reader.uint32("LOGIN7 Length");
  const tdsVersion = reader.uint32("LOGIN7 TDSVersion");
  const packetSize = reader.uint32("LOGIN7 PacketSize");
  reader.uint32("LOGIN7 ClientProgVer");
  const clientPid = reader.uint32("LOGIN7 ClientPID");
  reader.uint32("LOGIN7 ConnectionID");
  reader.uint8("LOGIN7 OptionFlags1");
  const optionFlags2 = reader.uint8("LOGIN7 OptionFlags2");
  const typeFlags = reader.uint8("LOGIN7 TypeFlags");
  const optionFlags3 = reader.uint8("LOGIN7 OptionFlags3");

  const text = (at: number, field: string): string => {
    const offset = payload.readUInt16LE(at);
    const characters = payload.readUInt16LE(at + 2);
    return sliceOf(payload, offset, characters * 2, field).toString("utf16le");
  };

  const passwordOffset = payload.readUInt16LE(44);
  const passwordBytes = sliceOf(
    payload,
    passwordOffset,
    payload.readUInt16LE(46) * 2,
    "LOGIN7 Password",
  );

  return {
    tdsVersion,
    packetSize,
    clientPid,
    hostName: text(36, "LOGIN7 HostName"),
    userName: text(40, "LOGIN7 UserName"),
    password: deobfuscatePassword(passwordBytes),
    appName: text(48, "LOGIN7 AppName"),
    serverName: text(52, "LOGIN7 ServerName"),
    clientInterfaceName: text(60, "LOGIN7 CltIntName"),
    language: text(64, "LOGIN7 Language"),
    database: text(68, "LOGIN7 Database"),
    readOnlyIntent: (typeFlags & READ_ONLY_INTENT) !== 0,
    integratedSecurity: (optionFlags2 & INTEGRATED_SECURITY) !== 0,
    features:
      (optionFlags3 & EXTENSION) !== 0 ? readFeatureIds(payload) : [],
  };
}

function sliceOf(
  payload: Buffer,
  offset: number,
  length: number,
  field: string,
): Buffer {
  if (offset + length > payload.length) {
    throw new TdsProtocolError(`${field} points past the end of LOGIN7.`);
  }

  return payload.subarray(offset, offset + length);
}

/**
 * Lists the FeatureExt ids. From TDS 7.4 ibExtension points at a DWORD
 * that contains the offset of the block. Each feature is an id byte, a
 * DWORD length and its data, and 0xFF ends the block.
 */
function readFeatureIds(payload: Buffer): number[] {
  const pointer = payload.readUInt16LE(56);
  const pointerLength = payload.readUInt16LE(58);

  if (pointerLength < 4) {
    return [];
  }

  const reader = new ByteReader(payload);
  reader.offset = pointer;
  reader.offset = reader.uint32("LOGIN7 ibFeatureExtLong");
  const ids: number[] = [];

  for (;;) {
    const id = reader.uint8("LOGIN7 FeatureId");

    if (id === FEATURE_TERMINATOR) {
      return ids;
    }

    ids.push(id);
    reader.bytes(reader.uint32("LOGIN7 FeatureDataLen"), "LOGIN7 FeatureData");
  }
}
