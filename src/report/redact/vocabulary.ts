/**
 * The words redaction keeps: T-SQL keywords, types, built-in functions,
 * system procedures and catalog views, and the values the catalog lists
 * as details (`md5`, `year`, `nolock`). The catalog contributes its own
 * names, so a feature added to it is kept as soon as it exists.
 */

import { defaultCatalog, findVariant, listFeatures, type Catalog } from "../../catalog/catalog.js";
import { DATABASE_PARTS, SERVER_PARTS } from "../../sources/sqlserver/inventory/index.js";
import { RESERVED_KEYWORDS } from "../../tsql/lexer/keywords.js";
import {
  COMMON_FUNCTIONS,
  DATA_TYPES,
  DOLLAR_WORDS,
  MESSAGE_WORDS,
  NON_RESERVED_KEYWORDS,
} from "./keyword-list.js";

export interface Vocabulary {
  /** Whether the upper-case `word` is a reserved keyword, never a bare name. */
  isReserved(word: string): boolean;
  /** Whether `word` is a word of T-SQL that redaction keeps; any case. */
  isSqlWord(word: string): boolean;
  /** Whether `word` names a system data type; any case. */
  isDataType(word: string): boolean;
  /** Whether `word` is a word of the detectors' messages; any case. */
  isMessageWord(word: string): boolean;
  /** Whether `text` is a value the catalog lists as a detail, such as `MD5`. */
  isCatalogValue(text: string): boolean;
  /** Whether the catalog lists `detail` for `featureId`. */
  isFeatureDetail(featureId: string, detail: string): boolean;
}

/** Feature id prefixes whose last segment is the name of a T-SQL built-in. */
const NAMED_FEATURE_PREFIXES = [
  "builtin.function.",
  "builtin.method.",
  "sysproc.",
  "datatype.",
  "xml.method.",
  "json.",
  "catalog.sys_",
  "catalog.msdb_dbo_",
  "catalog.information_schema_",
];

/**
 * The parts the collector names in its problems besides the inventory
 * parts: the permission check, the database list, a database that could
 * not be opened and the modules.
 */
const COLLECTOR_PARTS = ["permissions", "database-list", "database", "modules"];

/**
 * Returns the words of the inventory part names and query ids, which
 * collection problems quote (`cannot read part 'agent'`).
 */
function inventoryPartWords(): string[] {
  const names = [...SERVER_PARTS, ...DATABASE_PARTS].flatMap((part) => [
    part.name,
    ...part.queries.map((query) => query.id),
  ]);
  return [...names, ...COLLECTOR_PARTS].flatMap((name) => name.split(/[-._]/));
}

const vocabularies = new WeakMap<Catalog, Vocabulary>();

/** Returns the vocabulary of `catalog`, built once per catalog. */
export function vocabularyOf(catalog: Catalog = defaultCatalog()): Vocabulary {
  let vocabulary = vocabularies.get(catalog);
  if (vocabulary === undefined) {
    vocabulary = buildVocabulary(catalog);
    vocabularies.set(catalog, vocabulary);
  }
  return vocabulary;
}

function buildVocabulary(catalog: Catalog): Vocabulary {
  const sqlWords = new Set<string>([
    ...RESERVED_KEYWORDS,
    ...NON_RESERVED_KEYWORDS,
    ...DATA_TYPES,
    ...COMMON_FUNCTIONS,
    ...DOLLAR_WORDS,
  ]);
  const catalogValues = new Set<string>();

  for (const entry of listFeatures(catalog)) {
    const prefix = NAMED_FEATURE_PREFIXES.find((p) => entry.id.startsWith(p));
    if (prefix !== undefined) {
      sqlWords.add(entry.id.slice(prefix.length).toUpperCase());
    }

    for (const variant of entry.details ?? []) {
      for (const value of [variant.detail, ...(variant.aliases ?? [])]) {
        catalogValues.add(value);
        // `read committed`, `sha2_256`: each word of a detail is T-SQL.
        // Abbreviations such as the date parts `d` and `yy` are left out,
        // because code uses such short words as aliases.
        for (const word of [value, ...value.split(/[\s_]+/)]) {
          if (/^[a-z][a-z0-9_]{2,}$/.test(word)) {
            sqlWords.add(word.toUpperCase());
          }
        }
      }
    }
  }

  const messageWords = new Set([...MESSAGE_WORDS, ...inventoryPartWords()].map((w) => w.toUpperCase()));
  const dataTypes = new Set(DATA_TYPES);

  return {
    isReserved: (word) => RESERVED_KEYWORDS.has(word),
    isSqlWord: (word) => sqlWords.has(word.toUpperCase()),
    isDataType: (word) => dataTypes.has(word.toUpperCase()),
    isMessageWord: (word) => messageWords.has(word.toUpperCase()),
    isCatalogValue: (text) => catalogValues.has(text.trim().toLowerCase()),
    isFeatureDetail: (featureId, detail) => {
      const entry = catalog.entries.get(featureId);
      return entry !== undefined && findVariant(entry, detail) !== undefined;
    },
  };
}
