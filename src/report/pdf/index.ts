/** Printing reports to PDF with headless Chromium. */

export type { ChromiumLookup } from "./chromium.js";
export { CHROMIUM_NAMES, findChromium, PdfError } from "./chromium.js";
export type { PdfOptions } from "./print.js";
export { chromiumArgs, DEFAULT_PDF_TIMEOUT_MS, renderPdf } from "./print.js";
