/**
 * JavaScript and TypeScript lexer for finding SQL in string literals. It
 * reads quoted strings with escapes and template literals, whose `${...}`
 * holes may contain strings and templates of their own. It skips comments,
 * regular expression literals (which may contain quotes) and, where `jsx`
 * is on, JSX elements, whose text is markup rather than a string. Whether `/`
 * starts a regular expression and `<` an element is decided by the token
 * before it, as parsers without type information do.
 */

import { HOLE, type CodeToken } from "../tokens.js";
import { isDigit, isWordPart, isWordStart, readHex, SIMPLE_ESCAPES, SourceScanner, ValueBuilder, type Escape } from "./scanner.js";

const OPERATORS = ["===", "!==", "...", "+=", "++", "=>", "==", "!=", "&&", "||", "??", "?.", "<=", ">=", "-="];

/** Words after which an expression, and so a regular expression or an element, starts. */
const EXPRESSION_KEYWORDS = new Set([
  "return", "typeof", "instanceof", "in", "of", "new", "delete", "void",
  "throw", "case", "do", "else", "yield", "await",
]);

export function lexJavaScript(text: string, jsx: boolean): CodeToken[] {
  const lexer = new JavaScriptLexer(text, jsx);
  lexer.run();
  return lexer.tokens;
}

class JavaScriptLexer extends SourceScanner {
  readonly #jsx: boolean;
  /** Whether the last token skipped (inside a hole or an element) ended an expression. */
  #lastEndsExpression = false;

  constructor(text: string, jsx: boolean) {
    super(text);
    this.#jsx = jsx;
  }

  run(): void {
    if (this.startsWith("#!")) {
      this.skipLine();
    }
    while (this.skipTrivia()) {
      this.token();
    }
  }

  skipTrivia(): boolean {
    for (;;) {
      this.skipWhitespace();
      if (this.atEnd) {
        return false;
      }
      if (this.code() === 47 && this.code(1) === 47) {
        this.skipLine();
      } else if (this.code() === 47 && this.code(1) === 42) {
        this.skipBlockComment();
      } else {
        return true;
      }
    }
  }

  token(): void {
    const c = this.code();
    if (c === 34 || c === 39) {
      this.scanLineString(c, () => this.#escape());
    } else if (c === 96) {
      this.#template();
    } else if (c === 47 && this.#expressionStarts()) {
      this.#regex();
    } else if (c === 60 && this.#jsx && this.#expressionStarts() && this.#element()) {
      this.#lastEndsExpression = true;
    } else if (isWordStart(c) || c === 36 || c === 35) {
      const line = this.line;
      const column = this.column;
      const end = this.scanWordEnd(this.pos + 1, true);
      this.push("word", this.text.slice(this.pos, end), line, column);
      this.advance(end);
    } else if (isDigit(c) || (c === 46 && isDigit(this.code(1)))) {
      this.skipNumber();
    } else {
      this.pushPunct(OPERATORS);
    }
    this.#lastEndsExpression = this.#endsExpression(this.tokens[this.tokens.length - 1]);
  }

  #expressionStarts(): boolean {
    return !this.#lastEndsExpression;
  }

