/**
 * sqlcmd scripting variables. From "sqlcmd - Use with scripting variables"
 * (SQL Server 2022 documentation): names are case-insensitive and contain
 * no whitespace or quotation marks, `:setvar NAME` without a value removes
 * the variable, and `:setvar` takes precedence over `sqlcmd -v`.
 */

/** Values of the variables in scope at the current point of the script. */
export class VariableTable {
  private readonly values = new Map<string, string>();

  constructor(initial: Readonly<Record<string, string>> = {}) {
    for (const [name, value] of Object.entries(initial)) {
      this.values.set(name.toUpperCase(), value);
    }
  }

  get(name: string): string | undefined {
    return this.values.get(name.toUpperCase());
  }

  /** Sets a variable, or removes it when `value` is undefined. */
  set(name: string, value: string | undefined): void {
    if (value === undefined) {
      this.values.delete(name.toUpperCase());
    } else {
      this.values.set(name.toUpperCase(), value);
    }
  }
}

export interface VariableReference {
  readonly name: string;
  /** Offset just past the closing parenthesis. */
  readonly end: number;
}

/** Tells whether `name` is a valid scripting variable name. */
export function isVariableName(name: string): boolean {
  return name.length > 0 && !/[\s"'()$]/.test(name);
}

/**
 * Reads a `$(name)` reference whose `$` is at `at`, within one line ending
 * at `lineEnd`. Returns undefined when the text is not a valid reference.
 */
export function readVariableReference(
  text: string,
  at: number,
  lineEnd: number,
): VariableReference | undefined {
  if (text.charCodeAt(at + 1) !== 40) {
    return undefined;
  }

  const close = text.indexOf(")", at + 2);
  if (close < 0 || close >= lineEnd) {
    return undefined;
  }

  const name = text.slice(at + 2, close);
  return isVariableName(name) ? { name, end: close + 1 } : undefined;
}

/**
 * Replaces every `$(name)` in `text` that has a value; references without
 * one stay as written and are passed to `onUndefined` with their offset.
 */
export function substituteVariables(
  text: string,
  variables: VariableTable,
  onUndefined: (name: string, offset: number) => void,
): string {
  let result = "";
  let copied = 0;
  for (let at = text.indexOf("$("); at >= 0; at = text.indexOf("$(", at + 1)) {
    const reference = readVariableReference(text, at, text.length);
    if (reference === undefined) {
      continue;
    }

    const value = variables.get(reference.name);
    if (value === undefined) {
      onUndefined(reference.name, at);
      continue;
    }
    result += text.slice(copied, at) + value;
    copied = reference.end;
    at = reference.end - 1;
  }
  return result + text.slice(copied);
}
