/**
 * Redacts the messages of findings, parse errors, skipped inputs and
 * collection problems. Messages mix English with names, which may be
 * unquoted (`four-part name SQL02.Sales.dbo.Orders`), quoted (`database
 * 'Sales'`) or bracketed. The scanner replaces, in this order:
 *
 * 1. every known name that contains spaces or punctuation (`Order Details`,
 *    `sql01.corp.example,1433`), longest first;
 * 2. every quoted or bracketed text, redacted word by word as strictly as
 *    a finding's message, unless it is the finding's detail;
 * 3. every word that is a known name or script folder; in a dotted name
 *    such as `Sales.dbo.usp_Seal`, every part once one part is a name.
 *
 * In strict mode, used for findings, a word that is neither a T-SQL word
 * nor a word of the detectors' messages is treated as a name as well.
 * Prose mode, used for the other messages, keeps other words, because
 * those messages are English sentences that quote the names they mention.
 */

import { isBuiltInName } from "./built-in-names.js";
import { prefixKind, type PathKind } from "./kinds.js";
import type { Namer } from "./namer.js";
import type { Vocabulary } from "./vocabulary.js";

export interface MessageContext {
  readonly namer: Namer;
  readonly vocabulary: Vocabulary;
  readonly complexNames: ComplexNames;
}

export interface MessageOptions {
  /** Treat unknown words as names, as in a finding's message. */
  readonly strict: boolean;
  /** The finding's detail, lower-case; quoted, it stays as written. */
  readonly detail?: string;
}

/** Returns `text` with its names replaced. */
export function redactMessage(text: string, context: MessageContext, options: MessageOptions): string {
  return scan(text, 0, text.length, context, options.strict, options.detail);
}

function scan(
  text: string,
  from: number,
  to: number,
  context: MessageContext,
  strict: boolean,
  detail: string | undefined,
): string {
  let out = "";
  let i = from;

  while (i < to) {
    const match = context.complexNames.matchAt(text, i, to);
    if (match !== undefined) {
      out += match.path === undefined
        ? context.namer.name(match.spelling, "name")
        : context.namer.pathSegment(match.spelling, match.path);
      i = match.end;
      continue;
    }

    const close = closingQuote(text, i, to);
    if (close !== undefined) {
      const content = text.slice(i + 1, close);
      const kept =
        (detail !== undefined && content.toLowerCase() === detail) ||
        context.vocabulary.isCatalogValue(content);
      out += kept
        ? text.slice(i, close + 1)
        : text[i]! + scan(text, i + 1, close, context, true, detail) + text[close]!;
      i = close + 1;
      continue;
    }

    const chain = dottedChain(text, i, to);
    if (chain.length > 0) {
      // In `Sales.dbo.usp_Seal` one known part makes every part a name.
      const named =
        strict ||
        (chain.length > 1 && chain.some((w) => isBuiltInName(w) || context.namer.isKnown(w)));
      const part = chain.length > 1;
      out += chain.map((w) => wordReplacement(w, context, named, part)).join(".");
      i += chain.join(".").length;
      continue;
    }

    out += text[i]!;
    i++;
  }
  return out;
}

/**
 * Keeps words of T-SQL and of the detectors' messages unless a structured
 * part uses them as names: code also uses such words as names (`[type]`,
 * `[value]`), and replacing every `type` in `data type bit` would hide
 * nothing but the message. A reserved keyword stays even then, as in
 * code, unless it is a part of a dotted name (`Sales.Order`). In prose,
 * only names that a structured part lists and script folders are
 * replaced: code's own names (columns, aliases) are common words too, and
 * prose mentions them only quoted.
 */
