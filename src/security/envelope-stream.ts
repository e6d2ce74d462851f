/**
 * Envelope encryption of streams, for files too large to hold in memory:
 * the plaintext is cut into chunks, each sealed with AES-256-GCM under a key
 * derived for this stream alone. Each chunk's index and final flag are part
 * of its nonce and of its associated data, so reordered, repeated, dropped
 * or truncated chunks fail to decrypt.
 *
 * Stream format, version 1 (all integers big endian):
 *
 *   header, 49 bytes:
 *     0   22  magic "infE", version 1, kind 2 = stream, data key id
 *     22  4   chunk size: plaintext bytes per chunk, 1 B to 16 MiB
 *     26  16  salt for HKDF-SHA256, random
 *     42  7   nonce prefix, random
 *   then chunks, each:
 *     1   flag: 0 = more chunks follow, 1 = final chunk
 *     4   ciphertext length n: the chunk size, or at most it when final
 *     n   ciphertext
 *     16  GCM tag
 *
 * Stream key = HKDF-SHA256(data key, salt, "infio-stream-v1"), 32 bytes.
 * Nonce of chunk i = nonce prefix, i (4 bytes), flag (1 byte).
 * Associated data of chunk i = header, assessment id, field, object id,
 * i (4 bytes), flag (1 byte). An empty plaintext is one empty final chunk.
 */

import {
  createCipheriv,
  createDecipheriv,
  hkdfSync,
  randomBytes,
} from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";

import {
  KIND_STREAM,
  TAG_BYTES,
  associatedData,
  checkHeader,
  envelopeHeader,
  type EnvelopeContext,
} from "./envelope-header.js";
import { SecurityError } from "./errors.js";
import type { DataKey } from "./keys/data-key.js";

export const STREAM_HEADER_BYTES = 49;
export const DEFAULT_CHUNK_BYTES = 64 * 1024;
export const MAX_CHUNK_BYTES = 16 * 1024 * 1024;
const FRAME_BYTES = 5;
const MAX_CHUNKS = 2 ** 32;
const FLAG_MORE = 0;
const FLAG_FINAL = 1;

export interface EncryptStreamOptions {
  /** Plaintext bytes per chunk; 64 KiB by default. */
  readonly chunkBytes?: number;
}

/** Returns a Transform that turns plaintext into a version 1 stream envelope. */
export function createEncryptStream(
  key: DataKey,
  context: EnvelopeContext,
  options: EncryptStreamOptions = {},
): Transform {
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  if (!Number.isInteger(chunkBytes) || chunkBytes < 1 || chunkBytes > MAX_CHUNK_BYTES) {
    throw new RangeError(`chunkBytes must be an integer from 1 to ${MAX_CHUNK_BYTES}, not ${chunkBytes}`);
  }

  const size = Buffer.alloc(4);
  size.writeUInt32BE(chunkBytes);
  const header = Buffer.concat([envelopeHeader(KIND_STREAM, key), size, randomBytes(16), randomBytes(7)]);
  const sealer = new ChunkSealer(key, context, header);
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let headerSent = false;

  const sendHeader = (stream: Transform): void => {
    if (!headerSent) {
      stream.push(header);
      headerSent = true;
    }
  };

  return new Transform({
    transform(data: Buffer, _encoding, callback: TransformCallback) {
      sendHeader(this);
      pending.push(data);
      pendingBytes += data.length;

      // A full chunk stays pending until more data arrives, because only
      // then is it known not to be the final one.
      if (pendingBytes > chunkBytes) {
        let all = Buffer.concat(pending);
        while (all.length > chunkBytes) {
          this.push(sealer.seal(all.subarray(0, chunkBytes), FLAG_MORE));
          all = all.subarray(chunkBytes);
        }
        pending = [all];
        pendingBytes = all.length;
      }
      callback();
    },
    flush(callback: TransformCallback) {
      sendHeader(this);
      this.push(sealer.seal(Buffer.concat(pending), FLAG_FINAL));
      callback();
    },
  });
}

/**
 * Returns a Transform that decrypts a version 1 stream envelope. Each chunk
 * is authenticated before its plaintext is passed on, but truncation shows
 * only at the end, as an error on the stream: a consumer must discard what
 * it read from a stream that ends in an error.
 */
export function createDecryptStream(key: DataKey, context: EnvelopeContext): Transform {
  let buffered: Buffer = Buffer.alloc(0);
  let opener: ChunkOpener | undefined;
  let finished = false;

  return new Transform({
    transform(data: Buffer, _encoding, callback: TransformCallback) {
      buffered = buffered.length === 0 ? data : Buffer.concat([buffered, data]);

      if (opener === undefined) {
        if (buffered.length < STREAM_HEADER_BYTES) {
          callback();
          return;
        }
        const started = ChunkOpener.start(key, context, buffered.subarray(0, STREAM_HEADER_BYTES));
        if (started instanceof SecurityError) {
          callback(started);
          return;
        }
        opener = started;
        buffered = buffered.subarray(STREAM_HEADER_BYTES);
      }

      while (buffered.length > 0) {
        if (finished) {
          callback(streamError("invalid-format", "data follows the final chunk of the encrypted stream", key));
          return;
        }
        const opened = opener.next(buffered);
        if (opened instanceof SecurityError) {
          callback(opened);
          return;
        }
        if (opened === undefined) {
          break;
        }
        this.push(opened.plaintext);
        buffered = buffered.subarray(opened.consumed);
        finished = opened.final;
      }
      callback();
    },
    flush(callback: TransformCallback) {
      if (!finished) {
        callback(streamError("truncated", "the encrypted stream ends before its final chunk: it was truncated", key));
        return;
      }
      callback();
    },
  });
}

