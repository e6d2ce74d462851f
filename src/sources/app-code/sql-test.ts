/**
 * Decides whether a string contains T-SQL, from its tokens as the project's
 * T-SQL lexer reads them: a statement keyword first, then what that
 * statement needs (INSERT INTO, UPDATE ... SET, CREATE TABLE, DECLARE @x),
 * and no word that only prose uses. User-interface text such as "Select a
 * file" or "Update available" fails these checks.
 */

import { type Token, TokenFlags, TokenKind } from "../../tsql/lexer/token.js";

export type SqlVerdict = "sql" | "not-sql" | "unterminated";

/** Object types after CREATE, ALTER and DROP. */
const OBJECT_WORDS = new Set([
  "TABLE", "VIEW", "PROCEDURE", "PROC", "FUNCTION", "TRIGGER", "INDEX", "UNIQUE", "CLUSTERED",
  "NONCLUSTERED", "COLUMNSTORE", "SCHEMA", "TYPE", "SEQUENCE", "SYNONYM", "DATABASE", "LOGIN",
  "USER", "ROLE", "STATISTICS", "XML", "FULLTEXT", "ASSEMBLY", "OR", "PARTITION", "CERTIFICATE",
  "SYMMETRIC", "ASYMMETRIC", "MASTER", "CREDENTIAL", "DEFAULT", "RULE", "EVENT", "QUEUE", "SERVICE",
  "CONTRACT", "MESSAGE", "ROUTE", "ENDPOINT", "SECURITY", "EXTERNAL", "SPATIAL", "APPLICATION",
]);

/** SET options that take ON, OFF or a value. */
const SET_OPTIONS = new Set([
  "NOCOUNT", "XACT_ABORT", "ANSI_NULLS", "ANSI_PADDING", "ANSI_WARNINGS", "ARITHABORT",
  "ARITHIGNORE", "QUOTED_IDENTIFIER", "CONCAT_NULL_YIELDS_NULL", "NUMERIC_ROUNDABORT",
  "TRANSACTION", "IDENTITY_INSERT", "ROWCOUNT", "DATEFORMAT", "DATEFIRST", "LANGUAGE",
  "LOCK_TIMEOUT", "DEADLOCK_PRIORITY", "STATISTICS", "SHOWPLAN_XML", "SHOWPLAN_TEXT",
  "SHOWPLAN_ALL", "FMTONLY", "NOEXEC", "PARSEONLY", "CONTEXT_INFO", "IMPLICIT_TRANSACTIONS",
  "CURSOR_CLOSE_ON_COMMIT", "TEXTSIZE", "FORCEPLAN", "ANSI_DEFAULTS", "ANSI_NULL_DFLT_ON",
  "ANSI_NULL_DFLT_OFF", "NO_BROWSETABLE",
]);

/**
 * Words that prose uses and T-SQL almost never has as a bare name. One of
 * them outside quotes makes a string that only looks like SQL prose.
 */
const PROSE_WORDS = new Set([
  "THE", "YOUR", "YOU", "THIS", "THESE", "THOSE", "PLEASE", "WILL", "WAS", "WERE", "HAS", "HAVE",
  "WE", "OUR", "IT", "ITS", "CAN", "COULD", "SHOULD", "WOULD", "MUST", "BEEN", "ARE", "AN",
]);

const NAME_KINDS = new Set([TokenKind.Word, TokenKind.QuotedIdentifier]);
const VALUE_KINDS = new Set([
  TokenKind.Star, TokenKind.Variable, TokenKind.SystemVariable, TokenKind.Integer, TokenKind.Decimal,
  TokenKind.Float, TokenKind.String, TokenKind.NString, TokenKind.Binary,
]);

/** The statement keywords a string may start with. */
export const STATEMENT_KEYWORDS: ReadonlySet<string> = new Set([
  "SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "WITH", "EXEC", "EXECUTE", "CREATE", "ALTER",
  "DROP", "DECLARE", "SET", "IF", "BEGIN", "TRUNCATE", "GRANT", "REVOKE", "DENY", "USE", "WAITFOR",
  "RAISERROR", "THROW", "PRINT", "COMMIT", "ROLLBACK", "SAVE", "BULK", "DBCC",
]);

/**
 * Judges the significant tokens of a string (EndOfInput excluded).
 * `knownCall` accepts a bare procedure name and any statement keyword,
 * because the call marks the text as SQL.
 */
export function judgeSql(tokens: readonly Token[], knownCall: boolean): SqlVerdict {
  if (tokens.length === 0) {
    return "not-sql";
  }
  if (tokens.some((t) => (t.flags & TokenFlags.Unterminated) !== 0)) {
    return "unterminated";
  }
  if (knownCall && (isProcedureName(tokens) || STATEMENT_KEYWORDS.has(wordAt(tokens, 0)))) {
    return "sql";
  }
  if (tokens.some(isForeign)) {
    return "not-sql";
  }
  return hasStatementShape(tokens) ? "sql" : "not-sql";
}

