/**
 * C# lexer for finding SQL in string literals. It reads regular strings
 * with escapes, verbatim strings (`@"..."`, where `""` is one quote),
 * interpolated strings (`$"..."`, `$@"..."`), raw string literals
 * (`"""..."""`, `$$"""..."""`, single- and multi-line) and character
 * literals, and skips comments and preprocessor lines.
 */

import { HOLE, type CodeToken } from "../tokens.js";
import { isDigit, isWordStart, readHex, SIMPLE_ESCAPES, SourceScanner, ValueBuilder, type Escape } from "./scanner.js";

const OPERATORS = ["+=", "++", "=>", "==", "!=", "&&", "||", "??", "?.", "<=", ">=", "::", "-=", "->"];

export function lexCSharp(text: string): CodeToken[] {
  const lexer = new CSharpLexer(text);
  lexer.run();
  return lexer.tokens;
}

/** The prefix of a string literal's opening quote: interpolation, verbatim and raw markers. */
interface Opening {
  /** `$` signs: 0 for no interpolation, more for a raw string's brace count. */
  readonly dollars: number;
  readonly verbatim: boolean;
  /** Quotes that open it: 1, or 3 and more for a raw string. */
  readonly quotes: number;
  /** Characters of the prefix and the quotes. */
  readonly length: number;
}

class CSharpLexer extends SourceScanner {
  run(): void {
    while (this.skipTrivia()) {
      this.token();
    }
  }

  /** Skips whitespace, comments and preprocessor lines; returns false at the end. */
  skipTrivia(): boolean {
    for (;;) {
      this.skipWhitespace();
      if (this.atEnd) {
        return false;
      }
      const c = this.code();
      if (c === 47 && this.code(1) === 47) {
        this.skipLine();
      } else if (c === 47 && this.code(1) === 42) {
        this.skipBlockComment();
      } else if (c === 35 && this.text.slice(this.lineStart, this.pos).trim() === "") {
        this.skipLine();
      } else {
        return true;
      }
    }
  }

  token(): void {
    const c = this.code();
    const opening = this.#opening();
    if (opening !== undefined) {
      this.#string(opening);
    } else if (c === 39) {
      this.skipCharLiteral();
    } else if (isWordStart(c) || (c === 64 && isWordStart(this.code(1)))) {
      const line = this.line;
      const column = this.column;
      const start = c === 64 ? this.pos + 1 : this.pos;
      const end = this.scanWordEnd(start, false);
      this.push("word", this.text.slice(start, end), line, column);
      this.advance(end);
    } else if (isDigit(c)) {
      this.skipNumber();
    } else {
      this.pushPunct(OPERATORS);
    }
  }

