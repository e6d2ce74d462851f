/**
 * Finds the Chromium executable that prints reports to PDF: the one the
 * caller names, else INFIO_CHROMIUM, else the first of `chromium`,
 * `chromium-browser` and `google-chrome` on PATH.
 */

import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";

/** Executable names tried on PATH, in order: Debian's, Ubuntu's, Google's. */
export const CHROMIUM_NAMES: readonly string[] = [
  "chromium",
  "chromium-browser",
  "google-chrome",
];

const INSTALL_HINT =
  "install Chromium (Debian: apt-get install chromium), or set " +
  "INFIO_CHROMIUM to the path of a Chromium or Chrome executable";

/** Raised when no Chromium can be found or run, or printing fails. */
export class PdfError extends Error {
  override readonly name = "PdfError";
}

export interface ChromiumLookup {
  /** Executable path; wins over the environment. */
  readonly executable?: string;
  /** Environment to read INFIO_CHROMIUM and PATH from; process.env by default. */
  readonly env?: NodeJS.ProcessEnv;
}

/** Returns the path of the Chromium executable, or throws a PdfError with the fix. */
export function findChromium(lookup: ChromiumLookup = {}): string {
  const env = lookup.env ?? process.env;

  if (lookup.executable !== undefined && lookup.executable !== "") {
    return checked(lookup.executable, "the Chromium option");
  }

  const fromEnv = env["INFIO_CHROMIUM"];
  if (fromEnv !== undefined && fromEnv !== "") {
    return checked(fromEnv, "INFIO_CHROMIUM");
  }

  const dirs = (env["PATH"] ?? "").split(delimiter).filter((d) => d !== "");
  for (const name of CHROMIUM_NAMES) {
    for (const dir of dirs) {
      const path = join(dir, name);
      if (isExecutableFile(path)) {
        return path;
      }
    }
  }

  throw new PdfError(
    `cannot print the PDF: none of ${CHROMIUM_NAMES.join(", ")} was found ` +
      `on PATH; ${INSTALL_HINT}`,
  );
}

function checked(path: string, origin: string): string {
  if (!isExecutableFile(path)) {
    throw new PdfError(
      `cannot print the PDF: ${origin} names '${path}', which is not an ` +
        `executable file; ${INSTALL_HINT}`,
    );
  }

  return path;
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
