/**
 * Writes the files of an application or company report: NAME.html,
 * NAME.json and NAME.pdf, each readable by its owner only (mode 0600),
 * because the reports name servers and databases and carry the
 * questionnaire's notes. Each file is written under a temporary name and
 * renamed once complete, so a failure leaves no partial file and earlier
 * reports of the same names untouched.
 */

import { randomBytes } from "node:crypto";
import { rename, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

import { PdfError, renderPdf } from "../report/pdf/index.js";
import type { AppReportFormat } from "./app-report-options.js";

/** Mode of every report file: read and write for the owner only. */
const REPORT_FILE_MODE = 0o600;

export interface ReportFiles {
  readonly dir: string;
  /** `application` or `company`: the files are NAME.html, NAME.pdf and NAME.json. */
  readonly name: string;
  readonly formats: readonly AppReportFormat[];
  /** Renders the HTML page; called at most once, and the PDF prints the same text. */
  readonly html: () => string;
  readonly json: () => string;
  /** Chromium executable for the PDF; else INFIO_CHROMIUM or PATH in `env`. */
  readonly chromium?: string;
  readonly env: NodeJS.ProcessEnv;
}

export interface WrittenReports {
  /** Paths written, in the order html, json, pdf. */
  readonly written: readonly string[];
  /** Reason the PDF could not be printed; the other files are written all the same. */
  readonly pdfError?: PdfError;
}

/**
 * Writes the HTML and JSON first, then prints the PDF from the HTML text
 * just written. A missing or failing Chromium is returned as `pdfError`
 * rather than thrown, so that the HTML and JSON stay. Rejects with the
 * file system's error when a file cannot be written.
 */
export async function writeReportFiles(files: ReportFiles): Promise<WrittenReports> {
  const wants = (format: AppReportFormat) => files.formats.includes(format);
  const html = wants("html") || wants("pdf") ? files.html() : undefined;
  const written: string[] = [];

  if (wants("html")) {
    written.push(await writeWhole(join(files.dir, `${files.name}.html`), html!));
  }
  if (wants("json")) {
    written.push(await writeWhole(join(files.dir, `${files.name}.json`), files.json()));
  }
  if (!wants("pdf")) {
    return { written };
  }

  let pdf: Buffer;
  try {
    pdf = await renderPdf(html!, { ...(files.chromium === undefined ? {} : { chromium: files.chromium }), env: files.env });
  } catch (error) {
    if (error instanceof PdfError) {
      return { written, pdfError: error };
    }
    throw error;
  }
  written.push(await writeWhole(join(files.dir, `${files.name}.pdf`), pdf));
  return { written };
}

/** Writes `content` under a hidden temporary name beside `path`, then renames it; returns `path`. */
async function writeWhole(path: string, content: string | Buffer): Promise<string> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, content, { flag: "wx", mode: REPORT_FILE_MODE });
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  return path;
}
