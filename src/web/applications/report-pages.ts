/**
 * Sending the application and company reports to a browser. The HTML
 * report is a self-contained page with its own stylesheet and no script.
 * The console sends it as it is, with its security headers and a Content
 * Security Policy that allows that one stylesheet by its hash and nothing
 * else. Headless Chromium prints the PDF from the same HTML.
 */

import { createHash } from "node:crypto";

import type { FastifyReply } from "fastify";

import { PdfError, renderPdf } from "../../report/pdf/index.js";
import { HttpError } from "../server/http-error.js";
import type { ConsoleLogger } from "../server/services.js";

/** PDFs printed at the same time by one console; each runs a Chromium process. */
export const MAX_CONCURRENT_PDFS = 2;

let printing = 0;

/** Sends a report page with a policy that allows only its own `<style>` element. */
export function sendReportHtml(reply: FastifyReply, page: string): FastifyReply {
  return reply
    .header("content-security-policy", reportPolicy(page))
    .type("text/html; charset=utf-8")
    .send(page);
}

/** Returns the Content Security Policy of a report page: no script, its style element by hash. */
export function reportPolicy(page: string): string {
  const style = /<style>([\s\S]*?)<\/style>/.exec(page)?.[1];
  const styles = style === undefined ? "'none'" : `'sha256-${createHash("sha256").update(style).digest("base64")}'`;
  return [
    "default-src 'none'",
    `style-src ${styles}`,
    "img-src data:",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join("; ");
}

/**
 * Prints `page` to PDF and sends it as a download named `fileName`.
 * Throws an HttpError: 503 when Chromium is missing, fails, or
 * MAX_CONCURRENT_PDFS are already being printed.
 */
export async function sendReportPdf(
  reply: FastifyReply,
  page: string,
  fileName: string,
  log: ConsoleLogger,
): Promise<FastifyReply> {
  if (printing >= MAX_CONCURRENT_PDFS) {
    throw new HttpError(503, `${MAX_CONCURRENT_PDFS} PDFs are being printed; try again in a minute.`);
  }
  printing++;
  let pdf: Buffer;
  try {
    pdf = await renderPdf(page);
  } catch (error) {
    if (error instanceof PdfError) {
      // The message names paths on the console's host, so it goes to the log only.
      log.error(`printing ${fileName} failed: ${error.message}`);
      throw new HttpError(
        503,
        "The PDF could not be printed: Chromium is missing or failed on the console's host. Ask its administrator " +
          "to install Chromium or set INFIO_CHROMIUM; the console's log has the details. The HTML report shows the same figures.",
        { cause: error },
      );
    }
    throw error;
  } finally {
    printing--;
  }
  return reply.type("application/pdf").header("content-disposition", attachment(fileName)).send(pdf);
}

/** Sends `text` as a JSON download named `fileName`. */
export function sendJsonDownload(reply: FastifyReply, text: string, fileName: string): FastifyReply {
  return reply.type("application/json; charset=utf-8").header("content-disposition", attachment(fileName)).send(text);
}

/** Sends `text` as a CSV download named `fileName`. */
export function sendCsvDownload(reply: FastifyReply, text: string, fileName: string): FastifyReply {
  return reply.type("text/csv; charset=utf-8").header("content-disposition", attachment(fileName)).send(text);
}

/** File names here are built from keys and ids, so only these characters are kept. */
function attachment(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, "_")}"`;
}
