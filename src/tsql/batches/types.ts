/**
 * Results of splitting a script into batches. Offsets are UTF-16 code
 * units of the original text. Lines and columns are 1-based, and CRLF, LF
 * and a lone CR each count as one line break.
 */

import type { Diagnostic } from "../diagnostics.js";

export interface SplitOptions {
  /** File name stamped on diagnostics. */
  readonly file?: string;
  /**
   * sqlcmd scripting variables from the command line (`--var NAME=VALUE`,
   * like `sqlcmd -v`). A `:setvar` in the script overrides a value from its
   * line on, because sqlcmd gives `:setvar` the highest precedence.
   */
  readonly variables?: Readonly<Record<string, string>>;
  /**
   * Recognise sqlcmd commands and substitute `$(name)`; default true. When
   * false, as in SSMS outside SQLCMD mode, both stay in the batch text.
   */
  readonly sqlcmd?: boolean;
  /**
   * SSMS template parameters `<name, type, default>`: `auto` (the default)
   * replaces them only when the script is clearly a template, `replace`
   * always replaces them and `keep` never does.
   */
  readonly templateParameters?: "auto" | "replace" | "keep";
}

export interface SplitResult {
  readonly batches: BatchText[];
  readonly diagnostics: Diagnostic[];
  readonly commands: SqlcmdCommand[];
  readonly templateParameters: TemplateParameter[];
}

export interface BatchText {
  /**
   * Batch text without its GO line, after `$(name)` and template parameter
   * substitution, with sqlcmd command lines replaced by spaces.
   */
  readonly text: string;
  /** Offsets of the batch in the original text, GO line excluded. */
  readonly start: number;
  readonly end: number;
  /** Position of the batch's first character in the original text. */
  readonly line: number;
  readonly column: number;
  /** Count from `GO n`; 1 when the batch ends with a bare GO or the input. */
  readonly repeat: number;
  /** Whether a variable or template parameter was replaced in `text`. */
  readonly substituted: boolean;
  /**
   * Substitutions in `text` order. Text after a substitution moves when the
   * value is longer or shorter than what it replaced, and a value with a
   * line break moves the following lines. toOriginalOffset() maps offsets
   * in `text` back to the original text.
   */
  readonly replacements: readonly Replacement[];
}

export interface Replacement {
  /** Range of the value in the batch text. */
  readonly start: number;
  readonly end: number;
  /** Range of the replaced `$(name)` or `<name, type, default>` in the original text. */
  readonly originalStart: number;
  readonly originalEnd: number;
}

export type SqlcmdCommandName =
  | "setvar"
  | "r"
  | "on error"
  | "connect"
  | "out"
  | "error"
  | "perftrace"
  | "exit"
  | "quit"
  | "!!"
  | "listvar"
  | "list"
  | "reset"
  | "ed"
  | "serverlist"
  | "help"
  | "xml";

export interface SqlcmdCommand {
  /** Lower-case command name without the colon. */
  readonly name: SqlcmdCommandName;
  /**
   * Arguments with quotes removed and `$(name)` substituted. The password
   * after `:connect -P` is masked. `:setvar` gives the name and, when
   * present, the value; `!!` and `:exit` give the rest of the line as one
   * argument.
   */
  readonly arguments: readonly string[];
  /** The command line as written, with any password masked. */
  readonly text: string;
  /** Range of the command line in the original text, line break excluded. */
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
}

export interface TemplateParameter {
  readonly name: string;
  readonly type: string;
  /** The default value that replaced the parameter. */
  readonly value: string;
  /** The parameter as written, `<` and `>` included. */
  readonly text: string;
  /** Range of the parameter in the original text. */
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
}