class ChunkSealer {
  readonly #key: Buffer;
  readonly #header: Buffer;
  readonly #associated: Buffer;
  #index = 0;

  constructor(key: DataKey, context: EnvelopeContext, header: Buffer) {
    this.#key = streamKey(key, header);
    this.#header = header;
    this.#associated = Buffer.concat([header, associatedData(key, context)]);
  }

  seal(plaintext: Buffer, flag: number): Buffer {
    if (this.#index >= MAX_CHUNKS) {
      throw new RangeError(`a stream envelope contains at most ${MAX_CHUNKS} chunks; use larger chunks`);
    }
    const position = chunkPosition(this.#index, flag);
    const cipher = createCipheriv("aes-256-gcm", this.#key, chunkNonce(this.#header, position));
    cipher.setAAD(Buffer.concat([this.#associated, position]));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    this.#index += 1;

    const frame = Buffer.alloc(FRAME_BYTES);
    frame[0] = flag;
    frame.writeUInt32BE(body.length, 1);
    return Buffer.concat([frame, body, cipher.getAuthTag()]);
  }
}

interface OpenedChunk {
  readonly plaintext: Buffer;
  readonly consumed: number;
  readonly final: boolean;
}

class ChunkOpener {
  readonly #dataKey: DataKey;
  readonly #key: Buffer;
  readonly #header: Buffer;
  readonly #associated: Buffer;
  readonly #chunkBytes: number;
  #index = 0;

  private constructor(dataKey: DataKey, context: EnvelopeContext, header: Buffer) {
    this.#dataKey = dataKey;
    this.#key = streamKey(dataKey, header);
    this.#header = Buffer.from(header);
    this.#associated = Buffer.concat([this.#header, associatedData(dataKey, context)]);
    this.#chunkBytes = header.readUInt32BE(22);
  }

  static start(key: DataKey, context: EnvelopeContext, header: Buffer): ChunkOpener | SecurityError {
    const checked = checkHeader(header, KIND_STREAM, key);
    if (!checked.ok) {
      return checked.error;
    }
    const chunkBytes = header.readUInt32BE(22);
    if (chunkBytes < 1 || chunkBytes > MAX_CHUNK_BYTES) {
      return streamError("invalid-format", `the encrypted stream declares chunks of ${chunkBytes} bytes, outside 1 to ${MAX_CHUNK_BYTES}`, key);
    }
    return new ChunkOpener(key, context, header);
  }

  /** Opens the chunk at the start of `data`; undefined when incomplete. */
  next(data: Buffer): OpenedChunk | SecurityError | undefined {
    if (data.length < FRAME_BYTES) {
      return undefined;
    }
    const flag = data[0]!;
    const length = data.readUInt32BE(1);
    if (flag !== FLAG_MORE && flag !== FLAG_FINAL) {
      return streamError("invalid-format", `chunk ${this.#index} of the encrypted stream has the invalid flag ${flag}`, this.#dataKey);
    }
    if (flag === FLAG_MORE ? length !== this.#chunkBytes : length > this.#chunkBytes) {
      return streamError("invalid-format", `chunk ${this.#index} of the encrypted stream has the invalid length ${length}`, this.#dataKey);
    }
    const total = FRAME_BYTES + length + TAG_BYTES;
    if (data.length < total) {
      return undefined;
    }

    const position = chunkPosition(this.#index, flag);
    const decipher = createDecipheriv("aes-256-gcm", this.#key, chunkNonce(this.#header, position));
    decipher.setAAD(Buffer.concat([this.#associated, position]));
    decipher.setAuthTag(data.subarray(FRAME_BYTES + length, total));
    try {
      const body = data.subarray(FRAME_BYTES, FRAME_BYTES + length);
      const plaintext = Buffer.concat([decipher.update(body), decipher.final()]);
      this.#index += 1;
      return { plaintext, consumed: total, final: flag === FLAG_FINAL };
    } catch {
      return streamError(
        "decrypt-failed",
        `chunk ${this.#index} of the encrypted stream failed authentication: ` +
          "chunks were altered, reordered or removed, or the stream belongs to another field",
        this.#dataKey,
      );
    }
  }
}

function streamKey(key: DataKey, header: Buffer): Buffer {
  const salt = header.subarray(26, 42);
  return Buffer.from(hkdfSync("sha256", key.keyBytes(), salt, "infio-stream-v1", 32));
}

function chunkPosition(index: number, flag: number): Buffer {
  const position = Buffer.alloc(5);
  position.writeUInt32BE(index);
  position[4] = flag;
  return position;
}

function chunkNonce(header: Buffer, position: Buffer): Buffer {
  return Buffer.concat([header.subarray(42, 49), position]);
}

function streamError(code: "invalid-format" | "truncated" | "decrypt-failed", message: string, key: DataKey): SecurityError {
  return new SecurityError(code, `${message} (assessment '${key.assessmentId}')`);
}