  #opening(): Opening | undefined {
    let at = this.pos;
    let dollars = 0;
    let verbatim = false;
    for (;;) {
      const c = this.text.charCodeAt(at);
      if (c === 36) {
        dollars++;
      } else if (c === 64 && !verbatim) {
        verbatim = true;
      } else {
        break;
      }
      at++;
    }
    if (this.text.charCodeAt(at) !== 34 || (verbatim && dollars > 1)) {
      return undefined;
    }
    let quotes = 0;
    while (this.text.charCodeAt(at + quotes) === 34) {
      quotes++;
    }
    if (quotes === 2 || verbatim) {
      quotes = 1;
    }
    return { dollars, verbatim, quotes, length: at - this.pos + (quotes >= 3 ? quotes : 1) };
  }

  #string(opening: Opening): void {
    const line = this.line;
    const column = this.column;
    this.advance(this.pos + opening.length);
    const interpolated = opening.dollars > 0;
    const value =
      opening.quotes >= 3 ? this.#rawBody(opening) : this.#quotedBody(opening.verbatim, interpolated);
    this.#skipSuffix();
    this.pushString(value, line, column, interpolated);
  }

  /** Skips the `u8` suffix of a UTF-8 string literal. */
  #skipSuffix(): void {
    if ((this.code() === 117 || this.code() === 85) && this.code(1) === 56) {
      this.advance(this.pos + 2);
    }
  }

  #quotedBody(verbatim: boolean, interpolated: boolean) {
    const b = new ValueBuilder(this);
    while (!this.atEnd) {
      const c = this.code();
      if (c === 34) {
        if (verbatim && this.code(1) === 34) {
          b.replace('"', 2);
          continue;
        }
        b.flush();
        this.advance(this.pos + 1);
        return b.value;
      }
      if (!verbatim && (c === 10 || c === 13)) {
        break;
      }
      if (!verbatim && c === 92) {
        const escape = this.#escape();
        b.replace(escape.value, escape.length);
      } else if (interpolated && (c === 123 || c === 125) && this.code(1) === c) {
        b.replace(c === 123 ? "{" : "}", 2);
      } else if (interpolated && c === 123) {
        b.flush();
        b.value.appendAt(HOLE, this.line, this.column);
        this.#skipHole(1);
        b.restart();
      } else {
        this.advance(this.pos + 1);
      }
    }
    // Unterminated: the value runs to the end of the line.
    b.flush();
    return b.value;
  }

  /**
   * A raw string literal. Multi-line: the content starts on the line after
   * the opening quotes, ends before the line of the closing quotes, and
   * loses that line's indentation from every line.
   */
  #rawBody(opening: Opening) {
    const close = '"'.repeat(opening.quotes);
    const closeAt = this.text.indexOf(close, this.pos);
    const end = closeAt < 0 ? this.text.length : closeAt;
    const restOfLine = /^[ \t]*(\r\n|\r|\n)/.exec(this.text.slice(this.pos, Math.min(end, this.pos + 4096)));
    const b = new ValueBuilder(this);
    if (restOfLine === null) {
      this.#rawContent(b, end, opening.dollars, "");
      b.flush();
      this.advance(closeAt < 0 ? end : end + opening.quotes);
      return b.value;
    }

    let lastBreak = end;
    while (lastBreak > this.pos && this.text.charCodeAt(lastBreak - 1) !== 10 && this.text.charCodeAt(lastBreak - 1) !== 13) {
      lastBreak--;
    }
    const indentation = this.text.slice(lastBreak, end);
    this.advance(this.pos + restOfLine[0].length);
    b.restart();
    // The line break before the closing line belongs to no line of content.
    let contentEnd = lastBreak;
    if (this.text.charCodeAt(contentEnd - 1) === 10) {
      contentEnd--;
    }
    if (this.text.charCodeAt(contentEnd - 1) === 13) {
      contentEnd--;
    }
    this.#rawContent(b, Math.max(contentEnd, this.pos), opening.dollars, indentation);
    b.flush();
    this.advance(closeAt < 0 ? end : end + opening.quotes);
    return b.value;
  }

  #rawContent(b: ValueBuilder, end: number, dollars: number, indentation: string): void {
    let lineStart = true;
    while (this.pos < end) {
      if (lineStart && indentation !== "" && this.startsWith(indentation)) {
        b.flush();
        this.advance(this.pos + indentation.length);
        b.restart();
      }
      lineStart = false;
      const c = this.code();
      if (c === 10 || c === 13) {
        this.advance(this.pos + (c === 13 && this.code(1) === 10 ? 2 : 1));
        lineStart = true;
        continue;
      }
      if (dollars > 0 && c === 123) {
        let braces = 0;
        while (this.code(braces) === 123) {
          braces++;
        }
        if (braces >= dollars) {
          // Braces beyond the hole's own are content.
          this.advance(this.pos + braces - dollars);
          b.flush();
          b.value.appendAt(HOLE, this.line, this.column);
          this.#skipHole(dollars);
          b.restart();
          continue;
        }
        this.advance(this.pos + braces);
        continue;
      }
      this.advance(this.pos + 1);
    }
  }

  /** Skips an interpolation hole from its opening braces past its closing ones, discarding its tokens. */
  #skipHole(braces: number): void {
    const saved = this.tokens;
    this.tokens = [];
    this.advance(this.pos + braces);
    let depth = 0;
    while (this.skipTrivia()) {
      const c = this.code();
      if (c === 123) {
        depth++;
        this.advance(this.pos + 1);
      } else if (c === 125 && depth > 0) {
        depth--;
        this.advance(this.pos + 1);
      } else if (c === 125) {
        this.advance(this.pos + braces);
        break;
      } else {
        this.token();
      }
    }
    this.tokens = saved;
  }

  #escape(): Escape {
    const next = this.text[this.pos + 1] ?? "";
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      return { value: simple, length: 2 };
    }
    if (next === "a") {
      return { value: "\x07", length: 2 };
    }
    if (next === "e") {
      return { value: "\x1b", length: 2 };
    }
    const hex =
      next === "u"
        ? readHex(this.text, this.pos + 2, 4, true)
        : next === "U"
          ? readHex(this.text, this.pos + 2, 8, true)
          : next === "x"
            ? readHex(this.text, this.pos + 2, 4, false)
            : undefined;
    if (hex !== undefined) {
      return { value: hex.value, length: hex.length + 2 };
    }
    return { value: next, length: next === "" ? 1 : 2 };
  }
}
