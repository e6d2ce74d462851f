/**
 * TDS packets and messages ([MS-TDS] Packet Header). A message is one
 * or more packets of the same type; the last has the END OF MESSAGE status
 * bit. The header is eight bytes: type, status, length (big-endian, header
 * included), SPID (big-endian), packet id, window.
 */
import { TdsProtocolError } from "./byte-reader.js";

export const PACKET_HEADER_LENGTH = 8;

/** Packet types, [MS-TDS] Type. */
export const PacketType = {
  sqlBatch: 0x01,
  rpc: 0x03,
  tabularResult: 0x04,
  attention: 0x06,
  bulkLoad: 0x07,
  federatedAuthToken: 0x08,
  transactionManager: 0x0e,
  login7: 0x10,
  sspi: 0x11,
  prelogin: 0x12,
} as const;

/** Status bits, [MS-TDS] Status. */
export const PacketStatus = {
  endOfMessage: 0x01,
  ignore: 0x02,
  resetConnection: 0x08,
  resetConnectionSkipTransaction: 0x10,
} as const;

/** The smallest and largest packet sizes LOGIN7 may request (512 to 32767). */
export const MIN_PACKET_SIZE = 512;
export const MAX_PACKET_SIZE = 32767;

export interface TdsMessage {
  readonly type: number;
  /** Status bits of the first packet (RESETCONNECTION is only valid there). */
  readonly status: number;
  readonly payload: Buffer;
}

/**
 * Splits a payload into packets of at most `packetSize` bytes. With
 * `final` false the last packet lacks END OF MESSAGE, which lets fault
 * injection send part of a response and then drop the connection.
 */
export function encodePackets(
  type: number,
  payload: Buffer,
  packetSize: number,
  spid: number,
  final = true,
): Buffer {
  const chunkSize = packetSize - PACKET_HEADER_LENGTH;
  const chunkCount = Math.max(1, Math.ceil(payload.length / chunkSize));
  const packets: Buffer[] = [];

  for (let index = 0; index < chunkCount; index++) {
    const chunk = payload.subarray(index * chunkSize, (index + 1) * chunkSize);
    const last = index === chunkCount - 1;
    const header = Buffer.alloc(PACKET_HEADER_LENGTH);
    header.writeUInt8(type, 0);
    header.writeUInt8(last && final ? PacketStatus.endOfMessage : 0, 1);
    header.writeUInt16BE(PACKET_HEADER_LENGTH + chunk.length, 2);
    header.writeUInt16BE(spid, 4);
    header.writeUInt8((index + 1) % 256, 6);
    header.writeUInt8(0, 7);
    packets.push(header, chunk);
  }

  return Buffer.concat(packets);
}

/**
 * Reassembles messages from a byte stream cut at arbitrary points. An
 * ATTENTION packet is delivered as its own message even when it arrives
 * while the server is still sending a response ([MS-TDS] Attention).
 */
export class MessageAssembler {
  private pending: Buffer = Buffer.alloc(0);
  private packets: Buffer[] = [];
  private messageType = -1;
  private messageStatus = 0;

  constructor(private readonly onMessage: (message: TdsMessage) => void) {}

  /** True when no partial packet or message is buffered. */
  get idle(): boolean {
    return this.pending.length === 0 && this.packets.length === 0;
  }

  push(chunk: Buffer): void {
    this.pending =
      this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);

    while (this.pending.length >= PACKET_HEADER_LENGTH) {
      const length = this.pending.readUInt16BE(2);

      if (length < PACKET_HEADER_LENGTH) {
        throw new TdsProtocolError(
          `Invalid packet length ${length}: a packet is at least 8 bytes.`,
        );
      }

      if (this.pending.length < length) {
        return;
      }

      const packet = this.pending.subarray(0, length);
      this.pending = this.pending.subarray(length);
      this.acceptPacket(packet);
    }
  }

  private acceptPacket(packet: Buffer): void {
    const type = packet.readUInt8(0);
    const status = packet.readUInt8(1);
    const body = packet.subarray(PACKET_HEADER_LENGTH);

    if (this.packets.length === 0) {
      this.messageType = type;
      this.messageStatus = status;
    } else if (type !== this.messageType) {
      throw new TdsProtocolError(
        `Packet of type 0x${type.toString(16)} inside a message of type ` +
          `0x${this.messageType.toString(16)}.`,
      );
    }

    this.packets.push(body);

    if ((status & PacketStatus.endOfMessage) === 0) {
      return;
    }

    const payload = Buffer.concat(this.packets);
    this.packets = [];

    // A message whose last packet has the IGNORE bit is discarded by the
    // server ([MS-TDS] Status).
    if ((status & PacketStatus.ignore) !== 0) {
      return;
    }

    this.onMessage({ type, status: this.messageStatus, payload });
  }
}
