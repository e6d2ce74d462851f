/**
 * Splits a script into batches at `GO` lines, the way sqlcmd and SSMS do,
 * and applies sqlcmd commands, `$(name)` variables and SSMS template
 * parameters on the way.
 *
 * One pass reads the text a character at a time and tracks whether it is
 * in code, a string (`'`), a quoted identifier (`[` or `"`), a block
 * comment (which nests) or a line comment. Only a line that starts in code
 * can be a GO line or a sqlcmd command, so `GO` inside a multi-line string
 * or comment never splits. The state machine treats `"` the same under
 * either QUOTED_IDENTIFIER setting: a string and a quoted identifier both
 * end at an undoubled `"`.
 *
 * Batches whose text is empty or only whitespace are dropped, such as the
 * text between two GO lines in a row or a batch of sqlcmd commands only.
 * All others are returned, including batches with nothing but comments.
 * Every batch keeps its exact start offset, line and column.
 */

import type { Diagnostic, Severity } from "../diagnostics.js";
import { lineStarts, positionAt } from "../decode/lines.js";
import { EditKind, assemble, type Edit } from "./assemble.js";
import { readGoLine } from "./go.js";
import { describeTemplates } from "./report.js";
import {
  CH_DOLLAR,
  CH_DOUBLE_QUOTE,
  CH_LEFT_BRACKET,
  CH_LEFT_PAREN,
  CH_LESS,
  CH_LF,
  CH_CR,
  CH_MINUS,
  CH_QUOTE,
  CH_SLASH,
  CH_STAR,
  STOPS,
  State,
  findLineEnd,
  isBlank,
  skipLineBreak,
  startsWithWord,
} from "./scan.js";
import { readSqlcmdCommand } from "./sqlcmd.js";
import { Context, readTemplateParameter, type TemplateMatch } from "./templates.js";
import type {
  BatchText,
  SplitOptions,
  SplitResult,
  SqlcmdCommand,
  TemplateParameter,
} from "./types.js";
import { VariableTable, readVariableReference, substituteVariables } from "./variables.js";

interface PendingBatch {
  readonly start: number;
  readonly end: number;
  readonly repeat: number;
  readonly edits: Edit[];
}

interface FoundTemplate extends TemplateMatch {
  /** The default value with `$(name)` variables substituted. */
  readonly substituted: string;
}

/** Splits `text` into batches; see the module comment for the rules. */
export function splitBatches(text: string, options: SplitOptions = {}): SplitResult {
  return new Splitter(text, options).run();
}


/**
 * Variables that sqlcmd defines itself from its connection and settings
 * ("sqlcmd utility", scripting variables table, SQL Server 2022). Their
 * values are only known when the script runs, so they stay unsubstituted
 * without a warning.
 */
const SQLCMD_BUILT_IN_VARIABLES: ReadonlySet<string> = new Set([
  "SQLCMDUSER", "SQLCMDPASSWORD", "SQLCMDSERVER", "SQLCMDWORKSTATION", "SQLCMDDBNAME",
  "SQLCMDLOGINTIMEOUT", "SQLCMDSTATTIMEOUT", "SQLCMDHEADERS", "SQLCMDCOLSEP",
  "SQLCMDCOLWIDTH", "SQLCMDPACKETSIZE", "SQLCMDERRORLEVEL", "SQLCMDMAXVARTYPEWIDTH",
  "SQLCMDMAXFIXEDTYPEWIDTH", "SQLCMDEDITOR", "SQLCMDINI",
]);
class Splitter {
  private readonly text: string;
  private readonly file: string | undefined;
  private readonly sqlcmd: boolean;
  private readonly templateMode: "auto" | "replace" | "keep";
  private readonly variables: VariableTable;
  private readonly starts: Uint32Array;

