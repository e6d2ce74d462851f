/**
 * Redacts an assessment for sharing with third parties: server, database
 * and object names, paths, principals and code are replaced with stable
 * pseudonyms, consistent across the whole report. The section "Redacted
 * reports" of docs/security.md states the rules.
 */

import type { Assessment } from "../../assessment/model.js";
import type { Catalog } from "../../catalog/catalog.js";
import { CollectingNamer, MappingNamer } from "./namer.js";
import { NameRegistry, type PseudonymEntry } from "./registry.js";
import { RedactedTexts } from "./texts.js";
import { vocabularyOf } from "./vocabulary.js";
import { walkAssessment } from "./walk.js";

export interface RedactOptions {
  /**
   * Source text by unit name, as the HTML code view takes it. Only the
   * units with findings or parse errors are read.
   */
  readonly texts?: ReadonlyMap<string, string>;
  /**
   * A secret that orders the numbering: with it, pseudonyms follow
   * HMAC-SHA256(secret, name) instead of the names' alphabetical order,
   * so someone who can guess the names cannot match them to pseudonyms.
   */
  readonly secret?: string | Uint8Array;
  /** Catalog whose function names and details are kept; infio's own by default. */
  readonly catalog?: Catalog;
}

export interface RedactResult {
  readonly assessment: Assessment;
  /**
   * Redacted source text by redacted unit name, for the HTML code view.
   * Each text is read from `options.texts` and redacted when asked for.
   */
  readonly texts: ReadonlyMap<string, string>;
  /**
   * Every name with its pseudonym. It undoes the redaction, so it is for
   * the person who shares the report, never for the report.
   */
  readonly pseudonyms: readonly PseudonymEntry[];
  /**
   * Inventory fields that the field policy does not list, as `part.field`;
   * the fallback redacted them. Empty for inventory of this infio version.
   */
  readonly unlistedFields: readonly string[];
}

/**
 * Returns a redacted copy of `assessment` and of its source texts. The
 * input is not changed. Pseudonyms depend only on the input and the
 * secret, so two runs over the same input give the same output.
 */
export function redactAssessment(assessment: Assessment, options: RedactOptions = {}): RedactResult {
  const vocabulary = vocabularyOf(options.catalog);
  const registry = new NameRegistry();

  walkAssessment({
    assessment,
    texts: options.texts,
    namer: new CollectingNamer(registry),
    registry,
    vocabulary,
  });

  const table = registry.number(options.secret);
  const namer = new MappingNamer(registry, table);
  const result = walkAssessment({ assessment, texts: options.texts, namer, registry, vocabulary });

  return {
    assessment: result.assessment,
    texts: new RedactedTexts(result.textUnits, options.texts ?? new Map(), { namer, vocabulary }),
    pseudonyms: table.entries(),
    unlistedFields: result.unlistedFields,
  };
}
