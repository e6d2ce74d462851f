/**
 * The stream under a server TLS socket when TDS 7.x carries the TLS
 * handshake inside PRELOGIN packets ([MS-TDS] 2.2.6.5 PRELOGIN: "the packet
 * data is simply the raw bytes of the SSL handshake payload"). Once the
 * handshake is over, TLS records travel on the TCP connection unwrapped.
 */
import { Duplex } from "node:stream";

export type CarrierMode = "wrapped" | "raw" | "discard";

export class PreloginTlsCarrier extends Duplex {
  private mode: CarrierMode = "wrapped";
  private pending: Buffer[] = [];
  private flushScheduled = false;

  /**
   * @param sendWrapped sends handshake bytes as one PRELOGIN message
   * @param sendRaw writes TLS records to the TCP connection as they are
   */
  constructor(
    private readonly sendWrapped: (bytes: Buffer) => void,
    private readonly sendRaw: (bytes: Buffer) => void,
  ) {
    super();
  }

  /** Feeds bytes from the client to the TLS engine. */
  receive(bytes: Buffer): void {
    this.push(bytes);
  }

  /**
   * Switches to unwrapped records. The client only sends unwrapped bytes
   * after it has read the server's last handshake flight, so everything
   * still pending belongs to that flight and goes out wrapped first.
   */
  unwrap(): void {
    this.flush();
    this.mode = "raw";
  }

  /** Drops all further output: used when login-only encryption ends. */
  discard(): void {
    this.pending = [];
    this.mode = "discard";
  }

  override _read(): void {}

  override _write(
    chunk: Buffer,
    _encoding: BufferEncoding,
    callback: (error?: Error | null) => void,
  ): void {
    if (this.mode === "raw") {
      this.sendRaw(chunk);
    } else if (this.mode === "wrapped") {
      this.pending.push(chunk);
      this.scheduleFlush();
    }

    callback();
  }

  /**
   * Schedules sending the pending handshake bytes. The client reads
   * exactly one PRELOGIN message per flight it sends, so the TLS engine's
   * writes for one flight are gathered until the event loop has run twice
   * without a new write, and then sent together.
   */
  private scheduleFlush(): void {
    if (this.flushScheduled) {
      return;
    }

    this.flushScheduled = true;
    let seen = this.pending.length;

    const check = (): void => {
      if (this.pending.length !== seen) {
        seen = this.pending.length;
        setImmediate(check);
        return;
      }

      this.flushScheduled = false;
      this.flush();
    };

    setImmediate(() => setImmediate(check));
  }

  private flush(): void {
    if (this.pending.length === 0 || this.mode !== "wrapped") {
      return;
    }

    const bytes = Buffer.concat(this.pending);
    this.pending = [];
    this.sendWrapped(bytes);
  }
}
