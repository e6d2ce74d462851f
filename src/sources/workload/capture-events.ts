/**
 * Reads the events of one capture file as a stream: bytes are decoded and
 * tokenized a chunk at a time, and each event is handed on as soon as its
 * end tag is read. Only the fields that event-fields.ts keeps are
 * buffered, so memory depends on the largest SQL text, not on the size of
 * the file.
 */

import {
  extendedEvent,
  EXTENDED_EVENT_KEPT,
  profilerEvent,
  PROFILER_COLUMN_NAMES,
  PROFILER_KEPT,
  type CaptureEvent,
} from "./event-fields.js";
import type { CaptureFormat } from "./model.js";
import { XmlDecoder } from "./xml-decoder.js";
import { XmlCaptureError } from "./xml-error.js";
import { XmlTokenizer, type XmlToken } from "./xml-tokenizer.js";

/** The result of reading a capture, besides its events. */
export interface CaptureScan {
  /** Undefined when the file is in neither format. */
  readonly format: CaptureFormat | undefined;
  readonly bytes: number;
  /** Events read whole, of every type. */
  readonly events: number;
  /** Events whose SQL text was longer than MAX_VALUE_CHARS and was left out. */
  readonly oversized: number;
  /** The reason the file ended early, when it did. The events before that point were read. */
  readonly truncation?: string;
  /** Maximum characters the tokenizer buffered at once. */
  readonly maxBufferedChars: number;
}

/** Maximum length of a kept field value, in characters. Longer SQL is left out and counted. */
export const MAX_VALUE_CHARS = 16 * 1024 * 1024;

/**
 * Reads `chunks` to the end and calls `onEvent` for each complete event.
 * Throws an XmlCaptureError on invalid XML, and when the file contains no
 * events of either format. Aborting `signal` stops the reading between
 * two chunks; the scan then covers what was read.
 */
export async function scanCapture(
  file: string,
  chunks: AsyncIterable<Uint8Array>,
  onEvent: (event: CaptureEvent) => void,
  signal?: AbortSignal,
): Promise<CaptureScan> {
  const decoder = new XmlDecoder(file);
  let tokenizer: XmlTokenizer | undefined;
  const collector = new EventCollector(onEvent);
  let bytes = 0;

  const pump = (text: string, final: boolean): void => {
    tokenizer ??= new XmlTokenizer(file, (t) => decoder.byteLength(t), decoder.bomBytes);
    tokenizer.feed(text, final);
    for (let token = tokenizer.next(); token !== undefined; token = tokenizer.next()) {
      collector.add(token);
    }
  };

  for await (const chunk of chunks) {
    if (signal?.aborted === true) {
      return { format: collector.format, bytes, events: collector.events, oversized: collector.oversized, maxBufferedChars: 0 };
    }
    bytes += chunk.length;
    const text = decoder.decode(chunk);
    if (text !== "") {
      pump(text, false);
    }
  }
  pump(decoder.decode(new Uint8Array(), true), true);

  if (collector.format === undefined) {
    throw new XmlCaptureError(
      file,
      "it contains no Extended Events <event> elements and no Profiler <TraceData>",
      "export the capture as docs/workload.md describes",
    );
  }

  const truncation = tokenizer?.endProblem();
  return {
    format: collector.format,
    bytes,
    events: collector.events,
    oversized: collector.oversized,
    ...(truncation === undefined ? {} : { truncation }),
    maxBufferedChars: tokenizer?.maxBufferedChars ?? 0,
  };
}

/** The event being read, with the fields kept so far. */
interface OpenEvent {
  readonly format: CaptureFormat;
  readonly name: string;
  readonly timestamp: string | undefined;
  /** Depth of the event element in the document. */
  readonly depth: number;
  readonly fields: Map<string, string>;
  oversized: boolean;
}

/** The field whose value is being read: `data:NAME`, `action:NAME` or a Profiler column name. */
interface OpenField {
  readonly key: string;
  readonly keep: boolean;
  /** Depth of the `<value>` (Extended Events) or `<Column>` (Profiler) whose text is the value. */
  valueDepth: number | undefined;
  text: string;
}

/** Turns tokens into events; see event-fields.ts for the two shapes. */
class EventCollector {
  format: CaptureFormat | undefined;
  events = 0;
  oversized = 0;
  readonly #onEvent: (event: CaptureEvent) => void;
  /** Local names of the open elements. */
  readonly #path: string[] = [];
  #event: OpenEvent | undefined;
  #field: OpenField | undefined;

