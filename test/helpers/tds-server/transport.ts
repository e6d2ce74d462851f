/**
 * Moves TDS messages over one client connection and owns its encryption.
 * That is plain TCP, TLS negotiated inside PRELOGIN (TDS 7.x), TLS for the
 * LOGIN7 message only, or TLS before any TDS byte (TDS 8.0 strict, see
 * [MS-TDS] 3.3.5.1 Initial State and 3.3.5.4 PRELOGIN Ready State).
 */
import type { Socket } from "node:net";
import { TLSSocket, type SecureContext } from "node:tls";

import {
  encodePackets,
  MessageAssembler,
  PacketType,
  type TdsMessage,
} from "./packets.js";
import { PreloginTlsCarrier } from "./prelogin-tls-carrier.js";

/** The first byte of a TLS handshake record (content type 22). */
const TLS_HANDSHAKE_RECORD = 0x16;

/** ALPN protocol that TDS 8.0 clients offer (tedious 19 sends it too). */
export const TDS_8_ALPN = "tds/8.0";

type Mode =
  | "detect"
  | "plain"
  | "tls-offer"
  | "tls-handshake"
  | "tls"
  | "strict";

export interface TlsDetails {
  readonly version: string | null;
  readonly alpn: string | false;
  readonly serverName: string | false;
}

export class TdsTransport {
  packetSize = 4096;
  private mode: Mode = "detect";
  private readonly assembler: MessageAssembler;
  private carrier: PreloginTlsCarrier | undefined;
  private tlsSocket: TLSSocket | undefined;
  private onFirstByte: ((strict: boolean) => void) | undefined;
  private offer:
    | {
        context: SecureContext;
        resolve: (details: TlsDetails | null) => void;
        reject: (error: Error) => void;
      }
    | undefined;

  constructor(
    private readonly socket: Socket,
    private readonly onMessage: (message: TdsMessage) => void,
    private readonly onError: (error: Error) => void,
  ) {
    this.assembler = new MessageAssembler((message) => this.route(message));
    socket.on("data", (chunk: Buffer) => this.receive(chunk));
  }

  /** Resolves true when the client opened with a TLS record (TDS 8.0). */
  detectStrict(): Promise<boolean> {
    return new Promise((resolve) => {
      this.onFirstByte = resolve;
    });
  }

  private receive(chunk: Buffer): void {
    try {
      this.receiveChunk(chunk);
    } catch (error) {
      this.onError(error as Error);
    }
  }

  private receiveChunk(chunk: Buffer): void {
    switch (this.mode) {
      case "detect": {
        const strict = chunk[0] === TLS_HANDSHAKE_RECORD;

        if (strict) {
          // The TLS socket takes over the TCP connection and reads what is
          // buffered, so the first chunk is put back before it starts.
          this.socket.removeAllListeners("data");
          this.socket.pause();
          this.socket.unshift(chunk);
          this.mode = "strict";
        } else {
          this.mode = "plain";
          this.assembler.push(chunk);
        }

        this.onFirstByte?.(strict);
        return;
      }
      case "plain":
        this.assembler.push(chunk);
        return;
      case "tls-offer": {
        const offer = this.offer!;
        this.offer = undefined;

        if (chunk[0] === PacketType.prelogin) {
          this.startPreloginTls(offer.context).then(offer.resolve, offer.reject);
        } else {
          this.mode = "plain";
          offer.resolve(null);
        }

        this.receiveChunk(chunk);
        return;
      }
      case "tls-handshake":
        if (this.assembler.idle && chunk[0] !== PacketType.prelogin) {
          this.mode = "tls";
          this.carrier!.unwrap();
          this.carrier!.receive(chunk);
        } else {
          this.assembler.push(chunk);
        }
        return;
      case "tls":
        this.carrier!.receive(chunk);
        return;
      case "strict":
        return;
    }
  }

  private route(message: TdsMessage): void {
    if (this.mode === "tls-handshake" && message.type === PacketType.prelogin) {
      this.carrier!.receive(message.payload);
      return;
    }

    this.onMessage(message);
  }

  /** Accepts TLS first, as TDS 8.0 requires, offering ALPN "tds/8.0". */
  startStrictTls(context: SecureContext): Promise<TlsDetails> {
    const tlsSocket = new TLSSocket(this.socket, {
      isServer: true,
      secureContext: context,
      ALPNProtocols: [TDS_8_ALPN],
    });
    return this.attachTls(tlsSocket);
  }

  /**
   * Waits for the client's next message. A PRELOGIN starts the TLS
   * handshake, and the promise resolves with its details once it is done.
   * Any other message resolves null and is delivered in clear text.
   */
  offerPreloginTls(context: SecureContext): Promise<TlsDetails | null> {
    this.mode = "tls-offer";
    return new Promise((resolve, reject) => {
      this.offer = { context, resolve, reject };
    });
  }

  /** Accepts a TLS handshake carried in PRELOGIN packets (TDS 7.x). */
  private startPreloginTls(context: SecureContext): Promise<TlsDetails> {
    this.mode = "tls-handshake";
    this.carrier = new PreloginTlsCarrier(
      (bytes) => this.socket.write(this.encode(PacketType.prelogin, bytes, true)),
      (bytes) => this.socket.write(bytes),
    );
    const tlsSocket = new TLSSocket(this.carrier, {
      isServer: true,
      secureContext: context,
    });
    return this.attachTls(tlsSocket);
  }

  private attachTls(tlsSocket: TLSSocket): Promise<TlsDetails> {
    this.tlsSocket = tlsSocket;

    return new Promise((resolve, reject) => {
      tlsSocket.once("secure", () => {
        tlsSocket.off("error", reject);
        tlsSocket.on("error", (error) => this.onError(error));
        resolve({
          version: tlsSocket.getProtocol(),
          alpn: tlsSocket.alpnProtocol ?? false,
          serverName: (tlsSocket as TLSSocket & { servername?: string | false })
            .servername ?? false,
        });
      });
      tlsSocket.once("error", reject);
      tlsSocket.on("data", (chunk: Buffer) => {
        try {
          this.assembler.push(chunk);
        } catch (error) {
          this.onError(error as Error);
        }
      });
    });
  }

  /**
   * Ends login-only encryption: after LOGIN7 the client and the server go on
   * in clear text on the same TCP connection ([MS-TDS] 2.2.6.5, ENCRYPT_OFF).
   */
  stopTls(): void {
    this.carrier?.discard();
    this.tlsSocket?.removeAllListeners("data");
    this.tlsSocket?.removeAllListeners("error");
    this.tlsSocket?.on("error", () => {});
    this.tlsSocket = undefined;
    this.mode = "plain";
  }

  private encode(type: number, payload: Buffer, final: boolean): Buffer {
    return encodePackets(type, payload, this.packetSize, 0, final);
  }

  /** Sends one message; `final` false leaves it unfinished on purpose. */
  send(type: number, payload: Buffer, final = true): void {
    const bytes = this.encode(type, payload, final);

    if (this.tlsSocket && (this.mode === "tls" || this.mode === "strict")) {
      this.tlsSocket.write(bytes);
    } else {
      this.socket.write(bytes);
    }
  }

  /** Waits until everything written so far has been handed to the kernel. */
  drain(): Promise<void> {
    const target = this.tlsSocket ?? this.socket;
    return new Promise((resolve) => target.write(Buffer.alloc(0), () => resolve()));
  }

  destroy(): void {
    this.tlsSocket?.destroy();
    this.socket.destroy();
  }
}
