/**
 * Name positions of SSMS template parameters: the places where a
 * `<name, type, default>` stands for an object name and cannot be read as
 * comparisons, such as `CREATE PROCEDURE <Procedure_Name, sysname, p> AS`
 * or `DROP TRIGGER <trigger_name, sysname, t> ON DATABASE`.
 */

import { isIdentifierPart } from "../lexer/characters.js";

/**
 * Statements and clauses whose object type is followed by the object's
 * name; ADD as in `ALTER TABLE t ADD CONSTRAINT <name, ...>`.
 */
const DEFINITIONS: ReadonlySet<string> = new Set(["CREATE", "ALTER", "DROP", "ADD"]);

/** The last word of an object type in CREATE, ALTER or DROP. */
const OBJECT_TYPES: ReadonlySet<string> = new Set([
  "AGGREGATE", "ASSEMBLY", "AUDIT", "BINDING", "CATALOG", "CERTIFICATE",
  "COLLECTION", "COLUMN", "CONSTRAINT", "CONTRACT", "CREDENTIAL", "DATABASE", "DEFAULT", "ENDPOINT",
  "FUNCTION", "GROUP", "INDEX", "KEY", "LOGIN", "NOTIFICATION", "POLICY",
  "POOL", "PRIORITY", "PROC", "PROCEDURE", "QUEUE", "ROLE", "ROUTE", "RULE",
  "SCHEMA", "SCHEME", "SEQUENCE", "SERVICE", "SESSION", "SPECIFICATION",
  "STATISTICS", "STOPLIST", "SYNONYM", "TABLE", "TRIGGER", "TYPE", "USER",
  "VIEW",
]);

/**
 * Words that may stand between CREATE, ALTER or DROP and the last word of
 * the object type: `CREATE OR ALTER PROCEDURE`, `CREATE UNIQUE CLUSTERED
 * INDEX`, `CREATE PARTITION FUNCTION`, `CREATE XML SCHEMA COLLECTION`.
 */
const TYPE_PREFIXES: ReadonlySet<string> = new Set([
  "OR", "ALTER", "UNIQUE", "CLUSTERED", "NONCLUSTERED", "COLUMNSTORE",
  "PRIMARY", "XML", "SPATIAL", "SELECTIVE", "PARTITION", "MESSAGE", "SCHEMA",
  "FULLTEXT", "EVENT", "SYMMETRIC", "ASYMMETRIC", "APPLICATION", "SERVER",
  "DATABASE", "SCOPED", "AUDIT", "EXTERNAL", "SECURITY", "WORKLOAD",
  "RESOURCE", "AVAILABILITY", "BROKER", "REMOTE", "SERVICE", "SEARCH",
  "PROPERTY", "LIST",
]);

/**
 * Reserved keywords that can neither end nor start an operand, so a
 * comparison can never follow or precede them.
 */
const NOT_OPERANDS: ReadonlySet<string> = new Set(["AS", "ON"]);

/** How many words before `<` are read to find CREATE, ALTER or DROP. */
const MAX_WORDS_BEFORE = 8;

/**
 * Tells whether the parameter at `text[start, end)` sits in a name
 * position: after the object type of CREATE, ALTER or DROP (also after
 * `IF EXISTS`), after ON or AS, or before ON or AS. Only the words on the
 * parameter's line count.
 */
export function inNamePosition(text: string, start: number, end: number): boolean {
  if (NOT_OPERANDS.has(wordAfter(text, end))) {
    return true;
  }

  const words = wordsBefore(text, start, MAX_WORDS_BEFORE);
  if (words.length === 0) {
    return false;
  }
  if (NOT_OPERANDS.has(words[0]!)) {
    return true;
  }

  let i = words[0] === "EXISTS" && words[1] === "IF" ? 2 : 0;
  if (!OBJECT_TYPES.has(words[i] ?? "")) {
    return false;
  }

  for (i++; i < words.length; i++) {
    const word = words[i]!;
    if (DEFINITIONS.has(word)) {
      return true;
    }
    if (!TYPE_PREFIXES.has(word)) {
      return false;
    }
  }
  return false;
}

/** Reads the upper-case word that starts after blanks at `from`, or "". */
function wordAfter(text: string, from: number): string {
  let pos = from;
  while (pos < text.length && isBlank(text.charCodeAt(pos))) {
    pos++;
  }

  const start = pos;
  while (pos < text.length && isIdentifierPart(text.charCodeAt(pos))) {
    pos++;
  }
  return text.slice(start, pos).toUpperCase();
}

/**
 * Reads up to `limit` upper-case words that end before `from`, nearest
 * first, separated only by blanks on the same line. Anything else (a
 * bracket, a dot, a comment, a line break) ends the list.
 */
function wordsBefore(text: string, from: number, limit: number): string[] {
  const words: string[] = [];
  let pos = from;
  while (words.length < limit) {
    while (pos > 0 && isBlank(text.charCodeAt(pos - 1))) {
      pos--;
    }

    const end = pos;
    while (pos > 0 && isIdentifierPart(text.charCodeAt(pos - 1))) {
      pos--;
    }
    if (pos === end) {
      break;
    }
    words.push(text.slice(pos, end).toUpperCase());
  }
  return words;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}