  #endsExpression(token: CodeToken | undefined): boolean {
    if (token === undefined) {
      return false;
    }
    if (token.kind === "word") {
      return !EXPRESSION_KEYWORDS.has(token.text);
    }
    if (token.kind === "punct") {
      return token.text === ")" || token.text === "]" || token.text === "}";
    }
    return token.kind !== "newline";
  }

  #template(): void {
    const line = this.line;
    const column = this.column;
    this.advance(this.pos + 1);
    const b = new ValueBuilder(this);
    while (!this.atEnd) {
      const c = this.code();
      if (c === 96) {
        b.flush();
        this.advance(this.pos + 1);
        this.pushString(b.value, line, column, true);
        return;
      }
      if (c === 92) {
        const escape = this.#escape();
        b.replace(escape.value, escape.length);
      } else if (c === 36 && this.code(1) === 123) {
        b.flush();
        b.value.appendAt(HOLE, this.line, this.column);
        this.#skipHole(2);
        b.restart();
      } else {
        this.advance(this.pos + 1);
      }
    }
    b.flush();
    this.pushString(b.value, line, column, true);
  }

  /** Skips code from an opening of `length` characters to its matching `}`, discarding its tokens. */
  #skipHole(length: number): void {
    const saved = this.tokens;
    this.tokens = [];
    this.#lastEndsExpression = false;
    this.advance(this.pos + length);
    let depth = 0;
    while (this.skipTrivia()) {
      const c = this.code();
      if (c === 125 && depth === 0) {
        this.advance(this.pos + 1);
        break;
      }
      if (c === 123) {
        depth++;
      } else if (c === 125) {
        depth--;
      }
      this.token();
    }
    this.tokens = saved;
  }

  #regex(): void {
    const line = this.line;
    const column = this.column;
    let at = this.pos + 1;
    let inClass = false;
    while (at < this.text.length) {
      const c = this.text.charCodeAt(at);
      if (c === 10 || c === 13) {
        break;
      }
      if (c === 92) {
        at += 2;
        continue;
      }
      at++;
      if (c === 91) {
        inClass = true;
      } else if (c === 93) {
        inClass = false;
      } else if (c === 47 && !inClass) {
        break;
      }
    }
    while (at < this.text.length && isWordPart(this.text.charCodeAt(at))) {
      at++;
    }
    this.advance(at);
    this.push("other", "", line, column);
  }

  /**
   * Skips a JSX element or fragment with its children. Returns false, with
   * the cursor back where it was, when `<` turns out not to open one, as
   * in a TypeScript type parameter list `<T,>`.
   */
  #element(): boolean {
    const saved = { pos: this.pos, line: this.line, lineStart: this.lineStart, tokens: this.tokens };
    this.tokens = [];
    const ok = this.#elementBody();
    this.tokens = saved.tokens;
    if (!ok) {
      this.pos = saved.pos;
      this.line = saved.line;
      this.lineStart = saved.lineStart;
      return false;
    }
    this.push("other", "", saved.line, saved.pos - saved.lineStart + 1);
    return true;
  }

  #elementBody(): boolean {
    this.advance(this.pos + 1);
    if (this.code() !== 62) {
      const name = /^[A-Za-z_$][\w$.:-]*/.exec(this.text.slice(this.pos, this.pos + 256));
      if (name === null) {
        return false;
      }
      this.advance(this.pos + name[0].length);
      const opening = this.#attributes();
      if (opening !== "open") {
        return opening === "closed";
      }
    } else {
      this.advance(this.pos + 1);
    }
    return this.#children();
  }

  /** Skips attributes up to `>` (`open`) or `/>` (`closed`); `invalid` when something else comes. */
  #attributes(): "open" | "closed" | "invalid" {
    while (this.skipTrivia()) {
      const c = this.code();
      if (c === 47 && this.code(1) === 62) {
        this.advance(this.pos + 2);
        return "closed";
      }
      if (c === 62) {
        this.advance(this.pos + 1);
        return "open";
      }
      if (c === 123) {
        this.#skipHole(1);
        continue;
      }
      const name = /^[A-Za-z_$][\w$.:-]*/.exec(this.text.slice(this.pos, this.pos + 256));
      if (name === null) {
        return "invalid";
      }
      this.advance(this.pos + name[0].length);
      this.skipTrivia();
      if (this.code() !== 61) {
        continue;
      }
      this.advance(this.pos + 1);
      this.skipTrivia();
      const value = this.code();
      if (value === 34 || value === 39) {
        // Attribute strings have no escapes in JSX.
        const close = this.text.indexOf(String.fromCharCode(value), this.pos + 1);
        this.advance(close < 0 ? this.text.length : close + 1);
      } else if (value === 123) {
        this.#skipHole(1);
      } else if (value === 60) {
        if (!this.#elementBody()) {
          return "invalid";
        }
      } else {
        return "invalid";
      }
    }
    return "invalid";
  }

  /** Skips children, text included, up to the closing tag. */
  #children(): boolean {
    while (!this.atEnd) {
      const c = this.code();
      if (c === 60 && this.code(1) === 47) {
        const close = this.text.indexOf(">", this.pos);
        this.advance(close < 0 ? this.text.length : close + 1);
        return true;
      }
      if (c === 60) {
        if (!this.#elementBody()) {
          this.advance(this.pos + 1);
        }
      } else if (c === 123) {
        this.#skipHole(1);
      } else {
        this.advance(this.pos + 1);
      }
    }
    return true;
  }

  #escape(): Escape {
    const next = this.text[this.pos + 1] ?? "";
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      return { value: simple, length: 2 };
    }
    if (next === "\n" || next === "\r" || next === "\u2028" || next === "\u2029") {
      return { value: "", length: next === "\r" && this.text[this.pos + 2] === "\n" ? 3 : 2 };
    }
    if (next === "u" && this.text[this.pos + 2] === "{") {
      const hex = readHex(this.text, this.pos + 3, 6, false);
      if (hex !== undefined && this.text[this.pos + 3 + hex.length] === "}") {
        return { value: hex.value, length: hex.length + 4 };
      }
    }
    const hex =
      next === "u"
        ? readHex(this.text, this.pos + 2, 4, true)
        : next === "x"
          ? readHex(this.text, this.pos + 2, 2, true)
          : undefined;
    if (hex !== undefined) {
      return { value: hex.value, length: hex.length + 2 };
    }
    return { value: next, length: next === "" ? 1 : 2 };
  }
}
