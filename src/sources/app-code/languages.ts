/** The source languages scanned, by file extension, and the lexer of each. */

import { lexCSharp } from "./lexers/csharp.js";
import { lexJava } from "./lexers/java.js";
import { lexJavaScript } from "./lexers/javascript.js";
import { lexPython } from "./lexers/python.js";
import type { CodeToken, SourceLanguage } from "./tokens.js";

export interface LanguageRule {
  readonly language: SourceLanguage;
  readonly lex: (text: string) => CodeToken[];
  /** Python joins adjacent literals. */
  readonly adjacent: boolean;
}

const RULES: Readonly<Record<string, LanguageRule>> = {
  ".cs": { language: "csharp", lex: lexCSharp, adjacent: false },
  ".java": { language: "java", lex: lexJava, adjacent: false },
  ".py": { language: "python", lex: lexPython, adjacent: true },
  ".pyw": { language: "python", lex: lexPython, adjacent: true },
  ".js": { language: "javascript", lex: (t) => lexJavaScript(t, true), adjacent: false },
  ".jsx": { language: "javascript", lex: (t) => lexJavaScript(t, true), adjacent: false },
  ".mjs": { language: "javascript", lex: (t) => lexJavaScript(t, true), adjacent: false },
  ".cjs": { language: "javascript", lex: (t) => lexJavaScript(t, true), adjacent: false },
  // `<T>expr` is a type assertion in .ts files, so JSX is read in .tsx only.
  ".ts": { language: "typescript", lex: (t) => lexJavaScript(t, false), adjacent: false },
  ".mts": { language: "typescript", lex: (t) => lexJavaScript(t, false), adjacent: false },
  ".cts": { language: "typescript", lex: (t) => lexJavaScript(t, false), adjacent: false },
  ".tsx": { language: "typescript", lex: (t) => lexJavaScript(t, true), adjacent: false },
};

/** Returns how to read a file by its name, or undefined for a file that is not scanned. */
export function languageOf(name: string): LanguageRule | undefined {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? undefined : RULES[name.slice(dot).toLowerCase()];
}
