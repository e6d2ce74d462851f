/**
 * sqlcmd commands, from "Commands in the sqlcmd utility" (SQL Server 2022
 * documentation): a command starts a line, is case-insensitive, fills the
 * whole line and starts with a colon, except that RESET, ED, !!, QUIT and
 * EXIT also work without one for osql compatibility.
 */

import type { Severity } from "../diagnostics.js";
import type { SqlcmdCommandName } from "./types.js";
import { isVariableName, substituteVariables, type VariableTable } from "./variables.js";

export interface CommandProblem {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
}

export interface ReadCommand {
  /** The command, or undefined for an unknown `:name`. */
  readonly name?: SqlcmdCommandName;
  readonly arguments: string[];
  /** The line as written, with any password masked. */
  readonly text: string;
  readonly problems: CommandProblem[];
}

/** Text shown in place of a password. */
export const MASK = "********";

/**
 * Longest value a sqlcmd variable may take, in characters. Values built
 * from other variables can double at each `:setvar`, so without a limit a
 * few lines would exhaust memory.
 */
export const MAX_VARIABLE_LENGTH = 1_000_000;

/** Commands and the number of arguments each takes: [minimum, maximum]. */
const ARITY: ReadonlyMap<string, readonly [number, number]> = new Map([
  ["setvar", [1, 2]],
  ["r", [1, 1]],
  ["on error", [1, 1]],
  ["connect", [1, Infinity]],
  ["out", [1, 1]],
  ["error", [1, 1]],
  ["perftrace", [1, 1]],
  ["xml", [1, 1]],
  ["quit", [0, 0]],
  ["listvar", [0, 0]],
  ["list", [0, 0]],
  ["reset", [0, 0]],
  ["ed", [0, 0]],
  ["serverlist", [0, 0]],
  ["help", [0, 0]],
]);

/**
 * Commands recognised without a colon. ED is left out although sqlcmd
 * accepts it: a column alias `ed` alone on a line is plausible T-SQL.
 */
const WITHOUT_COLON = new Set(["exit", "quit", "reset"]);

