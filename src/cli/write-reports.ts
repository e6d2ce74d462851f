/** Writes the chosen report formats of one assessment into a folder. */

import { mkdir, open } from "node:fs/promises";
import { join } from "node:path";

import type { Assessment } from "../assessment/model.js";
import {
  csvParts,
  jsonParts,
  renderHtml,
  sarifParts,
  type FeatureLookup,
} from "../report/index.js";
import type { ReportFormat } from "./values.js";

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
}

/**
 * Renders and writes each format; returns the paths written, HTML last so
 * that the page is written once the files it mentions exist.
 * Rejects with the file system's error when a file cannot be written.
 */
export async function writeReports(
  a: Assessment,
  options: WriteReportsOptions,
): Promise<string[]> {
  await mkdir(options.dir, { recursive: true });
  const order: ReportFormat[] = ["json", "csv", "sarif", "html"];
  const written: string[] = [];

  for (const format of order.filter((f) => options.formats.includes(f))) {
    const path = join(options.dir, REPORT_FILES[format]);
    await writeParts(path, render(a, format, options));
    written.push(path);
  }
  return written;
}

function render(
  a: Assessment,
  format: ReportFormat,
  options: WriteReportsOptions,
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
 * report never exists as one string however many findings it has.
 */
async function writeParts(path: string, parts: Iterable<string>): Promise<void> {
  const file = await open(path, "w");
  try {
    let pending = "";
    for (const part of parts) {
      pending += part;
      if (pending.length >= WRITE_CHUNK_CHARS) {
        await file.writeFile(pending);
        pending = "";
      }
    }
    await file.writeFile(pending);
  } finally {
    await file.close();
  }
}
