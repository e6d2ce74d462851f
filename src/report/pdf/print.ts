/**
 * Prints an HTML report to PDF with headless Chromium, so the PDF is the
 * HTML page as the browser lays it out for print and the two cannot
 * disagree. Each run gets a private temporary directory (mode 0700) with
 * the page (mode 0600), a fresh Chromium profile and the output, and the
 * directory is removed afterwards, on failure too.
 */

import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

import { findChromium, PdfError } from "./chromium.js";

/** Time a print may take before Chromium is killed, in milliseconds. */
export const DEFAULT_PDF_TIMEOUT_MS = 60_000;

/** Chromium's output kept for the error message, in characters (the end is kept). */
const OUTPUT_CHARS = 8_000;

export interface PdfOptions {
  /**
   * Chromium executable; else INFIO_CHROMIUM, else the first of chromium,
   * chromium-browser and google-chrome on PATH.
   */
  readonly chromium?: string;
  /** Milliseconds before Chromium is killed; DEFAULT_PDF_TIMEOUT_MS by default. */
  readonly timeoutMs?: number;
  /** Environment for the executable lookup; process.env by default. */
  readonly env?: NodeJS.ProcessEnv;
  /** Directory the temporary directory is made in; the system's by default. */
  readonly tempDir?: string;
}

/** Prints `html` to PDF and returns the PDF's bytes; throws a PdfError when printing fails. */
export async function renderPdf(html: string, options: PdfOptions = {}): Promise<Buffer> {
  const executable = findChromium({
    ...(options.chromium === undefined ? {} : { executable: options.chromium }),
    ...(options.env === undefined ? {} : { env: options.env }),
  });
  const timeoutMs = options.timeoutMs ?? DEFAULT_PDF_TIMEOUT_MS;

  const dir = await mkdtemp(join(options.tempDir ?? tmpdir(), "infio-pdf-"));
  try {
    const page = join(dir, "report.html");
    const output = join(dir, "report.pdf");
    await writeFile(page, html, { encoding: "utf8", mode: 0o600, flag: "wx" });

    const args = chromiumArgs(join(dir, "profile"), output, pathToFileURL(page).href);
    await runChromium(executable, args, timeoutMs);

    const size = await stat(output).then(
      (s) => s.size,
      () => 0,
    );
    if (size === 0) {
      throw new PdfError(
        `Chromium (${executable}) exited without writing the PDF; ` +
          `run it by hand with the same flags to see why`,
      );
    }

    return await readFile(output);
  } finally {
    await rm(dir, { recursive: true, force: true, maxRetries: 3 });
  }
}

/** Returns Chromium's flags for printing `url` to `output`. */
export function chromiumArgs(profile: string, output: string, url: string): string[] {
  const args = [
    "--headless",
    "--disable-gpu",
    // The report makes no request, and Chromium's own update, sync and
    // safe-browsing requests must not leave the machine either.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-extensions",
    "--no-pdf-header-footer",
    `--user-data-dir=${profile}`,
    `--print-to-pdf=${output}`,
  ];

  // NOTE: `--blink-settings=scriptEnabled=false` is left out because with
  // it Chromium 156's headless mode exits with code 0 and writes no PDF.
  // Scripts stay off all the same: the report pages carry none, and their
  // Content Security Policy (`default-src 'none'`) blocks any script.

  // Chromium will not start its sandbox as root and exits instead, so
  // root (CI containers, for one) runs without it. The page is our own
  // escaped report with scripts off, under a CSP that allows no request.
  if (process.getuid?.() === 0) {
    args.push("--no-sandbox");
  }

  args.push(url);
  return args;
}

/**
 * Runs Chromium in its own process group and waits for it to exit. On
 * timeout the whole group is killed, because Chromium starts helper
 * processes. Its output is kept and shown only when it fails.
 */
function runChromium(
  executable: string,
  args: readonly string[],
  timeoutMs: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(executable, args, {
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });

    let output = "";
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString("utf8")).slice(-OUTPUT_CHARS);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);

    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);

    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new PdfError(`cannot start Chromium (${executable}): ${error.message}`));
    });

    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (timedOut) {
        reject(
          new PdfError(
            `Chromium (${executable}) timed out after ${timeoutMs} ms printing ` +
              `the PDF and was killed; raise the timeout or check that it ` +
              `starts${outputText(output)}`,
          ),
        );
        return;
      }

      if (code !== 0) {
        const how = signal === null ? `with code ${code}` : `on signal ${signal}`;
        reject(
          new PdfError(`Chromium (${executable}) failed ${how}${outputText(output)}`),
        );
        return;
      }

      resolve();
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) {
    return;
  }

  try {
    // The minus sign addresses the process group that `detached` made.
    process.kill(-pid, "SIGKILL");
  } catch {
    // The group has exited already.
  }
}

function outputText(output: string): string {
  const trimmed = output.trim();
  return trimmed === "" ? "" : `; its output was:\n${trimmed}`;
}
