/**
 * The audit log as a JSON lines file, one canonical entry per line, with the
 * chain's head in `<file>.head` and a lock in `<file>.lock` while appending.
 * Each entry is flushed with fsync before the head moves, and the file is
 * only ever appended to.
 */

import { createReadStream } from "node:fs";
import { mkdir, open, readFile } from "node:fs/promises";
import { dirname } from "node:path";

import { replaceFile, syncDirectory } from "../durable-file.js";
import { describeError, errorCode, fail, ok, type Result } from "../errors.js";
import { withAppendLock } from "./append-lock.js";
import type { AuditLog, AuditLogOptions } from "./audit-log.js";
import {
  chainEntry,
  entryHash,
  entryLine,
  headOf,
  type AuditEntry,
  type AuditEvent,
  type AuditHead,
} from "./entry.js";
import { checkEvent, parseEntry, parseHead } from "./parse.js";
import { verifyChain, type AuditVerification, type StoredEntry } from "./verify.js";

export interface FileAuditLogOptions extends AuditLogOptions {
  /** How long an append waits for another process's lock, in milliseconds. */
  readonly lockTimeoutMs?: number;
}

const TAIL_BLOCK_BYTES = 64 * 1024;

export class FileAuditLog implements AuditLog {
  readonly path: string;
  readonly headPath: string;
  readonly lockPath: string;
  readonly #options: FileAuditLogOptions;
  /** Appends of this object, one after another, before the file lock. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(path: string, options: FileAuditLogOptions = {}) {
    this.path = path;
    this.headPath = `${path}.head`;
    this.lockPath = `${path}.lock`;
    this.#options = options;
  }

  append(event: AuditEvent): Promise<Result<AuditEntry>> {
    const run = this.#queue.then(() => this.#appendLocked(event));
    this.#queue = run;
    return run;
  }

  async #appendLocked(event: AuditEvent): Promise<Result<AuditEntry>> {
    const checked = checkEvent(event, this.#options.redact);
    if (!checked.ok) {
      return checked;
    }

    try {
      await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    } catch (error) {
      return fail("io-failed", `cannot create the folder of audit log '${this.path}': ${describeError(error)}`, error);
    }

    const lockOptions = this.#options.lockTimeoutMs === undefined ? {} : { timeoutMs: this.#options.lockTimeoutMs };
    return withAppendLock(this.lockPath, lockOptions, async () => {
      const last = await this.#readLast();
      if (!last.ok) {
        return last;
      }

      const now = this.#options.now?.() ?? new Date();
      const entry = chainEntry(last.value, checked.value, now, this.#options.macKey);
      try {
        await appendDurably(this.path, entryLine(entry));
        await replaceFile(this.headPath, `${JSON.stringify(headOf(entry, this.#options.macKey))}\n`, 0o600);
      } catch (error) {
        return fail("io-failed", `cannot append to audit log '${this.path}': ${describeError(error)}`, error);
      }
      return ok(entry);
    });
  }

  /** Reads the last entry and checks it against the head before chaining to it. */
  async #readLast(): Promise<Result<AuditHead | undefined>> {
    let tail: string | undefined;
    try {
      tail = await readLastLine(this.path);
    } catch (error) {
      return fail("io-failed", `cannot read audit log '${this.path}': ${describeError(error)}`, error);
    }
    const head = await this.#readHead();
    if (head === "invalid") {
      return this.#damaged("its head record is damaged");
    }