function wordReplacement(word: string, context: MessageContext, strict: boolean, part: boolean): string {
  const { namer, vocabulary } = context;

  if (word.startsWith("@@") || /^[0-9]/.test(word) || /^[@#$]+$/.test(word) || isBuiltInName(word)) {
    return word;
  }
  if (!part && vocabulary.isReserved(word.toUpperCase())) {
    return word;
  }
  const known = namer.isKnown(word);
  const folder = !known && namer.isPathSegment(word, "folder");
  if (folder && strict) {
    return namer.pathSegment(word, "folder");
  }
  if (!known && (vocabulary.isSqlWord(word) || vocabulary.isMessageWord(word))) {
    return word;
  }
  if (folder) {
    return namer.pathSegment(word, "folder");
  }
  return known || strict ? namer.name(word, prefixKind(word) ?? "name") : word;
}

const WORD_CHARACTER = /[\p{L}\p{N}\p{M}_@#$]/u;

/** Returns the words at `i` joined by single dots, as in `db.schema.name`, or none when no word starts there. */
function dottedChain(text: string, i: number, to: number): string[] {
  const words: string[] = [];
  let at = i;
  for (;;) {
    const length = wordLength(text, at, to);
    if (length === 0) {
      return words;
    }
    words.push(text.slice(at, at + length));
    at += length;
    if (text[at] !== "." || wordLength(text, at + 1, to) === 0) {
      return words;
    }
    at++;
  }
}

/** Length in UTF-16 code units of the name-like word at `i`, or 0. */
function wordLength(text: string, i: number, to: number): number {
  let end = i;
  while (end < to) {
    const codePoint = text.codePointAt(end)!;
    const character = String.fromCodePoint(codePoint);
    if (!WORD_CHARACTER.test(character)) {
      break;
    }
    end += character.length;
  }
  return end - i;
}

function isWordCharacterAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) {
    return false;
  }
  const codePoint = text.codePointAt(i)!;
  return WORD_CHARACTER.test(String.fromCodePoint(codePoint));
}

/**
 * Returns the index of the quote that closes the one at `i`, or undefined
 * when `i` opens no quote. A doubled closing character is part of the
 * text, as in T-SQL. An apostrophe after a letter (`server's`) opens
 * nothing, and a closing apostrophe must not be followed by a letter.
 */
function closingQuote(text: string, i: number, to: number): number | undefined {
  const open = text[i];
  let close: string;
  if (open === "'") {
    if (isWordCharacterAt(text, i - 1)) {
      return undefined;
    }
    close = "'";
  } else if (open === '"') {
    close = '"';
  } else if (open === "[") {
    close = "]";
  } else {
    return undefined;
  }

  for (let j = i + 1; j < to; j++) {
    if (text[j] !== close) {
      continue;
    }
    if (j + 1 < to && text[j + 1] === close) {
      j++;
      continue;
    }
    if (close === "'" && isWordCharacterAt(text, j + 1)) {
      continue;
    }
    return j;
  }
  return undefined;
}

interface ComplexName {
  readonly lower: string;
  readonly spelling: string;
  readonly path?: PathKind;
}

/**
 * The known names that contain characters other than word characters,
 * found in text by exact match, ignoring case. At each position the
 * longest name wins, and a name that starts or ends with a word character
 * must not continue a longer word there.
 */
export class ComplexNames {
  readonly #byFirst = new Map<string, ComplexName[]>();

  constructor(spellings: Iterable<{ readonly text: string; readonly path?: PathKind }>) {
    for (const { text, path } of spellings) {
      if (text === "" || /^[\p{L}\p{N}\p{M}_@#$]+$/u.test(text)) {
        continue;
      }
      const lower = text.toLowerCase();
      const first = lower[0]!;
      const list = this.#byFirst.get(first) ?? [];
      list.push({ lower, spelling: text, ...(path === undefined ? {} : { path }) });
      this.#byFirst.set(first, list);
    }
    for (const list of this.#byFirst.values()) {
      list.sort((x, y) => y.lower.length - x.lower.length);
    }
  }

  /** Returns the longest known name at `i` that ends by `to`. */
  matchAt(
    text: string,
    i: number,
    to: number,
  ): { readonly end: number; readonly spelling: string; readonly path?: PathKind } | undefined {
    const candidates = this.#byFirst.get(text[i]!.toLowerCase());
    if (candidates === undefined) {
      return undefined;
    }
    if (isWordCharacterAt(text, i) && isWordCharacterAt(text, i - 1)) {
      return undefined;
    }

    for (const candidate of candidates) {
      const end = i + candidate.lower.length;
      if (end > to || text.slice(i, end).toLowerCase() !== candidate.lower) {
        continue;
      }
      if (isWordCharacterAt(text, end - 1) && isWordCharacterAt(text, end)) {
        continue;
      }
      return { end, spelling: candidate.spelling, ...(candidate.path === undefined ? {} : { path: candidate.path }) };
    }
    return undefined;
  }
}
