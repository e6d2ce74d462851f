/** Public API of the T-SQL front end. */

export { decode, type DecodeOptions, type DecodeResult } from "./decode/decode.js";
export { formatDiagnostic, type Diagnostic, type Severity } from "./diagnostics.js";
export { lex, type LexOptions, type LexResult } from "./lexer/lexer.js";
export { Token, TokenKind } from "./lexer/token.js";
export { parse, type ParseOptions, type ParseResult } from "./parse.js";
export type { Batch, Statement } from "./ast/statements.js";
