/**
 * Scans application source trees for SQL and feeds the run: each source
 * file with statements becomes one text unit, and each `.sql` file a
 * script entry. Files are read a few at a time as the run requests
 * units, so memory contains only the units in flight. `mapOutcome` moves each
 * assessed unit's positions back to its source file, and `result` returns
 * the counts once the feed is done.
 */

import { readFile, stat } from "node:fs/promises";

import type { MemoryInput } from "../../assessment/run.js";
import type { UnitOutcome } from "../../assessment/unit-task.js";
import { decode } from "../../tsql/decode/decode.js";
import type { GlobMatcher } from "../scripts/glob.js";
import { unitName } from "../scripts/names.js";
import type { ScriptEntry } from "../scripts/walk.js";
import { extractStatements } from "./extract.js";
import { buildFileUnit, remapOutcome, type FileUnit, type UnitFile } from "./file-unit.js";
import type { AppCodeFile, AppCodeStatement, ApplicationCodeSource, ScannedLanguage } from "./model.js";
import { hasGeneratedHeader, type SkipReason } from "./skip-rules.js";
import { count, walkTree, type TreeFile } from "./walk-tree.js";

export interface AppCodeRoot {
  /** The folder as the user gave it. */
  readonly given: string;
  /** Its absolute path. */
  readonly path: string;
}

export interface AppCodeScanOptions {
  readonly roots: readonly AppCodeRoot[];
  readonly include?: readonly GlobMatcher[];
  readonly exclude?: readonly GlobMatcher[];
  readonly maxFileSize: number;
  /**
   * Sources of the run, application roots included: with one, names are
   * relative to it, and with more each starts with its root as given.
   */
  readonly sourceCount: number;
}

/** The interface between a scan and the run (runAssessment's `appCode`). */
export interface AppCodeFeed {
  inputs(): AsyncIterable<ScriptEntry | MemoryInput>;
  mapOutcome(outcome: UnitOutcome): UnitOutcome;
  result(): ApplicationCodeSource;
}

/** Files read ahead of the one being scanned. */
const READ_AHEAD = 8;

interface PendingFile {
  readonly root: AppCodeRoot;
  readonly file: TreeFile;
  readonly read: Promise<Uint8Array | number | undefined>;
}

export class ApplicationCodeScan implements AppCodeFeed {
  readonly #options: AppCodeScanOptions;
  readonly #skipped = new Map<SkipReason, number>();
  readonly #filesScanned: Partial<Record<ScannedLanguage, number>> = {};
  readonly #files: AppCodeFile[] = [];
  readonly #statements: AppCodeStatement[] = [];
  readonly #pending = new Map<string, { unit: FileUnit; file: UnitFile }>();
  #bytes = 0;
  #unterminated = 0;
  #partlyDynamic = 0;

  constructor(options: AppCodeScanOptions) {
    this.#options = options;
  }

  async *inputs(): AsyncGenerator<ScriptEntry | MemoryInput> {
    const seen = new Set<string>();
    // Reads run ahead of the scan, so the disk works while the lexers do.
    const queue: PendingFile[] = [];
    for (const root of this.#options.roots) {
      const walk = walkTree(
        root.path,
        {
          ...(this.#options.include === undefined ? {} : { include: this.#options.include }),
          ...(this.#options.exclude === undefined ? {} : { exclude: this.#options.exclude }),
        },
        this.#skipped,
        seen,
      );
      for await (const file of walk) {
        queue.push({ root, file, read: this.#read(file) });
        if (queue.length >= READ_AHEAD) {
          const input = await this.#scanFile(queue.shift()!);
          if (input !== undefined) {
            yield input;
          }
        }
      }
    }
    while (queue.length > 0) {
      const input = await this.#scanFile(queue.shift()!);
      if (input !== undefined) {
        yield input;
      }
    }
  }

  mapOutcome(outcome: UnitOutcome): UnitOutcome {
    const name = outcome.kind === "unit" ? outcome.unit.file : outcome.skipped.file;
    const pending = this.#pending.get(name);
    if (pending === undefined) {
      return outcome;
    }
    this.#pending.delete(name);
    return remapOutcome(outcome, pending.unit, pending.file);
  }

  result(): ApplicationCodeSource {
    return {
      roots: this.#options.roots.map((r) => r.given),
      filesScanned: { ...this.#filesScanned },
      bytesScanned: this.#bytes,
      statementsFound: this.#statements.length,
      partlyDynamic: this.#partlyDynamic,
      unterminated: this.#unterminated,
      skipped: Object.fromEntries([...this.#skipped].sort(([a], [b]) => (a < b ? -1 : 1))),
      files: this.#files,
      statements: this.#statements,
    };
  }

  /** Starts reading a file: its bytes for a source file, its size for a script. */
  async #read(file: TreeFile): Promise<Uint8Array | number | undefined> {
    try {
      if (file.kind === "sql") {
        return (await stat(file.path)).size;
      }
      // A file over the limit is not read whole.
      const size = (await stat(file.path)).size;
      return size > this.#options.maxFileSize ? size : await readFile(file.path);
    } catch {
      return undefined;
    }
  }

  async #scanFile(pending: PendingFile): Promise<ScriptEntry | MemoryInput | undefined> {
    const { root, file } = pending;
    const name = unitName(root.given, file.relative, this.#options.sourceCount);
    const read = await pending.read;
    if (read === undefined) {
      count(this.#skipped, "unreadable");
      return undefined;
    }
    const size = typeof read === "number" ? read : read.length;
    if (size > this.#options.maxFileSize) {
      count(this.#skipped, "too-large");
      return undefined;
    }
    if (file.kind === "sql" || typeof read === "number") {
      this.#countFile("sql", size);
      this.#files.push({ file: name, language: "sql", bytes: size, statements: 0, partlyDynamic: 0 });
      return { kind: "file", name, path: file.path, displayPath: `${root.given}/${file.relative}`, size };
    }

    const bytes = read;
    const decoded = decode(bytes);
    if (hasGeneratedHeader(decoded.text)) {
      count(this.#skipped, "generated-header");
      return undefined;
    }
    this.#countFile(file.rule.language, bytes.length);

    const extraction = extractStatements(decoded.text, file.rule);
    this.#unterminated += extraction.unterminated;
    if (extraction.statements.length === 0) {
      return undefined;
    }

    let partlyDynamic = 0;
    for (const s of extraction.statements) {
      partlyDynamic += s.dynamicParts > 0 ? 1 : 0;
      this.#statements.push({
        file: name,
        line: s.line,
        column: s.column,
        endLine: s.text.positionAt(s.text.length - 1).line,
        language: s.language,
        ...(s.call === undefined ? {} : { call: s.call }),
        scope: s.scope,
        dynamicParts: s.dynamicParts,
        parameters: s.parameters,
        text: s.text.text,
      });
    }
    this.#partlyDynamic += partlyDynamic;
    this.#files.push({
      file: name,
      language: file.rule.language,
      bytes: bytes.length,
      statements: extraction.statements.length,
      partlyDynamic,
    });

    const unit = buildFileUnit(extraction.statements);
    this.#pending.set(name, { unit, file: { bytes: bytes.length, encoding: decoded.encoding } });
    return { kind: "text", name, text: unit.text, keepText: false };
  }

  #countFile(language: ScannedLanguage, size: number): void {
    this.#filesScanned[language] = (this.#filesScanned[language] ?? 0) + 1;
    this.#bytes += size;
  }
}