interface Argument {
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Reads the sqlcmd command in `line` (leading blanks and line break
 * removed). Returns undefined when the line is not a sqlcmd command, such
 * as `::fn_helpcollations()` or the word EXIT followed by other text.
 * `:setvar` is applied to `variables`.
 */
export function readSqlcmdCommand(
  line: string,
  variables: VariableTable,
  onUndefined: (name: string, offset: number) => void,
): ReadCommand | undefined {
  if (line.startsWith("!!")) {
    return { name: "!!", arguments: [line.slice(2).trim()], text: line, problems: [] };
  }

  const colon = line.startsWith(":") ? 1 : 0;
  const word = /^[A-Za-z]+/.exec(line.slice(colon))?.[0].toLowerCase();
  if (word === undefined || (colon === 0 && !WITHOUT_COLON.has(word))) {
    return undefined;
  }

  let name = word;
  let restStart = colon + word.length;
  const onError = /^\s+error\b/i.exec(line.slice(restStart));
  if (word === "on" && onError !== null) {
    name = "on error";
    restStart += onError[0].length;
  }

  const rest = line.slice(restStart);
  if (name === "exit") {
    // :EXIT, :EXIT() and :EXIT(query) take the parenthesised query as is.
    const argument = rest.trim();
    if (argument === "" || argument.startsWith("(")) {
      return { name, arguments: argument === "" ? [] : [argument], text: line, problems: [] };
    }
    if (colon === 0) {
      return undefined;
    }
    const problem: CommandProblem = {
      code: "batches.sqlcmd-syntax",
      severity: "error",
      message: `':exit' takes nothing or a query in parentheses, found '${argument}'`,
    };
    return { name, arguments: [argument], text: line, problems: [problem] };
  }

  const arity = ARITY.get(name);
  if (arity === undefined || (rest !== "" && !/^\s/.test(rest))) {
    return colon === 0 ? undefined : unknown(line, name);
  }

  const parsed = splitArguments(rest);
  if (colon === 0 && parsed.length > 0) {
    return undefined;
  }

  const commandName = name as SqlcmdCommandName;
  const masked = maskPassword(commandName, parsed);
  const text = line.slice(0, restStart) + masked.text(rest);
  const values = masked.arguments.map((argument, i) =>
    commandName === "setvar" && i === 0
      ? argument
      : substituteVariables(argument, variables, (variable, at) =>
          onUndefined(variable, restStart + (parsed[i]?.start ?? 0) + at),
        ),
  );

  const problems = checkArguments(commandName, values, arity);
  const value = values[1];
  if (commandName === "setvar" && problems.length === 0 && value !== undefined && value.length > MAX_VARIABLE_LENGTH) {
    problems.push({
      code: "batches.variable-too-long",
      severity: "error",
      message:
        `':setvar ${values[0]}' would hold ${value.length} characters, more than the ` +
        `${MAX_VARIABLE_LENGTH} infio accepts; the variable is left undefined`,
    });
  } else if (commandName === "setvar" && problems.length === 0) {
    variables.set(values[0]!, value);
  }
  if (masked.masked) {
    problems.push({
      code: "batches.password-in-script",
      severity: "warning",
      message:
        "':connect' passes a password with -P in the script; infio masks it, but " +
        "remove it from the script and use Windows authentication or a prompt",
    });
  }
  return { name: commandName, arguments: values, text, problems };
}

function unknown(line: string, name: string): ReadCommand {
  const problem: CommandProblem = {
    code: "batches.unknown-sqlcmd-command",
    severity: "error",
    message:
      `unknown sqlcmd command ':${name}'; sqlcmd stops the script here, so fix ` +
      "the command or remove the line",
  };
  return { arguments: [], text: line, problems: [problem] };
}

function checkArguments(
  name: SqlcmdCommandName,
  values: readonly string[],
  [minimum, maximum]: readonly [number, number],
): CommandProblem[] {
  const syntax = (message: string): CommandProblem[] => [
    { code: "batches.sqlcmd-syntax", severity: "error", message },
  ];

  if (name === "setvar" && values.length === 0) {
    return syntax("':setvar' needs a variable name, as in ':setvar NAME \"value\"'");
  }
  if (name === "setvar" && !isVariableName(values[0]!)) {
    return syntax(
      `invalid sqlcmd variable name '${values[0]}' in ':setvar'; a name cannot ` +
        "contain whitespace, quotation marks, '$' or parentheses",
    );
  }
  if (name === "setvar" && values.length > maximum) {
    return syntax(
      `':setvar ${values[0]}' has more than one value; put quotation marks around ` +
        "a value that contains spaces",
    );
  }

  if (name === "on error" && !/^(exit|ignore)$/i.test(values[0] ?? "")) {
    return syntax(`':on error' takes exit or ignore, found '${values[0] ?? ""}'`);
  }
  if (name === "xml" && !/^(on|off)$/i.test(values[0] ?? "")) {
    return syntax(`':xml' takes on or off, found '${values[0] ?? ""}'`);
  }

  if (values.length < minimum) {
    return syntax(`':${name}' needs an argument; see "Commands in the sqlcmd utility"`);
  }
  if (values.length > maximum) {
    return syntax(
      `':${name}' takes ${maximum === 0 ? "no arguments" : "one argument"}, ` +
        `found ${values.length}; put quotation marks around a path with spaces`,
    );
  }
  return [];
}

/**
 * Splits command arguments at blanks. A double-quoted argument may contain
 * blanks and writes a quotation mark as two, as in `:setvar V "a ""b"""`.
 */
function splitArguments(rest: string): Argument[] {
  const result: Argument[] = [];
  let pos = 0;
  while (pos < rest.length) {
    while (pos < rest.length && /\s/.test(rest[pos]!)) {
      pos++;
    }
    if (pos >= rest.length) {
      break;
    }

    const start = pos;
    let value = "";
    if (rest[pos] === '"') {
      pos++;
      while (pos < rest.length) {
        if (rest[pos] === '"' && rest[pos + 1] === '"') {
          value += '"';
          pos += 2;
        } else if (rest[pos] === '"') {
          pos++;
          break;
        } else {
          value += rest[pos++];
        }
      }
    } else {
      while (pos < rest.length && !/\s/.test(rest[pos]!)) {
        value += rest[pos++];
      }
    }
    result.push({ value, start, end: pos });
  }
  return result;
}

/**
 * Masks the password of `:connect server -U user -P password`, whether it
 * follows `-P` as the next argument or is attached to it (`-Psecret`).
 */
function maskPassword(
  name: SqlcmdCommandName,
  parsed: readonly Argument[],
): { arguments: string[]; masked: boolean; text: (rest: string) => string } {
  const values = parsed.map((argument) => argument.value);
  const ranges: [number, number][] = [];
  if (name === "connect") {
    for (let i = 0; i < parsed.length; i++) {
      const argument = parsed[i]!;
      const next = parsed[i + 1];
      if (argument.value === "-P" && next !== undefined) {
        values[i + 1] = MASK;
        ranges.push([next.start, next.end]);
        i++;
      } else if (argument.value.startsWith("-P") && argument.value.length > 2) {
        values[i] = `-P${MASK}`;
        ranges.push([argument.start + 2, argument.end]);
      }
    }
  }

  const text = (rest: string): string => {
    let result = "";
    let copied = 0;
    for (const [start, end] of ranges) {
      result += rest.slice(copied, start) + MASK;
      copied = end;
    }
    return result + rest.slice(copied);
  };
  return { arguments: values, masked: ranges.length > 0, text };
}