  private state = State.Code;
  private depth = 0;
  private batchStart = 0;
  private edits: Edit[] = [];
  private readonly pending: PendingBatch[] = [];
  private readonly templates: FoundTemplate[] = [];
  private readonly commands: SqlcmdCommand[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private readonly undefinedNames = new Set<string>();

  constructor(text: string, options: SplitOptions) {
    this.text = text;
    this.file = options.file;
    this.sqlcmd = options.sqlcmd ?? true;
    this.templateMode = options.templateParameters ?? "auto";
    this.variables = new VariableTable(options.variables);
    this.starts = lineStarts(text);
  }

  run(): SplitResult {
    const length = this.text.length;
    let pos = 0;
    while (pos < length) {
      if (this.state === State.Code) {
        const next = this.readSpecialLine(pos);
        if (next >= 0) {
          pos = next;
          continue;
        }
      } else if (this.state === State.BlockComment) {
        this.checkGoInComment(pos);
      }
      pos = this.scanLine(pos);
    }
    this.endBatch(length, 1);

    const withTemplates =
      this.templateMode === "replace" ||
      (this.templateMode === "auto" && this.templates.some((t) => t.evident));
    const batches = this.assembleBatches(withTemplates);
    const templateParameters = withTemplates ? this.reportTemplates() : [];
    return {
      batches,
      diagnostics: this.diagnostics.sort((a, b) => a.start - b.start),
      commands: this.commands,
      templateParameters,
    };
  }

  /**
   * Handles a GO line or sqlcmd command line starting at `lineStart`.
   * Returns the offset of the next line, or -1 for an ordinary line.
   */
  private readSpecialLine(lineStart: number): number {
    const text = this.text;
    let at = lineStart;
    while (at < text.length && isBlank(text.charCodeAt(at))) {
      at++;
    }

    const c = text.charCodeAt(at);
    const isGo = (c | 0x20) === 0x67 && (text.charCodeAt(at + 1) | 0x20) === 0x6f;
    // Every sqlcmd command starts with ':' or '!', or is EXIT, QUIT or RESET.
    const maybeCommand =
      this.sqlcmd &&
      (c === 0x3a ||
        c === 0x21 ||
        startsWithWord(text, at, "EXIT") ||
        startsWithWord(text, at, "QUIT") ||
        startsWithWord(text, at, "RESET"));
    if (!isGo && !maybeCommand) {
      return -1;
    }

    const lineEnd = findLineEnd(text, at);
    const nextLine = skipLineBreak(text, lineEnd);
    if (isGo) {
      const go = readGoLine(text, at, lineEnd);
      if (go === undefined) {
        return -1;
      }

      this.endBatch(lineStart, go.repeat);
      this.batchStart = nextLine;
      if (go.problem !== undefined) {
        this.report("batches.invalid-go", "error", go.problem, at, lineEnd);
      }
      if (go.openComment > 0) {
        this.state = State.BlockComment;
        this.depth = go.openComment;
      }
      return nextLine;
    }

    return this.readCommandLine(at, lineEnd) ? nextLine : -1;
  }

  private readCommandLine(at: number, lineEnd: number): boolean {
    const line = this.text.slice(at, lineEnd);
    const command = readSqlcmdCommand(line, this.variables, (name, offset) =>
      this.reportUndefined(name, at + offset),
    );
    if (command === undefined) {
      return false;
    }

    this.edits.push({ kind: EditKind.Blank, start: at, end: lineEnd, value: "" });
    const { line: lineNumber, column } = positionAt(this.starts, at);
    if (command.name !== undefined) {
      this.commands.push({
        name: command.name,
        arguments: command.arguments,
        text: command.text,
        start: at,
        end: lineEnd,
        line: lineNumber,
        column,
      });
    }
    for (const problem of command.problems) {
      this.report(problem.code, problem.severity, problem.message, at, lineEnd);
    }
    return true;
  }

  /** Scans one line from `pos`; returns the offset after its line break. */
  private scanLine(pos: number): number {
    const text = this.text;
    const length = text.length;
    let state = this.state;
    let depth = this.depth;

    while (pos < length) {
      // Skip the characters that cannot change anything in this state.
      const stops = STOPS[state]!;
      let c = text.charCodeAt(pos);
      while (c >= 128 || stops[c] === 0) {
        if (++pos >= length) {
          break;
        }
        c = text.charCodeAt(pos);
      }
      if (pos >= length) {
        break;
      }

      if (c === CH_LF || c === CH_CR) {
        pos = skipLineBreak(text, pos);
        break;
      }

      const next = text.charCodeAt(pos + 1);
      if (c === CH_DOLLAR) {
        pos = this.sqlcmd && next === CH_LEFT_PAREN ? this.readVariable(pos) : pos + 1;
        continue;
      }
      if (c === CH_LESS) {
        this.readTemplate(pos, state);
        pos++;
        continue;
      }

      switch (state) {
        case State.Code:
          if (c === CH_QUOTE) {
            state = State.String;
          } else if (c === CH_LEFT_BRACKET) {
            state = State.Bracket;
          } else if (c === CH_DOUBLE_QUOTE) {
            state = State.DoubleQuote;
          } else if (c === CH_MINUS && next === CH_MINUS) {
            state = State.LineComment;
            pos++;
          } else if (c === CH_SLASH && next === CH_STAR) {
            state = State.BlockComment;
            depth = 1;
            pos++;
          }
          break;
        case State.String:
        case State.Bracket:
        case State.DoubleQuote:
          // Only the closing character stops the skip loop in these states,
          // and a doubled one stands for itself.
          if (next === c) {
            pos++;
          } else {
            state = State.Code;
          }
          break;
        case State.BlockComment:
          if (c === CH_SLASH && next === CH_STAR) {
            depth++;
            pos++;
          } else if (c === CH_STAR && next === CH_SLASH) {
            depth--;
            pos++;
            if (depth === 0) {
              state = State.Code;
            }
          }
          break;
        case State.LineComment:
          break;
      }
      pos++;
    }

    this.state = state === State.LineComment ? State.Code : state;
    this.depth = depth;
    return pos;
  }

  /** Records a `$(name)` at `at`; returns the offset to continue from. */
  private readVariable(at: number): number {
    const reference = readVariableReference(this.text, at, this.text.length);
    if (reference === undefined) {
      return at + 1;
    }

    const value = this.variables.get(reference.name);
    if (value === undefined) {
      this.reportUndefined(reference.name, at);
    } else {
      this.edits.push({ kind: EditKind.Variable, start: at, end: reference.end, value });
    }
    return reference.end;
  }

  private readTemplate(at: number, state: State): void {
    const context =
      state === State.Code
        ? Context.Code
        : state === State.BlockComment || state === State.LineComment
          ? Context.Comment
          : Context.String;
    const match = readTemplateParameter(this.text, at, context);
    if (match === undefined) {
      return;
    }

    // Variables in the default get the values in scope here; any undefined
    // one is reported when the scan reaches it.
    const substituted = this.sqlcmd
      ? substituteVariables(match.value, this.variables, () => undefined)
      : match.value;
    this.templates.push({ ...match, substituted });
    this.edits.push({ kind: EditKind.Template, start: at, end: match.end, value: substituted });
  }

  /** Warns about a bare `GO` line that a block comment keeps from splitting. */
  private checkGoInComment(lineStart: number): void {
    const text = this.text;
    let at = lineStart;
    while (at < text.length && isBlank(text.charCodeAt(at))) {
      at++;
    }
    if ((text.charCodeAt(at) | 0x20) !== 0x67 || (text.charCodeAt(at + 1) | 0x20) !== 0x6f) {
      return;
    }

    const lineEnd = findLineEnd(text, at);
    const go = readGoLine(text, at, lineEnd);
    if (go === undefined || go.problem !== undefined || go.openComment > 0) {
      return;
    }
    this.report(
      "batches.go-in-comment",
      "warning",
      "'GO' inside a block comment does not end the batch here, but osql and " +
        "some other client tools split at it and break the comment; move GO " +
        "out of the comment",
      at,
      lineEnd,
    );
  }

  private endBatch(end: number, repeat: number): void {
    this.pending.push({ start: this.batchStart, end, repeat, edits: this.edits });
    this.edits = [];
  }

  private assembleBatches(withTemplates: boolean): BatchText[] {
    const batches: BatchText[] = [];
    for (const batch of this.pending) {
      const { text, replacements } = assemble(
        this.text,
        batch.start,
        batch.end,
        batch.edits,
        withTemplates,
      );
      if (!/\S/.test(text)) {
        continue;
      }

      const { line, column } = positionAt(this.starts, batch.start);
      batches.push({
        text,
        start: batch.start,
        end: batch.end,
        line,
        column,
        repeat: batch.repeat,
        substituted: replacements.length > 0,
        replacements,
      });
    }
    return batches;
  }

  private reportTemplates(): TemplateParameter[] {
    const parameters = this.templates.map((t): TemplateParameter => {
      const { line, column } = positionAt(this.starts, t.start);
      return {
        name: t.name,
        type: t.type,
        value: t.substituted,
        text: this.text.slice(t.start, t.end),
        start: t.start,
        end: t.end,
        line,
        column,
      };
    });

    for (const note of describeTemplates(parameters)) {
      this.report("batches.template-parameter", "info", note.message, note.start, note.end);
    }
    return parameters;
  }

  private reportUndefined(name: string, at: number): void {
    const key = name.toUpperCase();
    if (this.undefinedNames.has(key) || SQLCMD_BUILT_IN_VARIABLES.has(key)) {
      return;
    }

    this.undefinedNames.add(key);
    this.report(
      "batches.undefined-variable",
      "warning",
      `sqlcmd variable '${name}' is not defined here; pass --var ${name}=VALUE ` +
        `or add ':setvar ${name} "VALUE"' before this line`,
      at,
      at + name.length + 3,
    );
  }

  private report(code: string, severity: Severity, message: string, start: number, end: number): void {
    const { line, column } = positionAt(this.starts, start);
    this.diagnostics.push({
      code,
      severity,
      message,
      start,
      end,
      line,
      column,
      ...(this.file === undefined ? {} : { file: this.file }),
    });
  }
}