    if (tail === undefined) {
      return head === undefined ? ok(undefined) : this.#damaged(`it is empty, but its head records entry ${head.seq}`);
    }
    if (!tail.endsWith("\n")) {
      return this.#damaged("its last line is incomplete, as after a crash during a write");
    }
    const entry = parseEntry(tail);
    if (typeof entry === "string") {
      return this.#damaged(`its last line is not an entry: ${entry}`);
    }
    if (entryHash(entry) !== entry.hash) {
      return this.#damaged(`its last entry (${entry.seq}) was edited`);
    }
    if (head !== undefined && head.seq > entry.seq) {
      return this.#damaged(`it ends at entry ${entry.seq}, but its head records entry ${head.seq}`);
    }
    return ok({ seq: entry.seq, hash: entry.hash });
  }

  #damaged(reason: string): Result<never> {
    return fail(
      "audit-damaged",
      `cannot append to audit log '${this.path}': ${reason}; nothing was written. ` +
        "Run 'infio audit verify' for details, keep the file as evidence, and move it aside to start a new log",
    );
  }

  async #readHead(): Promise<AuditHead | undefined | "invalid"> {
    try {
      return parseHead(await readFile(this.headPath, "utf8")) ?? "invalid";
    } catch (error) {
      return errorCode(error) === "ENOENT" ? undefined : "invalid";
    }
  }

  async verify(): Promise<Result<AuditVerification>> {
    try {
      const head = await this.#readHead();
      const verification = await verifyChain(readStoredEntries(this.path), {
        head,
        ...(this.#options.macKey === undefined ? {} : { macKey: this.#options.macKey }),
      });
      return ok(verification);
    } catch (error) {
      return fail("io-failed", `cannot read audit log '${this.path}': ${describeError(error)}`, error);
    }
  }

  async *entries(): AsyncIterable<AuditEntry> {
    for await (const stored of readStoredEntries(this.path)) {
      const entry = parseEntry(stored.text);
      if (!stored.complete || typeof entry === "string") {
        return;
      }
      yield entry;
    }
  }
}

async function appendDurably(path: string, line: string): Promise<void> {
  const handle = await open(path, "a", 0o600);
  try {
    // One write call per entry: with O_APPEND the line lands at the end
    // whole, even if a process without the lock appends at the same time.
    await handle.write(line);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await syncDirectory(dirname(path));
}

/** Returns the last line with its newline, or undefined for an empty or missing file. */
async function readLastLine(path: string): Promise<string | undefined> {
  let handle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    if (errorCode(error) === "ENOENT") {
      return undefined;
    }
    throw error;
  }

  try {
    const { size } = await handle.stat();
    if (size === 0) {
      return undefined;
    }

    // Scan backwards from before the final byte for the previous newline.
    const chunks: Buffer[] = [];
    let end = size;
    while (end > 0) {
      const start = Math.max(0, end - TAIL_BLOCK_BYTES);
      const block = Buffer.alloc(end - start);
      await handle.read(block, 0, block.length, start);
      const searchEnd = end === size ? block.length - 2 : block.length - 1;
      const newline = searchEnd < 0 ? -1 : block.lastIndexOf(0x0a, searchEnd);
      if (newline >= 0) {
        chunks.unshift(block.subarray(newline + 1));
        break;
      }
      chunks.unshift(block);
      end = start;
    }
    return Buffer.concat(chunks).toString("utf8");
  } finally {
    await handle.close();
  }
}

/** Yields each line of the file with its 1-based line number. */
async function* readStoredEntries(path: string): AsyncIterable<StoredEntry> {
  let stream;
  try {
    await (await open(path, "r")).close();
    stream = createReadStream(path);
  } catch (error) {
    if (errorCode(error) === "ENOENT") {
      return;
    }
    throw error;
  }

  let pending = "";
  let position = 0;
  for await (const chunk of stream.setEncoding("utf8") as AsyncIterable<string>) {
    pending += chunk;
    let start = 0;
    let newline = pending.indexOf("\n");
    while (newline >= 0) {
      position += 1;
      yield { position, text: pending.slice(start, newline), complete: true };
      start = newline + 1;
      newline = pending.indexOf("\n", start);
    }
    pending = pending.slice(start);
  }
  if (pending.length > 0) {
    yield { position: position + 1, text: pending, complete: false };
  }
}
