/**
 * What the redaction tests share: running a piece of redaction through
 * both walks (register, then replace), rendering a redacted assessment in
 * every format, and searching the output for names that must be gone.
 */

import type { Assessment } from "../../../src/assessment/model.js";
import { defaultCatalog } from "../../../src/catalog/catalog.js";
import { featureLookup } from "../../../src/cli/feature-lookup.js";
import { renderCsv, renderHtml, renderJson, renderSarif } from "../../../src/report/index.js";
import type { RedactResult } from "../../../src/report/redact/index.js";
import type { NameKind } from "../../../src/report/redact/kinds.js";
import { CollectingNamer, MappingNamer, type Namer } from "../../../src/report/redact/namer.js";
import { NameRegistry } from "../../../src/report/redact/registry.js";
import { vocabularyOf, type Vocabulary } from "../../../src/report/redact/vocabulary.js";

export interface PassContext {
  readonly namer: Namer;
  readonly vocabulary: Vocabulary;
  readonly registry: NameRegistry;
}

/**
 * Registers `known` names, runs `step` to register what it meets, numbers
 * the names and runs `step` again with the pseudonyms; returns the second
 * result. This is what redactAssessment does with the whole report.
 */
export function twoPass<T>(
  known: readonly (readonly [string, NameKind])[],
  step: (context: PassContext) => T,
  secret?: string,
): T {
  const registry = new NameRegistry();
  const vocabulary = vocabularyOf();
  const collecting = new CollectingNamer(registry);
  for (const [name, kind] of known) {
    collecting.name(name, kind);
  }
  step({ namer: collecting, vocabulary, registry });

  const namer = new MappingNamer(registry, registry.number(secret));
  return step({ namer, vocabulary, registry });
}

export interface Renderings {
  readonly json: string;
  readonly csv: string;
  readonly sarif: string;
  readonly html: string;
}

/** Renders the redacted assessment in every format, the HTML page with its code view. */
export function renderAll(result: RedactResult): Renderings {
  const features = featureLookup(defaultCatalog());
  return {
    json: renderJson(result.assessment),
    csv: renderCsv(result.assessment),
    sarif: renderSarif(result.assessment, { features }),
    html: renderHtml(result.assessment, { features, sources: result.texts }),
  };
}

/**
 * Returns every text a reader of the shared report could see: the four
 * files with their escaping undone, and each redacted source text.
 */
export function visibleTexts(renderings: Renderings, texts: ReadonlyMap<string, string>): string[] {
  const html = renderings.html
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&amp;", "&");
  return [
    renderings.json,
    stringsOf(JSON.parse(renderings.json)).join("\n"),
    renderings.csv.replaceAll('""', '"'),
    stringsOf(JSON.parse(renderings.sarif)).join("\n"),
    renderings.html,
    html,
    ...texts.values(),
  ];
}

function stringsOf(value: unknown): string[] {
  if (typeof value === "string") {
    return [value];
  }
  if (Array.isArray(value)) {
    return value.flatMap(stringsOf);
  }
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).flatMap(([key, v]) => [key, ...stringsOf(v)]);
  }
  return [];
}

const WORD = /[\p{L}\p{N}_]/u;

/**
 * Returns each of `names` that occurs in `texts` as a whole word, ignoring
 * case, with the text around its first occurrence.
 */
export function findLeaks(texts: readonly string[], names: readonly string[]): string[] {
  const leaks: string[] = [];
  const lowered = texts.map((t) => t.toLowerCase());
  for (const name of names) {
    const needle = name.toLowerCase();
    for (const text of lowered) {
      const at = wholeWordIndex(text, needle);
      if (at >= 0) {
        leaks.push(`${name}: …${text.slice(Math.max(0, at - 40), at + needle.length + 40)}…`);
        break;
      }
    }
  }
  return leaks;
}

function wholeWordIndex(text: string, needle: string): number {
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const before = at === 0 ? "" : text[at - 1]!;
    const after = text[at + needle.length] ?? "";
    const startsWord = WORD.test(needle[0]!);
    const endsWord = WORD.test(needle[needle.length - 1]!);
    if ((!startsWord || !WORD.test(before)) && (!endsWord || !WORD.test(after))) {
      return at;
    }
  }
  return -1;
}

/**
 * Matches the fallback pseudonym of a name the first walk missed, such as
 * `table0`; a report whose texts did not change has none.
 */
export const FALLBACK_PSEUDONYM = /\b(?:@var|#temp|[a-z]+)0\b/;

/** Matches a pseudonym as redaction spells them: `table3`, `@var2`, `#temp1`, `email4@example.invalid`. */
export const PSEUDONYM = /^(@|#|##)?[a-z]+\d+(@example\.invalid)?$/;

/** Returns the assessment's unit names, sorted, for comparisons. */
export function unitNames(a: Assessment): string[] {
  return a.units.map((u) => u.file).sort();
}
