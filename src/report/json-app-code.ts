/**
 * The `applicationCode` member of `assessment.json`: the scan's counts
 * indented, and each file and statement one compact object on its own
 * line, as the other lists of the file are written.
 */

import type { AppCodeFile, AppCodeStatement, ApplicationCodeSource } from "../sources/app-code/model.js";

/** Yields `applicationCode` followed by a comma, at the top level of the document. */
export function* appCodeMember(source: ApplicationCodeSource): Generator<string> {
  yield '  "applicationCode": {\n';
  const head = {
    roots: [...source.roots],
    filesScanned: { ...source.filesScanned },
    bytesScanned: source.bytesScanned,
    statementsFound: source.statementsFound,
    partlyDynamic: source.partlyDynamic,
    unterminated: source.unterminated,
    skipped: { ...source.skipped },
  };
  for (const [name, value] of Object.entries(head)) {
    yield `    ${JSON.stringify(name)}: ${JSON.stringify(value)},\n`;
  }
  yield* lines("files", source.files, fileRecord);
  yield ",\n";
  yield* lines("statements", source.statements, statementRecord);
  yield "\n  },\n";
}

function* lines<T>(name: string, items: readonly T[], record: (item: T) => object): Generator<string> {
  if (items.length === 0) {
    yield `    ${JSON.stringify(name)}: []`;
    return;
  }
  yield `    ${JSON.stringify(name)}: [\n`;
  let first = true;
  for (const item of items) {
    yield `${first ? "" : ",\n"}      ${JSON.stringify(record(item))}`;
    first = false;
  }
  yield "\n    ]";
}

function fileRecord(f: AppCodeFile): object {
  return {
    file: f.file,
    language: f.language,
    bytes: f.bytes,
    statements: f.statements,
    partlyDynamic: f.partlyDynamic,
  };
}

function statementRecord(s: AppCodeStatement): object {
  return {
    file: s.file,
    line: s.line,
    column: s.column,
    endLine: s.endLine,
    language: s.language,
    ...(s.call === undefined ? {} : { call: s.call }),
    scope: s.scope,
    dynamicParts: s.dynamicParts,
    parameters: s.parameters,
    text: s.text,
  };
}
