/**
 * Wrapped data keys as files: `<folder>/<assessment id>.json`, mode 0600,
 * in a folder with mode 0700.
 */

import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";

import { createFileExclusive, replaceFile, syncDirectory } from "../durable-file.js";
import { describeError, errorCode, fail, ok, type Result } from "../errors.js";
import { checkAssessmentId, parseDataKeyRecord, type DataKeyRecord } from "./data-key.js";
import type { DataKeyStore } from "./key-store.js";

const SUFFIX = ".json";

export class FileDataKeyStore implements DataKeyStore {
  readonly directory: string;

  constructor(directory: string) {
    this.directory = directory;
  }

  async read(assessmentId: string): Promise<Result<DataKeyRecord | undefined>> {
    const path = this.#pathOf(assessmentId);
    if (!path.ok) {
      return path;
    }

    let text: string;
    try {
      text = await readFile(path.value, "utf8");
    } catch (error) {
      if (errorCode(error) === "ENOENT") {
        return ok(undefined);
      }
      return fail("io-failed", `cannot read data key record '${path.value}': ${describeError(error)}`, error);
    }

    const record = parseDataKeyRecord(text, path.value);
    if (record.ok && record.value.assessmentId !== assessmentId) {
      return fail(
        "data-key-invalid",
        `data key record '${path.value}' belongs to assessment '${record.value.assessmentId}'; ` +
          "it was renamed or copied, so restore the original file",
      );
    }
    return record;
  }

  async create(record: DataKeyRecord): Promise<Result<void>> {
    const path = this.#pathOf(record.assessmentId);
    if (!path.ok) {
      return path;
    }

    try {
      await mkdir(this.directory, { recursive: true, mode: 0o700 });
      await createFileExclusive(path.value, serialise(record), 0o600);
      return ok(undefined);
    } catch (error) {
      if (errorCode(error) === "EEXIST") {
        return fail(
          "invalid-argument",
          `assessment '${record.assessmentId}' already has a data key in '${path.value}'; it was left unchanged`,
        );
      }
      return fail("io-failed", `cannot write data key record '${path.value}': ${describeError(error)}`, error);
    }
  }

  async replace(record: DataKeyRecord): Promise<Result<void>> {
    const path = this.#pathOf(record.assessmentId);
    if (!path.ok) {
      return path;
    }

    try {
      await replaceFile(path.value, serialise(record), 0o600);
      return ok(undefined);
    } catch (error) {
      return fail("io-failed", `cannot replace data key record '${path.value}': ${describeError(error)}`, error);
    }
  }

  async delete(assessmentId: string): Promise<Result<boolean>> {
    const path = this.#pathOf(assessmentId);
    if (!path.ok) {
      return path;
    }

    try {
      const existed = await overwrite(path.value);
      if (!existed) {
        return ok(false);
      }
      await rm(path.value);
      await syncDirectory(this.directory);
      return ok(true);
    } catch (error) {
      return fail("io-failed", `cannot delete data key record '${path.value}': ${describeError(error)}`, error);
    }
  }

  async list(): Promise<Result<string[]>> {
    let names: string[];
    try {
      names = await readdir(this.directory);
    } catch (error) {
      if (errorCode(error) === "ENOENT") {
        return ok([]);
      }
      return fail("io-failed", `cannot list data keys in '${this.directory}': ${describeError(error)}`, error);
    }

    const ids = names
      .filter((name) => name.endsWith(SUFFIX) && !name.startsWith("."))
      .map((name) => name.slice(0, -SUFFIX.length))
      .filter((id) => checkAssessmentId(id).ok);
    return ok(ids.sort());
  }

  #pathOf(assessmentId: string): Result<string> {
    const checked = checkAssessmentId(assessmentId);
    return checked.ok ? ok(join(this.directory, `${assessmentId}${SUFFIX}`)) : checked;
  }
}

function serialise(record: DataKeyRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}

/**
 * Overwrites the file with random bytes and flushes them before it is
 * deleted. NOTE: journaling and copy-on-write file systems and SSDs may keep
 * the old blocks. Only rotating the master key afterwards makes a copy of
 * the old record useless (see docs/security.md).
 */
async function overwrite(path: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, "r+");
  } catch (error) {
    if (errorCode(error) === "ENOENT") {
      return false;
    }
    throw error;
  }

  try {
    const { size } = await handle.stat();
    await handle.write(randomBytes(size), 0, size, 0);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}
