/**
 * Writes the chosen report formats of one assessment into a folder, in
 * plain form or, with an encryption, as `NAME.infio-enc`. With a
 * redaction, every format is rendered from the redacted copy, and the
 * pseudonym map goes to its own file when asked for. Each file is
 * written under a temporary name and renamed once every format is written,
 * so a failure or an interrupt leaves the folder as it was: no partial
 * file, and earlier reports of the same names untouched.
 */

import { randomBytes } from "node:crypto";
import { unlinkSync } from "node:fs";
import { mkdir, open, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

import type { Assessment } from "../assessment/model.js";
import {
  csvParts,
  jsonParts,
  renderHtml,
  sarifParts,
  type FeatureLookup,
} from "../report/index.js";
import { DEPENDENCIES_FILE, dependencyJsonParts } from "../report/json-dependencies.js";
import { writeEncryptedParts, type ReportEncryption } from "./encrypt-output.js";
import { ENCRYPTED_SUFFIX } from "./encrypted-file.js";
import { makeFolder } from "./out-dir.js";
import { pseudonymMapParts, redactedView, type ReportRedaction } from "./redact-reports.js";
import { serverFeatureFile } from "./server-features-files.js";
import type { ReportFormat } from "./values.js";
import { readinessCsvParts } from "../report/csv-readiness.js";

/** File name of each format; the HTML page refers to the others by these. */
export const REPORT_FILES: Readonly<Record<ReportFormat, string>> = {
  json: "assessment.json",
  csv: "findings.csv",
  sarif: "assessment.sarif",
  html: "assessment.html",
};

export interface WriteReportsOptions {
  readonly dir: string;
  readonly formats: readonly ReportFormat[];
  readonly features?: FeatureLookup;
  /** Source text by unit name, for the HTML code view. */
  readonly sources?: ReadonlyMap<string, string>;
  /** Aborting stops the writing and removes the temporary files. */
  readonly signal?: AbortSignal;
  /** Writes each file encrypted under this key, named `NAME.infio-enc`. */
  readonly encryption?: ReportEncryption;
  /** Renders every format from a redacted copy; the assessment given is not changed. */
  readonly redaction?: ReportRedaction;
}

/** The readiness items, written beside findings.csv when the assessment has them. */
export const READINESS_CSV_FILE = "readiness.csv";

/** Mode of the pseudonym map: it undoes the redaction, so only its owner may read it. */
const PSEUDONYM_MAP_MODE = 0o600;

/**
 * Renders and writes each format; returns the paths written, HTML last so
 * that the page is renamed into place once the files it mentions exist.
 * Rejects with the file system's error when a file cannot be written, and
 * with the signal's reason when aborted; either way no temporary file stays.
 */
export async function writeReports(
  a: Assessment,
  options: WriteReportsOptions,
): Promise<string[]> {
  await makeFolder(options.dir);
  const order: ReportFormat[] = ["json", "csv", "sarif", "html"];
  const formats = order.filter((f) => options.formats.includes(f));
  const view =
    options.redaction === undefined
      ? { assessment: a, sources: options.sources, pseudonyms: [] }
      : redactedView(a, options.sources, options.redaction);
  const pending = new TemporaryFiles();
  const encryption = options.encryption;
  const signal = options.signal === undefined ? {} : { signal: options.signal };

  try {
    const mapFile = options.redaction?.mapFile;
    if (mapFile !== undefined) {
      // Written first, so that the reports are renamed into place only
      // once the map that explains them exists.
      await mkdir(dirname(mapFile), { recursive: true, mode: 0o700 });
      const final = encryption === undefined ? mapFile : `${mapFile}${ENCRYPTED_SUFFIX}`;
      const temporary = pending.add(final);
      const parts = pseudonymMapParts(a.id, view.pseudonyms);
      if (encryption === undefined) {
        await writeParts(temporary, parts, { flags: "wx", mode: PSEUDONYM_MAP_MODE, ...signal });
      } else {
        const file = { name: basename(mapFile), assessmentId: a.id, mode: PSEUDONYM_MAP_MODE };
        await writeEncryptedParts(temporary, parts, encryption, file, options.signal);
      }
    }

    const writeFile = async (name: string, parts: Iterable<string>): Promise<void> => {
      options.signal?.throwIfAborted();
      const path = join(options.dir, encryption === undefined ? name : `${name}${ENCRYPTED_SUFFIX}`);
      const temporary = pending.add(path);
      if (encryption === undefined) {
        await writeParts(temporary, parts, { flags: "wx", ...signal });
      } else {
        await writeEncryptedParts(temporary, parts, encryption, { name, assessmentId: a.id }, options.signal);
      }
    };

    for (const format of formats) {
      await writeFile(REPORT_FILES[format], render(view.assessment, format, { ...options, sources: view.sources }));

      // A live server's assessment also gets its server features in this format.
      const features = serverFeatureFile(view.assessment, format);
      if (features !== undefined) {
        await writeFile(features.name, features.parts);
      }

      const readiness = view.assessment.readiness;
      if (format === "csv" && readiness !== undefined) {
        await writeFile(READINESS_CSV_FILE, readinessCsvParts(readiness));
      }

      if (format === "json" && view.assessment.dependencies !== undefined) {
        await writeFile(DEPENDENCIES_FILE, dependencyJsonParts(view.assessment));
      }
    }
    options.signal?.throwIfAborted();
    return await pending.renameAll();
  } finally {
    await pending.removeLeft();
  }
}

/**
 * Report files written under temporary names, and their final names. If
 * the process exits while some are left (a second Ctrl+C ends infio at
 * once), an exit hook deletes them.
 */
class TemporaryFiles {
  readonly #files: { temporary: string; final: string }[] = [];
  readonly #onExit = (): void => {
    for (const f of this.#files) {
      try {
        unlinkSync(f.temporary);
      } catch {
        // Already renamed or never created.
      }
    }
  };

  constructor() {
    process.once("exit", this.#onExit);
  }

  /** Returns a temporary name beside `final`, hidden and unique. */
  add(final: string): string {
    const name = `.${basename(final)}.${randomBytes(6).toString("hex")}.tmp`;
    const temporary = join(dirname(final), name);
    this.#files.push({ temporary, final });
    return temporary;
  }

  /**
   * Renames every file to its final name, in the order added.
   *
   * NOTE: a rename that fails after others succeeded (a folder with the
   * report's name, a file locked on Windows) leaves new and earlier reports
   * side by side; the error names the folder.
   */
  async renameAll(): Promise<string[]> {
    const done: string[] = [];
    while (this.#files.length > 0) {
      const f = this.#files[0]!;
      await rename(f.temporary, f.final);
      this.#files.shift();
      done.push(f.final);
    }
    return done;
  }

  /** Deletes the temporary files not renamed, and drops the exit hook. */
  async removeLeft(): Promise<void> {
    for (const f of this.#files.splice(0)) {
      await unlink(f.temporary).catch(() => undefined);
    }
    process.off("exit", this.#onExit);
  }
}

function render(
  a: Assessment,
  format: ReportFormat,
  options: { readonly features?: FeatureLookup; readonly sources?: ReadonlyMap<string, string> | undefined },
): Iterable<string> {
  const features = options.features === undefined ? {} : { features: options.features };
  switch (format) {
    case "json":
      return jsonParts(a);
    case "csv":
      return csvParts(a);
    case "sarif":
      return sarifParts(a, features);
    case "html":
      // The page is bounded by its limits, so it is rendered whole.
      return [
        renderHtml(a, {
          ...features,
          ...(options.sources === undefined ? {} : { sources: options.sources }),
        }),
      ];
  }
}

/** Characters of text gathered before each write. */
const WRITE_CHUNK_CHARS = 1 << 20;

/**
 * Writes the parts of a file in chunks of about a megabyte, so that a
 * report never exists as one string however many findings it has. Checks
 * `signal` between chunks. Rejects with the file system's error, for
 * example ENOSPC on a full disk.
 */
export async function writeParts(
  path: string,
  parts: Iterable<string>,
  options: { readonly flags?: "w" | "wx"; readonly mode?: number; readonly signal?: AbortSignal } = {},
): Promise<void> {
  const signal = options.signal;
  const file = await open(path, options.flags ?? "w", options.mode);
  try {
    let pending = "";
    for (const part of parts) {
      pending += part;
      if (pending.length >= WRITE_CHUNK_CHARS) {
        signal?.throwIfAborted();
        await file.writeFile(pending);
        pending = "";
      }
    }
    await file.writeFile(pending);
  } finally {
    await file.close();
  }
}
