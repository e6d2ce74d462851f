/**
 * A streaming XML tokenizer for captures of hundreds of megabytes: text
 * is fed in chunks, and tokens (start tags, end tags, text) are pulled
 * one at a time, so no document tree is ever built. Text and CDATA
 * sections come out in pieces as they arrive, so the tokenizer never holds
 * a long text whole. Only one tag is buffered at a time, up to
 * MAX_TAG_CHARS.
 *
 * It checks what the capture formats need of XML 1.0: tag and attribute
 * syntax, matching end tags, the five predefined entities and character
 * references, CDATA sections, comments and processing instructions
 * (skipped). Document type declarations are rejected, because entities
 * they declare could expand without bound. Line ends in text become `\n`,
 * as XML 1.0 section 2.11 requires. Several top-level elements in a row
 * are accepted, because `sys.fn_xe_file_target_read_file` returns one
 * `<event>` document per row and an export of the rows is a sequence.
 */

import { decodeReferences, hasPartialReference } from "./xml-references.js";
import { XmlCaptureError, type XmlPosition } from "./xml-error.js";

export type XmlToken =
  | {
      readonly kind: "start";
      /** The name as written, prefix included. */
      readonly name: string;
      readonly attributes: ReadonlyMap<string, string>;
      readonly selfClosing: boolean;
    }
  | { readonly kind: "end"; readonly name: string }
  /** A piece of character data, references decoded; consecutive pieces belong together. */
  | { readonly kind: "text"; readonly text: string };

/** Maximum length of a tag, attributes included, that the tokenizer buffers. */
export const MAX_TAG_CHARS = 1024 * 1024;

/** Consumed text is dropped from the buffer once this much of it has piled up. */
const COMPACT_AT = 64 * 1024;

type State = "content" | "cdata" | "comment" | "instruction";

/** The delimiter that ends each kind of section; content has none. */
const CLOSING: Readonly<Record<State, string>> = {
  content: "",
  cdata: "]]>",
  comment: "-->",
  instruction: "?>",
};