  constructor(onEvent: (event: CaptureEvent) => void) {
    this.#onEvent = onEvent;
  }

  add(token: XmlToken): void {
    switch (token.kind) {
      case "start":
        this.#start(localName(token.name), token.attributes, token.selfClosing);
        break;
      case "end":
        this.#end();
        break;
      case "text":
        this.#text(token.text);
        break;
    }
  }

  #start(name: string, attributes: ReadonlyMap<string, string>, selfClosing: boolean): void {
    const depth = this.#path.length;
    if (depth === 0 && name === "TraceData") {
      this.format ??= "profilerTrace";
    } else if (depth === 0 && name === "RingBufferTarget") {
      this.format ??= "extendedEvents";
    }

    const event = this.#event;
    if (event === undefined) {
      this.#startEvent(name, attributes, depth);
    } else if (depth === event.depth + 1) {
      this.#startField(event, name, attributes, depth);
    } else if (depth === event.depth + 2 && name === "value" && this.#field !== undefined) {
      this.#field.valueDepth = depth;
    }

    if (selfClosing) {
      this.#end(false);
    } else {
      this.#path.push(name);
    }
  }

  #startEvent(name: string, attributes: ReadonlyMap<string, string>, depth: number): void {
    const parent = this.#path[depth - 1];
    let format: CaptureFormat | undefined;
    if (name === "event") {
      format = "extendedEvents";
    } else if (name === "Event" && parent === "Events") {
      // Profiler also writes <Event id=...> under <TracedEvents> in its
      // header; those list the traced classes and are no events.
      format = "profilerTrace";
    }
    if (format === undefined) {
      return;
    }

    this.format ??= format;
    this.#event = {
      format,
      name: attributes.get("name") ?? "",
      timestamp: attributes.get("timestamp"),
      depth,
      fields: new Map(),
      oversized: false,
    };
  }

  #startField(event: OpenEvent, name: string, attributes: ReadonlyMap<string, string>, depth: number): void {
    if (event.format === "extendedEvents" && (name === "data" || name === "action")) {
      const key = `${name}:${attributes.get("name") ?? ""}`;
      this.#field = { key, keep: EXTENDED_EVENT_KEPT.has(key), valueDepth: undefined, text: "" };
    } else if (event.format === "profilerTrace" && name === "Column") {
      const key = attributes.get("name") ?? PROFILER_COLUMN_NAMES[attributes.get("id") ?? ""] ?? "";
      this.#field = { key, keep: PROFILER_KEPT.has(key), valueDepth: depth, text: "" };
    }
  }

  #text(text: string): void {
    const field = this.#field;
    const event = this.#event;
    if (field === undefined || event === undefined || !field.keep || field.valueDepth === undefined) {
      return;
    }
    if (field.text.length + text.length > MAX_VALUE_CHARS) {
      event.oversized = true;
      return;
    }
    field.text += text;
  }

  /** Closes an element; `pop` is false for a self-closing tag, which was never pushed. */
  #end(pop = true): void {
    if (pop) {
      this.#path.pop();
    }
    const depth = this.#path.length;
    const event = this.#event;
    const field = this.#field;
    if (event === undefined) {
      return;
    }

    if (field !== undefined && depth === field.valueDepth) {
      // The first value of a field counts; Extended Events write one.
      if (field.keep && !event.fields.has(field.key)) {
        event.fields.set(field.key, field.text);
      }
      field.valueDepth = undefined;
    }
    if (depth === event.depth + 1) {
      this.#field = undefined;
    }
    if (depth === event.depth) {
      this.#finishEvent(event);
    }
  }

  #finishEvent(event: OpenEvent): void {
    this.#event = undefined;
    this.#field = undefined;
    this.events++;

    if (event.oversized) {
      this.oversized++;
      event.fields.delete("data:batch_text");
      event.fields.delete("data:statement");
      event.fields.delete("TextData");
    }
    const built =
      event.format === "extendedEvents"
        ? extendedEvent(event.name, event.timestamp, event.fields)
        : profilerEvent(event.name, event.fields);
    this.#onEvent(built);
  }
}

/** Drops a namespace prefix: `x:event` is `event`. */
function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}
