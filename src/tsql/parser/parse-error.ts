/**
 * The catalogue of parse errors. Each reason code has one message template,
 * so messages stay consistent and tests can assert on codes.
 */

export const ParseErrors = {
  unexpectedToken: {
    code: "parse.unexpected-token",
    message: (found: string, expected: string) => `expected ${expected} but found ${found}`,
  },
  unknownStatement: {
    code: "parse.unknown-statement",
    message: (found: string) =>
      `${found} does not start a T-SQL statement; check the spelling, or whether the previous statement ended early`,
  },
  tooDeep: {
    code: "parse.nesting-too-deep",
    message: (limit: number) =>
      `nesting is deeper than ${limit} levels, a fixed limit that protects infio's stack; the rest of this statement is not assessed, so review it by hand`,
  },
  unterminatedBlock: {
    code: "parse.missing-end",
    message: (what: string) => `${what} is missing its END before the end of the batch`,
  },
  throwAsTransactionName: {
    code: "parse.throw-as-transaction-name",
    message: (statement: string) =>
      `THROW right after ${statement} without a semicolon is read as a transaction or savepoint name, so no error is raised; end the ${statement} statement with ';'`,
  },
  invalidValue: {
    code: "parse.invalid-value",
    message: (what: string, value: string, fix: string) => `invalid ${what} ${value}; ${fix}`,
  },
} as const;

/** Joins alternatives for a message: `A`, `A or B`, `A, B or C`. */
export function formatAlternatives(words: readonly string[]): string {
  if (words.length <= 1) {
    return words.join("");
  }
  return `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}

/**
 * Thrown inside the parser to abandon the current statement. It never leaves
 * the library: the statement loop catches it and records a diagnostic.
 */
export class ParseAbort extends Error {
  readonly code: string;
  readonly tokenIndex: number;

  constructor(code: string, message: string, tokenIndex: number) {
    super(message);
    this.code = code;
    this.tokenIndex = tokenIndex;
  }
}
