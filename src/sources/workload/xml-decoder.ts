/**
 * Turns the bytes of an XML capture into text, a chunk at a time. The
 * encoding comes from the byte order mark, else from the first bytes
 * (XML 1.0, appendix F: `<` followed by a zero byte is UTF-16 without a
 * BOM), else from the `encoding` of the XML declaration, else UTF-8.
 * Profiler saves trace XML as UTF-16 with a BOM, and `sqlcmd -u` writes
 * UTF-16 too, so both widths matter.
 *
 * The decoder also converts a count of characters back to bytes, so
 * that errors can give the byte offset a hex editor shows.
 */

import { XmlCaptureError } from "./xml-error.js";

/** Encodings whose byte length per character the decoder can compute. */
type Width = "utf-8" | "utf-16le" | "utf-16be" | "single-byte";

/**
 * Single-byte code pages a declaration may name, mapped to the WHATWG
 * label TextDecoder takes. Multi-byte code pages (Shift_JIS, GBK) are
 * rejected, because byte offsets could not be given for them.
 */
const SINGLE_BYTE: Readonly<Record<string, string>> = {
  "iso-8859-1": "windows-1252",
  latin1: "windows-1252",
  "us-ascii": "windows-1252",
  ascii: "windows-1252",
  "windows-1250": "windows-1250",
  "windows-1251": "windows-1251",
  "windows-1252": "windows-1252",
  "windows-1253": "windows-1253",
  "windows-1254": "windows-1254",
  "windows-1255": "windows-1255",
  "windows-1256": "windows-1256",
  "windows-1257": "windows-1257",
  "windows-1258": "windows-1258",
  "iso-8859-2": "iso-8859-2",
  "iso-8859-15": "iso-8859-15",
};

/** Bytes read before the encoding is decided: a BOM and an XML declaration fit. */
const SNIFF_BYTES = 1024;

export class XmlDecoder {
  /** The encoding in use, once decided; `undefined` before the first bytes. */
  encoding: string | undefined;
  #width: Width = "utf-8";
  #decoder: TextDecoder | undefined;
  #pending: Uint8Array[] = [];
  #pendingBytes = 0;
  /** Bytes handed to the TextDecoder so far, BOM included. */
  #bytesIn = 0;
  /** Length of the byte order mark, which no character stands for. */
  #bomBytes = 0;
  readonly #source: string;

  /** `source` names the file in errors. */
  constructor(source: string) {
    this.#source = source;
  }

  /**
   * Decodes the next bytes; `final` flushes what is held back. Returns
   * the text decoded so far, which may be empty while the encoding is
   * still being sniffed.
   */
  decode(bytes: Uint8Array, final = false): string {
    if (this.#decoder === undefined) {
      this.#pending.push(bytes);
      this.#pendingBytes += bytes.length;
      if (this.#pendingBytes < SNIFF_BYTES && !final) {
        return "";
      }
      const head = Buffer.concat(this.#pending);
      this.#pending = [];
      this.#start(head);
      return this.#run(head, final);
    }
    return this.#run(bytes, final);
  }

  /** Returns the byte length of `text`, decoded by this decoder. */
  byteLength(text: string): number {
    switch (this.#width) {
      case "utf-8":
        return Buffer.byteLength(text, "utf8");
      case "single-byte":
        return text.length;
      default:
        return text.length * 2;
    }
  }

  /** Bytes of the byte order mark, counted before the first character. */
  get bomBytes(): number {
    return this.#bomBytes;
  }

  #run(bytes: Uint8Array, final: boolean): string {
    const before = this.#bytesIn;
    this.#bytesIn += bytes.length;
    try {
      return this.#decoder!.decode(bytes, { stream: !final });
    } catch {
      throw new XmlCaptureError(
        this.#source,
        `invalid ${this.encoding} byte sequence in bytes ${before} to ${this.#bytesIn - 1}`,
        "check that the file was saved whole and in the encoding its XML declaration names",
      );
    }
  }

  /** Decides the encoding from the first bytes and creates the decoder. */
  #start(head: Uint8Array): void {
    const [b0, b1, b2] = head;
    if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
      this.#use("utf-8", "utf-8", 3);
    } else if (b0 === 0xff && b1 === 0xfe) {
      this.#use("utf-16le", "utf-16le", 2);
    } else if (b0 === 0xfe && b1 === 0xff) {
      this.#use("utf-16be", "utf-16be", 2);
    } else if (b0 === 0x3c && b1 === 0x00) {
      this.#use("utf-16le", "utf-16le", 0);
    } else if (b0 === 0x00 && b1 === 0x3c) {
      this.#use("utf-16be", "utf-16be", 0);
    } else {
      this.#useDeclared(head);
    }
  }

  /** Uses the encoding of the XML declaration, for a file without a BOM. */
  #useDeclared(head: Uint8Array): void {
    const start = Buffer.from(head.subarray(0, SNIFF_BYTES)).toString("latin1");
    const declared = /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(start)?.[1];
    const name = declared?.toLowerCase() ?? "utf-8";
    if (name === "utf-8" || name === "utf8") {
      this.#use("utf-8", "utf-8", 0);
      return;
    }

    const label = SINGLE_BYTE[name];
    if (label === undefined) {
      // A UTF-16 declaration without a BOM or zero bytes cannot be true
      // of bytes that start with an ASCII `<`.
      throw new XmlCaptureError(
        this.#source,
        `unsupported encoding '${declared}' in the XML declaration`,
        "save the capture as UTF-8 or UTF-16 (sqlcmd -u writes UTF-16)",
      );
    }
    this.#use(label, "single-byte", 0);
  }

  #use(label: string, width: Width, bomBytes: number): void {
    this.encoding = label;
    this.#width = width;
    this.#bomBytes = bomBytes;
    // TextDecoder drops the BOM itself unless ignoreBOM is set.
    this.#decoder = new TextDecoder(label, { fatal: true });
  }
}
