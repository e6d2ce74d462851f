/**
 * When a name after an expression or table is an alias written without AS.
 * Reserved keywords never are; a few unreserved words that begin clauses or
 * statements are not taken either, so `DELETE t OUTPUT ...`, `MERGE t USING`
 * and a THROW after an unterminated statement keep their meaning.
 */

import type { Parser } from "./parser.js";

const NOT_ALIASES = new Set([
  "OUTPUT",
  "USING",
  "WINDOW",
  "THROW",
  "ENABLE",
  "DISABLE",
  "RECEIVE",
  "SEND",
  "GET",
  "MOVE",
  "OFFSET",
]);

export function isBareAlias(p: Parser, offset = 0): boolean {
  if (!p.isIdentifier(offset)) {
    return false;
  }
  const word = p.wordAt(offset);
  return word === undefined || !NOT_ALIASES.has(word);
}
