/**
 * Lexes and parses the text of one batch into statements. Positions are
 * those of the original script, also when sqlcmd variables or template
 * parameters were substituted into the batch text.
 */

import type { Batch, Statement } from "./ast/statements.js";
import { offsetMapper } from "./batches/assemble.js";
import type { BatchText } from "./batches/types.js";
import { recordSystemVariables } from "./batch-facts.js";
import type { Diagnostic } from "./diagnostics.js";
import { lineStarts, positionAt } from "./decode/lines.js";
import { lex } from "./lexer/lexer.js";
import { Token, TokenKind } from "./lexer/token.js";
import { ParseErrors } from "./parser/parse-error.js";
import { Parser } from "./parser/parser.js";
import { parseStatementList } from "./parser/statements.js";

export interface BatchParseOptions {
  readonly file?: string;
  readonly quotedIdentifier: boolean;
  readonly maxDepth?: number;
}

export interface BatchParseResult {
  readonly batch: Batch;
  readonly diagnostics: Diagnostic[];
  /** QUOTED_IDENTIFIER in force after this batch, for the next one. */
  readonly quotedIdentifier: boolean;
}

/**
 * Parses one batch. `original` is the whole script text; `batch` is one
 * of the batches that the splitter found in it.
 */
export function parseBatch(original: string, batch: BatchText, options: BatchParseOptions): BatchParseResult {
  const lexed = batch.substituted
    ? lexSubstituted(original, batch, options)
    : lex(batch.text, {
        baseOffset: batch.start,
        line: batch.line,
        column: batch.column,
        quotedIdentifier: options.quotedIdentifier,
        trivia: false,
        ...(options.file === undefined ? {} : { file: options.file }),
      });

  const significant = lexed.tokens;
  const parser = new Parser(original, significant, {
    ...(options.file === undefined ? {} : { file: options.file }),
    ...(options.maxDepth === undefined ? {} : { maxDepth: options.maxDepth }),
  });

  let statements: Statement[];
  try {
    statements = parseStatementList(parser, () => false);
  } catch (error) {
    // A stack overflow despite the depth limit: keep what is known and
    // report the batch instead of failing the whole input.
    if (!(error instanceof RangeError)) {
      throw error;
    }
    parser.report(ParseErrors.tooDeep.code, ParseErrors.tooDeep.message(parser.maxDepth), significant[0]);
    statements = [];
  }

  const diagnostics = [...lexed.diagnostics, ...parser.diagnostics];
  const node: Batch = {
    kind: "Batch",
    start: batch.start,
    end: batch.end,
    line: batch.line,
    column: batch.column,
    statements,
    repeat: batch.repeat,
    errorCount: diagnostics.filter((d) => d.severity === "error").length,
  };
  recordSystemVariables(node, parser.systemVariables);

  return {
    batch: node,
    diagnostics,
    quotedIdentifier: quotedIdentifierAfter(significant, options.quotedIdentifier),
  };
}

/**
 * Lexes substituted batch text and moves every token back to the place of
 * the text it came from, so diagnostics point into the file as written.
 */
function lexSubstituted(original: string, batch: BatchText, options: BatchParseOptions) {
  const lexed = lex(batch.text, {
    quotedIdentifier: options.quotedIdentifier,
    trivia: false,
    ...(options.file === undefined ? {} : { file: options.file }),
  });
  const starts = lineStarts(original);
  const toOriginal = offsetMapper(batch);

  const tokens: Token[] = lexed.tokens.map((t) => {
    const start = toOriginal(t.start);
    const position = positionAt(starts, start);
    return {
      kind: t.kind,
      start,
      end: Math.max(start, toOriginal(t.end)),
      line: position.line,
      column: position.column,
      text: t.text,
      value: t.value,
      flags: t.flags,
    };
  });
  const diagnostics = lexed.diagnostics.map((d) => {
    const start = toOriginal(d.start);
    const position = positionAt(starts, start);
    return { ...d, start, end: Math.max(start, toOriginal(d.end)), line: position.line, column: position.column };
  });
  return { tokens, diagnostics };
}

/** Follows `SET QUOTED_IDENTIFIER ON|OFF`, which applies from the next batch on. */
function quotedIdentifierAfter(tokens: readonly Token[], current: boolean): boolean {
  let value = current;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== TokenKind.Word || t.value !== "SET") {
      continue;
    }
    let names = false;
    let j = i + 1;
    while (j < tokens.length && (tokens[j]!.kind === TokenKind.Word || tokens[j]!.kind === TokenKind.Comma)) {
      const word = tokens[j]!.value;
      if (word === "QUOTED_IDENTIFIER") {
        names = true;
      } else if ((word === "ON" || word === "OFF") && names) {
        value = word === "ON";
        break;
      }
      j++;
    }
  }
  return value;
}