/** `name = "` or `name='`, matched where the previous attribute ended. */
const ATTRIBUTE = /([^\s=]+)\s*=\s*(["'])/y;
const NAME = /^[A-Za-z_:\u00C0-\uFFFF][A-Za-z0-9_:.\-\u00B7\u00C0-\uFFFF]*$/;
const SPACE = /[ \t\r\n]/;

export class XmlTokenizer {
  /** Maximum characters buffered at once, for checks that memory stays bounded. */
  maxBufferedChars = 0;
  readonly #source: string;
  readonly #byteLength: (text: string) => number;
  #buffer = "";
  #pos = 0;
  #final = false;
  #state: State = "content";
  /** The start of the current comment, CDATA section or instruction, for errors. */
  #stateStart: XmlPosition | undefined;
  readonly #open: string[] = [];
  // The position of the buffer's first character in the whole text.
  #lineBefore = 1;
  #columnBefore = 1;
  #bytesBefore: number;

  /**
   * `source` names the file in errors; `byteLength` converts decoded
   * text back to its length in the file, after `bomBytes`.
   */
  constructor(source: string, byteLength: (text: string) => number, bomBytes = 0) {
    this.#source = source;
    this.#byteLength = byteLength;
    this.#bytesBefore = bomBytes;
  }

  /** Adds decoded text; `final` marks the end of the input. */
  feed(text: string, final = false): void {
    if (this.#pos >= COMPACT_AT || this.#pos === this.#buffer.length) {
      this.#compact();
    }
    this.#buffer += text;
    this.#final ||= final;
    this.maxBufferedChars = Math.max(this.maxBufferedChars, this.#buffer.length);
  }

  /** Names of the elements open at this point, outermost first. */
  get openElements(): readonly string[] {
    return this.#open;
  }

  /**
   * Returns the next token, or undefined when more input is needed (or,
   * after the final feed, when the input has ended). Throws an
   * XmlCaptureError on invalid XML.
   */
  next(): XmlToken | undefined {
    for (;;) {
      if (this.#state !== "content") {
        const token = this.#inSection();
        if (token !== null) {
          return token;
        }
        continue;
      }

      if (this.#pos >= this.#buffer.length) {
        return undefined;
      }
      if (this.#buffer.charCodeAt(this.#pos) !== 60 /* < */) {
        const token = this.#text();
        if (token !== null) {
          return token;
        }
        continue;
      }

      const markup = this.#markup();
      if (markup !== null) {
        return markup;
      }
    }
  }

  /**
   * Describes how the input ended early, after the final feed returned
   * every token: inside an element, a tag, a comment or a CDATA section.
   * Undefined when the document is complete.
   */
  endProblem(): string | undefined {
    if (this.#state !== "content") {
      const name = { cdata: "a CDATA section", comment: "a comment", instruction: "a processing instruction" }[this.#state];
      const at = this.#stateStart;
      return `the file ends inside ${name}` + (at === undefined ? "" : ` that starts at line ${at.line}`);
    }
    if (this.#pos < this.#buffer.length) {
      return `the file ends inside a tag at line ${this.#positionAt(this.#pos).line}`;
    }
    if (this.#open.length > 0) {
      return `the file ends inside <${this.#open[this.#open.length - 1]}>, with ${this.#open.length} element(s) open`;
    }
    return undefined;
  }

  /**
   * Returns the next piece of a CDATA section. Returns null when a section
   * ended without a token or when more input is needed (the buffer is then
   * exhausted, so `next` returns), and undefined after the final feed.
   */
  #inSection(): XmlToken | undefined | null {
    const close = CLOSING[this.#state];
    const end = this.#buffer.indexOf(close, this.#pos);
    if (end >= 0) {
      const text = this.#buffer.slice(this.#pos, end);
      const wasCdata = this.#state === "cdata";
      this.#pos = end + close.length;
      this.#state = "content";
      return wasCdata && text !== "" ? { kind: "text", text: normaliseLineEnds(text) } : null;
    }

    // Hold back what could be the start of the closing delimiter, and a
    // CR whose LF may come next.
    let keep = Math.max(this.#pos, this.#buffer.length - (close.length - 1));
    if (this.#state === "cdata" && keep > this.#pos && this.#buffer.charCodeAt(keep - 1) === 13 && !this.#final) {
      keep--;
    }
    const piece = this.#buffer.slice(this.#pos, keep);
    this.#pos = keep;
    if (this.#state === "cdata" && piece !== "") {
      return { kind: "text", text: normaliseLineEnds(piece) };
    }
    return this.#final || piece === "" ? undefined : null;
  }

  /** Returns character data up to the next `<`, or the part of it that has arrived. */
  #text(): XmlToken | undefined | null {
    const start = this.#pos;
    const lt = this.#buffer.indexOf("<", start);
    let end = lt >= 0 ? lt : this.#buffer.length;

    if (lt < 0 && !this.#final) {
      // A reference or a CR split across chunks waits for the rest.
      const raw = this.#buffer.slice(start, end);
      const amp = raw.lastIndexOf("&");
      if (amp >= 0 && hasPartialReference(raw, amp)) {
        end = start + amp;
      } else if (raw.endsWith("\r")) {
        end--;
      }
      if (end === start) {
        return undefined;
      }
    }

    const raw = this.#buffer.slice(start, end);
    this.#pos = end;
    if (this.#open.length === 0 && raw.trim() !== "") {
      this.#fail(start, "text outside any element", "check that the file is an XML capture and not a log or a report");
    }
    // Line ends are normalised before references are decoded, so that
    // `&#xD;` stays a carriage return (XML 1.0 section 2.11).
    const decoded = decodeReferences(
      raw,
      (offset, problem) => this.#fail(start + offset, problem, "write '&' as '&amp;' and '<' as '&lt;' in text"),
      normaliseLineEnds,
    );
    return decoded === "" ? null : { kind: "text", text: decoded };
  }

  /** Reads the markup at `<`; null when it was skipped or more input is needed. */
  #markup(): XmlToken | undefined | null {
    const start = this.#pos;
    const at = (prefix: string) => this.#buffer.startsWith(prefix, start);

    if (at("<?")) {
      return this.#enter("instruction", 2);
    }
    // `<!-` or `<![CDA` may be the start of a comment or a CDATA section.
    const head = this.#buffer.slice(start, start + 9);
    if (!this.#final && head.length < 9 && ("<![CDATA[".startsWith(head) || "<!--".startsWith(head))) {
      return undefined;
    }
    if (at("<!--")) {
      return this.#enter("comment", 4);
    }
    if (at("<![CDATA[")) {
      if (this.#open.length === 0) {
        this.#fail(start, "CDATA section outside any element", "check that the file is an XML capture");
      }
      return this.#enter("cdata", 9);
    }
    if (at("<!")) {
      this.#fail(
        start,
        "document type declarations (<!DOCTYPE>) are not accepted, because their entities could expand without bound",
        "export the capture again; Extended Events and Profiler write none",
      );
    }

    const gt = findTagEnd(this.#buffer, start + 1);
    const length = gt < 0 ? this.#buffer.length - start : gt + 1 - start;
    if (length > MAX_TAG_CHARS) {
      this.#fail(start, `a tag longer than ${MAX_TAG_CHARS} characters`, "check that the file is an XML capture");
    }
    if (gt < 0) {
      return undefined;
    }
    this.#pos = gt + 1;
    return at("</") ? this.#endTag(start, gt) : this.#startTag(start, gt);
  }

  #enter(state: State, length: number): null {
    this.#stateStart = this.#positionAt(this.#pos);
    this.#state = state;
    this.#pos += length;
    return null;
  }

  #endTag(start: number, gt: number): XmlToken {
    const name = this.#buffer.slice(start + 2, gt).trim();
    const open = this.#open[this.#open.length - 1];
    if (open === undefined) {
      this.#fail(start, `end tag </${name}> with no element open`, "check that the file was exported whole");
    }
    if (open !== name) {
      this.#fail(start, `end tag </${name}> where </${open}> was expected`, "check that the file was exported whole");
    }
    this.#open.pop();
    return { kind: "end", name };
  }

  #startTag(start: number, gt: number): XmlToken {
    let inner = this.#buffer.slice(start + 1, gt);
    const selfClosing = inner.endsWith("/");
    if (selfClosing) {
      inner = inner.slice(0, -1);
    }

    const nameEnd = inner.search(/[ \t\r\n]|$/);
    const name = inner.slice(0, nameEnd);
    if (!NAME.test(name)) {
      this.#fail(start, `invalid element name '${name.slice(0, 40)}'`, "check that the file is an XML capture");
    }
    const attributes = this.#attributes(inner, nameEnd, start + 1);
    if (!selfClosing) {
      this.#open.push(name);
    }
    return { kind: "start", name, attributes, selfClosing };
  }

  /** Parses `name="value"` pairs of a tag; `base` is the buffer offset of `inner`. */
  #attributes(inner: string, from: number, base: number): Map<string, string> {
    const attributes = new Map<string, string>();
    const fix = "check that the file is an XML capture";
    let i = from;
    for (;;) {
      while (i < inner.length && SPACE.test(inner[i]!)) {
        i++;
      }
      if (i >= inner.length) {
        return attributes;
      }

      ATTRIBUTE.lastIndex = i;
      const match = ATTRIBUTE.exec(inner);
      if (match === null || !NAME.test(match[1]!)) {
        this.#fail(base + i, "invalid attribute: expected name=\"value\"", fix);
      }
      const name = match[1]!;
      const valueStart = i + match[0].length;
      const valueEnd = inner.indexOf(match[2]!, valueStart);
      const raw = inner.slice(valueStart, valueEnd);
      if (raw.includes("<")) {
        this.#fail(base + valueStart, `'<' in the value of attribute '${name}'`, fix);
      }
      if (attributes.has(name)) {
        this.#fail(base + i, `attribute '${name}' given twice`, fix);
      }

      const value = decodeReferences(raw, (offset, problem) => this.#fail(base + valueStart + offset, problem, fix));
      // XML 1.0 section 3.3.3: whitespace characters in a value become spaces.
      attributes.set(name, value.replace(/[\t\r\n]/g, " "));
      i = valueEnd + 1;
      if (i < inner.length && !SPACE.test(inner[i]!)) {
        this.#fail(base + i, "attributes must be separated by whitespace", fix);
      }
    }
  }

  /** Drops the consumed part of the buffer, keeping its position counts. */
  #compact(): void {
    if (this.#pos === 0) {
      return;
    }
    const dropped = this.#buffer.slice(0, this.#pos);
    const lastBreak = dropped.lastIndexOf("\n");
    this.#lineBefore += countLineFeeds(dropped);
    this.#columnBefore = lastBreak < 0 ? this.#columnBefore + dropped.length : dropped.length - lastBreak;
    this.#bytesBefore += this.#byteLength(dropped);
    this.#buffer = this.#buffer.slice(this.#pos);
    this.#pos = 0;
  }

  #positionAt(offset: number): XmlPosition {
    const before = this.#buffer.slice(0, offset);
    const lastBreak = before.lastIndexOf("\n");
    return {
      line: this.#lineBefore + countLineFeeds(before),
      column: lastBreak < 0 ? this.#columnBefore + before.length : before.length - lastBreak,
      byte: this.#bytesBefore + this.#byteLength(before),
    };
  }

  #fail(offset: number, problem: string, fix: string): never {
    throw new XmlCaptureError(this.#source, `invalid XML: ${problem}`, fix, this.#positionAt(offset));
  }
}

/** Returns the offset of the `>` that ends a tag, skipping quoted values; -1 when not there yet. */
function findTagEnd(text: string, from: number): number {
  let quote = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) {
        quote = 0;
      }
    } else if (c === 34 || c === 39) {
      quote = c;
    } else if (c === 62) {
      return i;
    }
  }
  return -1;
}

function countLineFeeds(text: string): number {
  let count = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) {
    count++;
  }
  return count;
}

function normaliseLineEnds(text: string): string {
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}
