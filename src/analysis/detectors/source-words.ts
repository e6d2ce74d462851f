/**
 * Positions of keywords inside a node. The syntax tree keeps flags such as
 * `sparse: true` without the place of the word, but a finding belongs at
 * the keyword as written; this lexes the node's text up to the word.
 */

import type { Node } from "../../tsql/ast/node.js";
import { LazyTokens } from "../../tsql/lexer/lexer.js";
import { TokenKind } from "../../tsql/lexer/token.js";
import type { AnalysisContext } from "../context.js";
import { perContext } from "./support.js";

/** A keyword found in the source, shaped like a node so it can be reported. */
export interface WordNode extends Node {
  readonly kind: "Word";
  /** Upper-case text of the word. */
  readonly word: string;
}

/**
 * The first keyword of `words` (upper-case) inside `node`, at or after
 * offset `from`, skipping strings, comments and quoted identifiers. Falls
 * back to `node` itself when the word is not found, so a finding is never
 * lost for want of a position.
 */
export function wordIn(
  context: AnalysisContext,
  node: Node,
  words: readonly string[],
  from: number = node.start,
): Node {
  return findWord(context, node, words, from) ?? node;
}

/** Like `wordIn`, but undefined when no such keyword is written. */
export function findWord(
  context: AnalysisContext,
  node: Node,
  words: readonly string[],
  from: number = node.start,
): WordNode | undefined {
  return findToken(context, node, (kind, value) => kind === TokenKind.Word && words.includes(value), from);
}

/** The tokens of the node searched last, per unit: detectors often search one node for several words. */
const lastSearched = perContext(() => ({ node: undefined as Node | undefined, tokens: undefined as LazyTokens | undefined }));

function tokensOf(context: AnalysisContext, node: Node): LazyTokens {
  const last = lastSearched(context);
  if (last.node !== node || last.tokens === undefined) {
    last.node = node;
    last.tokens = new LazyTokens(context.text, {
      start: node.start,
      end: node.end,
      line: node.line,
      column: node.column,
      trivia: false,
    });
  }
  return last.tokens;
}

/**
 * The first significant token inside `node`, at or after offset `from`,
 * for which `accept(kind, value, text)` holds; used for operators such as
 * `*=`. Lexing starts at the node, because `from` may fall inside a string
 * or comment, and goes only as far as the match, so a word near the start
 * of a long statement costs little.
 */
export function findToken(
  context: AnalysisContext,
  node: Node,
  accept: (kind: TokenKind, value: string, text: string) => boolean,
  from: number = node.start,
): WordNode | undefined {
  const tokens = tokensOf(context, node);
  for (let i = 0; ; i++) {
    const token = tokens.at(i);
    if (token === undefined) {
      return undefined;
    }
    if (token.start < from || !accept(token.kind, token.value, token.text)) {
      continue;
    }
    return {
      kind: "Word",
      word: token.value === "" ? token.text : token.value,
      start: token.start,
      end: token.end,
      line: token.line,
      column: token.column,
    };
  }
}

/** Lower-case detail from an upper-case option or permission name. */
export function detailOf(name: string): string {
  return name.trim().toLowerCase().replace(/[\s-]+/g, "_");
}

/** Source text on one line, cut to `max` characters for a message. */
export function shortText(text: string, max = 60): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length <= max ? line : `${line.slice(0, max - 3)}...`;
}
