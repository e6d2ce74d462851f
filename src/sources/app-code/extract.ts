/**
 * Finds the SQL statements in one source file: lexes it, joins string
 * literals, keeps the values that contain T-SQL, and names their scope.
 */

import { joinStrings } from "./join.js";
import type { LanguageRule } from "./languages.js";
import type { MappedText } from "./mapped-text.js";
import { braceScopes, pythonScopes } from "./scope.js";
import { isNonSqlQuery, knownSqlCall } from "./sql-calls.js";
import { buildStatement } from "./statement.js";
import type { SourceLanguage } from "./tokens.js";

export interface ExtractedStatement {
  readonly text: MappedText;
  readonly line: number;
  readonly column: number;
  readonly call?: string;
  readonly scope: string;
  readonly dynamicParts: number;
  readonly parameters: number;
  readonly language: SourceLanguage;
}

export interface FileExtraction {
  readonly statements: ExtractedStatement[];
  /** Strings that started like SQL but left a quote or comment open. */
  readonly unterminated: number;
}

/**
 * JavaScript directives (`"use strict"`, `"use client"`) read as T-SQL
 * `USE database`. They are lower-case single words, which a USE statement
 * in application code rarely is.
 */
const DIRECTIVE = /^use [a-z]+$/;

function isDirective(language: SourceLanguage, value: string): boolean {
  return (language === "javascript" || language === "typescript") && DIRECTIVE.test(value);
}

export function extractStatements(source: string, rule: LanguageRule): FileExtraction {
  const tokens = rule.lex(source);
  const joined = joinStrings(tokens, { adjacent: rule.adjacent });
  const statements: ExtractedStatement[] = [];
  let unterminated = 0;
  let scopes: Map<number, string> | string[] | undefined;

  for (const j of joined) {
    if (isNonSqlQuery(rule.language, j.call, tokens) || isDirective(rule.language, j.value.text)) {
      continue;
    }
    const call = knownSqlCall(rule.language, j.call, tokens);
    const result = buildStatement(j, call !== undefined);
    if (result.kind === "unterminated") {
      unterminated++;
      continue;
    }
    if (result.kind !== "sql") {
      continue;
    }
    scopes ??= rule.language === "python" ? pythonScopes(source, tokens) : braceScopes(tokens);
    const scope = Array.isArray(scopes) ? scopes[j.line - 1] : scopes.get(j.start);
    statements.push({
      text: result.statement.text,
      line: j.line,
      column: j.column,
      ...(call === undefined ? {} : { call }),
      scope: scope ?? "",
      dynamicParts: result.statement.dynamicParts,
      parameters: result.statement.parameters,
      language: rule.language,
    });
  }
  return { statements, unterminated };
}