function hasStatementShape(t: readonly Token[]): boolean {
  const has = (word: string) => t.some((x) => x.kind === TokenKind.Word && x.value === word);
  const second = wordAt(t, 1);
  switch (wordAt(t, 0)) {
    case "SELECT":
      return (
        has("FROM") ||
        second === "TOP" ||
        second === "DISTINCT" ||
        VALUE_KINDS.has(t[1]?.kind ?? TokenKind.EndOfInput) ||
        (isName(t[1]) && [TokenKind.LeftParen, TokenKind.Comma, TokenKind.Dot].includes(t[2]?.kind ?? TokenKind.EndOfInput))
      );
    case "INSERT":
      return second === "INTO" || (isName(t[1]) && (has("VALUES") || has("SELECT") || has("EXEC") || has("DEFAULT")));
    case "UPDATE":
      return (isName(t[1]) || second === "TOP") && has("SET");
    case "DELETE":
      return has("FROM") || has("WHERE");
    case "MERGE":
      return has("USING");
    case "WITH":
      return (isName(t[1]) && (wordAt(t, 2) === "AS" || t[2]?.kind === TokenKind.LeftParen)) || second === "XMLNAMESPACES";
    case "EXEC":
    case "EXECUTE":
      return isName(t[1]) || t[1]?.kind === TokenKind.Variable || t[1]?.kind === TokenKind.LeftParen;
    case "CREATE":
    case "ALTER":
    case "DROP":
      return OBJECT_WORDS.has(second);
    case "DECLARE":
      return t[1]?.kind === TokenKind.Variable;
    case "SET":
      return t[1]?.kind === TokenKind.Variable || SET_OPTIONS.has(second);
    case "IF": {
      const condition =
        second === "EXISTS" || second === "NOT" || second === "OBJECT_ID" ||
        t[1]?.kind === TokenKind.Variable || t[1]?.kind === TokenKind.SystemVariable || t[1]?.kind === TokenKind.LeftParen;
      // The condition must be followed by a statement, as in T-SQL and unlike program code.
      return condition && t.slice(2).some((x) => x.kind === TokenKind.Word && STATEMENT_KEYWORDS.has(x.value) && x.value !== "IF");
    }
    case "BEGIN":
      return ["TRAN", "TRANSACTION", "TRY", "DISTRIBUTED"].includes(second) || wordAt(t, t.length - 1) === "END";
    case "TRUNCATE":
      return second === "TABLE";
    case "GRANT":
    case "REVOKE":
    case "DENY":
      return has("ON") || has("TO");
    case "USE":
      return t.length <= 3 && isName(t[1]) && (t.length === 2 || t[2]?.kind === TokenKind.Semicolon);
    case "WAITFOR":
      return second === "DELAY" || second === "TIME" || t[1]?.kind === TokenKind.LeftParen;
    case "RAISERROR":
      return t[1]?.kind === TokenKind.LeftParen;
    case "THROW":
      return t[1]?.kind === TokenKind.Integer || t[1]?.kind === TokenKind.Variable;
    case "PRINT":
      return t[1]?.kind === TokenKind.String || t[1]?.kind === TokenKind.NString || t[1]?.kind === TokenKind.Variable;
    case "COMMIT":
    case "ROLLBACK":
    case "SAVE":
      return ["TRAN", "TRANSACTION", "WORK"].includes(second);
    case "BULK":
      return second === "INSERT";
    case "DBCC":
      return isName(t[1]);
    default:
      return false;
  }
}

/**
 * Returns whether a token marks the text as something other than SQL: a
 * character T-SQL has no token for, a prose word, or a brace, which T-SQL
 * uses only for ODBC escapes. A colon that is no named parameter counts
 * too, as in the log message "Begin Transaction: name=...".
 */
function isForeign(t: Token): boolean {
  return (
    t.kind === TokenKind.Invalid ||
    t.kind === TokenKind.LeftBrace ||
    t.kind === TokenKind.RightBrace ||
    t.kind === TokenKind.Colon ||
    (t.kind === TokenKind.Word && PROSE_WORDS.has(t.value))
  );
}

function wordAt(tokens: readonly Token[], index: number): string {
  const t = tokens[index];
  return t?.kind === TokenKind.Word ? t.value : "";
}

function isName(token: Token | undefined): boolean {
  return token !== undefined && (NAME_KINDS.has(token.kind) || token.kind === TokenKind.Variable);
}

/** Returns whether the tokens are one schema-qualified name, with an optional `;`. */
function isProcedureName(tokens: readonly Token[]): boolean {
  const end = tokens[tokens.length - 1]!.kind === TokenKind.Semicolon ? tokens.length - 1 : tokens.length;
  if (end === 0 || end % 2 === 0) {
    return false;
  }
  for (let i = 0; i < end; i++) {
    const expected = i % 2 === 0 ? NAME_KINDS.has(tokens[i]!.kind) : tokens[i]!.kind === TokenKind.Dot;
    if (!expected) {
      return false;
    }
  }
  return true;
}
