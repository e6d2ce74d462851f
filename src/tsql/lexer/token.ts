/**
 * Tokens of T-SQL. The lexer is lossless: whitespace and comments are
 * tokens too (trivia), so the concatenated token texts give back the input.
 */

export enum TokenKind {
  EndOfInput,
  // Trivia.
  Whitespace,
  LineComment,
  BlockComment,
  // Names and literals.
  /** Unquoted identifier or keyword, including `#temp`, `##global` and `$action`. */
  Word,
  /** `[name]`, or `"name"` while QUOTED_IDENTIFIER is ON. */
  QuotedIdentifier,
  /** `@name`. */
  Variable,
  /** `@@name`. */
  SystemVariable,
  /** `'text'`, or `"text"` while QUOTED_IDENTIFIER is OFF. */
  String,
  /** `N'text'`. */
  NString,
  Integer,
  Decimal,
  /** Approximate numeric with an exponent: `1.5E3`. */
  Float,
  /** Currency literal: `$12.50`, `£3`. */
  Money,
  /** `0x1F`, including the empty `0x`. */
  Binary,
  /** sqlcmd `$(name)` left in the text because no value was known. */
  SqlcmdVariable,
  // Punctuation.
  LeftParen,
  RightParen,
  LeftBrace,
  RightBrace,
  Comma,
  Dot,
  Semicolon,
  Colon,
  DoubleColon,
  // Operators.
  Plus,
  Minus,
  Star,
  Slash,
  Percent,
  Ampersand,
  Pipe,
  Caret,
  Tilde,
  /** `||`, string concatenation in SQL Server 2025. */
  Concat,
  Equals,
  /** `<>` or `!=`. */
  NotEquals,
  Less,
  Greater,
  LessOrEqual,
  GreaterOrEqual,
  /** `!<`. */
  NotLess,
  /** `!>`. */
  NotGreater,
  /**
   * Compound assignment: `+=`, `-=`, `*=`, `/=`, `%=`, `&=`, `|=`, `^=`, `||=`.
   * In a WHERE clause `*=` is the legacy left outer join operator instead.
   */
  CompoundAssign,
  /** A character that cannot start any token. */
  Invalid,
}

/** Bit flags on a token. */
export const enum TokenFlags {
  None = 0,
  /** String, quoted identifier or block comment without its closing delimiter. */
  Unterminated = 1,
  /** Trivia between the previous significant token and this one contains a line break. */
  AfterNewline = 2,
}

export interface Token {
  readonly kind: TokenKind;
  /** Offset of the first character in the lexed text (UTF-16 code units). */
  readonly start: number;
  /** Offset just past the last character. */
  readonly end: number;
  /** 1-based line and column of `start`. */
  readonly line: number;
  readonly column: number;
  /** The exact source text of the token. */
  readonly text: string;
  /**
   * Normalised value: upper-case text of a Word, the unquoted name of a
   * QuotedIdentifier, the content of a String or NString with doubled quotes
   * collapsed, the name of a SqlcmdVariable.
   */
  readonly value: string;
  flags: number;
}

/**
 * A token as the lexer makes it. Its text is sliced from the source only
 * when read, because the parser needs the text of few tokens and a slice
 * per token costs an allocation.
 */
export class SourceToken implements Token {
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
  readonly value: string;
  flags: number;
  private readonly source: string;
  /** What to subtract from `start` and `end` to get offsets into `source`. */
  private readonly sourceOffset: number;

  constructor(
    kind: TokenKind,
    start: number,
    end: number,
    line: number,
    column: number,
    value: string,
    flags: number,
    source: string,
    sourceOffset: number,
  ) {
    this.kind = kind;
    this.start = start;
    this.end = end;
    this.line = line;
    this.column = column;
    this.value = value;
    this.flags = flags;
    this.source = source;
    this.sourceOffset = sourceOffset;
  }

  get text(): string {
    return this.source.slice(this.start - this.sourceOffset, this.end - this.sourceOffset);
  }
}

export function isTrivia(kind: TokenKind): boolean {
  return (
    kind === TokenKind.Whitespace ||
    kind === TokenKind.LineComment ||
    kind === TokenKind.BlockComment
  );
}
