/**
 * Names the class and method around each string literal, as
 * `Class.method`, when the code makes it easy to see: braces for C#, Java,
 * JavaScript and TypeScript, `class` and `def` lines for Python.
 *
 * NOTE: the brace reading takes a header from the tokens since the last
 * `;`, `{` or `}`, so lambdas and local functions are named after the
 * nearest named block.
 */

import type { CodeToken } from "./tokens.js";

const TYPE_WORDS = new Set(["class", "interface", "struct", "record", "enum", "namespace", "module"]);
const CONTROL_WORDS = new Set([
  "if", "for", "foreach", "while", "switch", "catch", "using", "lock", "fixed", "synchronized",
  "do", "try", "else", "finally", "return", "new", "checked", "unchecked", "unsafe", "get", "set",
  "init", "add", "remove", "when", "with", "static",
]);

interface Frame {
  readonly name: string;
  readonly type: boolean;
}

/** Returns the scope of each string token by token index, for brace languages. */
export function braceScopes(tokens: readonly CodeToken[]): Map<number, string> {
  const scopes = new Map<number, string>();
  const stack: (Frame | undefined)[] = [];
  let headerStart = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === "string") {
      // At type level, a string belongs to an expression-bodied member or a field.
      const top = stack[stack.length - 1];
      const member = top === undefined || top.type ? frameOf(tokens, headerStart, i) : undefined;
      scopes.set(i, scopeName(member === undefined ? stack : [...stack, member]));
      continue;
    }
    if (t.kind !== "punct") {
      continue;
    }
    if (t.text === "{") {
      stack.push(frameOf(tokens, headerStart, i));
      headerStart = i + 1;
    } else if (t.text === "}") {
      stack.pop();
      headerStart = i + 1;
    } else if (t.text === ";") {
      headerStart = i + 1;
    }
  }
  return scopes;
}

function frameOf(tokens: readonly CodeToken[], start: number, brace: number): Frame | undefined {
  for (let i = start; i < brace; i++) {
    const t = tokens[i]!;
    if (t.kind === "word" && TYPE_WORDS.has(t.text) && tokens[i + 1]?.kind === "word") {
      return t.text === "namespace" || t.text === "module" ? undefined : { name: tokens[i + 1]!.text, type: true };
    }
  }
  let depth = 0;
  for (let i = start; i < brace; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (t.kind === "punct" && (t.text === "(" || t.text === "[")) {
      depth++;
    } else if (t.kind === "punct" && (t.text === ")" || t.text === "]")) {
      depth--;
    }
    // Annotation and attribute arguments name no member.
    if (depth > 0 || (t.kind === "word" && tokens[i - 1]?.text === "@")) {
      continue;
    }
    if (t.kind === "word" && next?.kind === "punct" && next.text === "(" && !CONTROL_WORDS.has(t.text)) {
      return { name: t.text, type: false };
    }
    // `name = (...) => {` and `name = function (...) {`
    if (t.kind === "word" && next?.kind === "punct" && next.text === "=" && !CONTROL_WORDS.has(t.text)) {
      return { name: t.text, type: false };
    }
  }
  return undefined;
}

function scopeName(stack: readonly (Frame | undefined)[]): string {
  const names: string[] = [];
  for (const frame of stack) {
    if (frame !== undefined) {
      names.push(frame.name);
    }
  }
  return names.join(".");
}

const PYTHON_DEFINITION = /^([ \t]*)(?:async[ \t]+)?(def|class)[ \t]+([A-Za-z_]\w*)/;

/**
 * Returns the scope of each line (index 0 is line 1) of a Python file, from
 * its `class` and `def` lines and their indentation. Lines inside a
 * multi-line string literal of `tokens` do not count as indentation.
 */
export function pythonScopes(text: string, tokens: readonly CodeToken[]): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  const insideString = new Set<number>();
  for (const t of tokens) {
    if (t.kind === "string" && t.endLine !== undefined) {
      for (let line = t.line + 1; line <= t.endLine; line++) {
        insideString.add(line);
      }
    }
  }
  const stack: { indent: number; name: string }[] = [];
  const scopes: string[] = [];
  for (const [index, line] of lines.entries()) {
    const indent = line.length - line.trimStart().length;
    const blank = line.trim() === "" || line.trimStart().startsWith("#") || insideString.has(index + 1);
    if (!blank) {
      while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) {
        stack.pop();
      }
    }
    const definition = PYTHON_DEFINITION.exec(line);
    scopes.push(stack.map((f) => f.name).join("."));
    if (definition !== null) {
      stack.push({ indent: definition[1]!.length, name: definition[3]! });
    }
  }
  return scopes;
}
