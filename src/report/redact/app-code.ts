/**
 * Redacts the application-code part of an assessment: roots and file
 * names as source paths, statement texts as code, and each class and
 * method name with a pseudonym. Raw-SQL call names are kept, because they
 * are the public names of database libraries, not the customer's.
 */

import type { ApplicationCodeSource } from "../../sources/app-code/model.js";
import { redactCode, type CodeContext } from "./code.js";
import { redactScriptPath, redactSourcePath } from "./names.js";

/** Returns the part with names and code redacted; `file` maps unit names as the rest of the report does. */
export function redactAppCode(
  source: ApplicationCodeSource,
  file: (name: string) => string,
  code: CodeContext,
): ApplicationCodeSource {
  const { namer } = code;
  // A name that no unit, finding or skipped input registered still gets a pseudonym.
  const name = (unit: string): string => {
    const mapped = file(unit);
    return mapped === unit ? redactScriptPath(unit, namer) : mapped;
  };
  const scope = (text: string): string =>
    text
      .split(".")
      .filter((part) => part !== "")
      .map((part) => namer.name(part, "name"))
      .join(".");

  return {
    ...source,
    roots: source.roots.map((r) => redactSourcePath(r, namer)),
    files: source.files.map((f) => ({ ...f, file: name(f.file) })),
    statements: source.statements.map((s) => ({
      ...s,
      file: name(s.file),
      scope: scope(s.scope),
      text: redactCode(s.text, code).text,
    })),
  };
}
