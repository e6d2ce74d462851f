/**
 * Decides which source lines the code view renders: a window of context
 * lines around each line that the page links to, taken in page order until
 * `HtmlLimits.codeLines` is spent. Only lines that the view renders get
 * anchors, so every link on the page leads somewhere.
 */

import { compareCodeUnits } from "../text.js";
import type { HtmlLimits } from "./limits.js";

/** A place the page links to, with what to annotate under its line. */
export interface CodeTarget {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Finding status for the badge colour, or `parseError`. */
  readonly status: string;
  /** Text of the badge: the status label, or `Parse error`. */
  readonly badge: string;
  /** Feature id, or the parse error code. */
  readonly label: string;
  readonly message: string;
  /** Anchor of the feature block, when the target is a finding. */
  readonly featureAnchor?: string;
}

export interface CodeFile {
  readonly file: string;
  readonly anchor: string;
  readonly lines: readonly string[];
  /** Rendered line numbers, ascending. */
  readonly lineNumbers: readonly number[];
  readonly annotations: ReadonlyMap<number, readonly CodeTarget[]>;
  /** Annotations left out per line by `annotationsPerLine`. */
  readonly hiddenAnnotations: ReadonlyMap<number, number>;
}

export interface CodePlan {
  readonly files: readonly CodeFile[];
  readonly renderedLineCount: number;
  /** Returns the anchor of a rendered line, or undefined if it is not shown. */
  lineAnchor(file: string, line: number): string | undefined;
}

interface FileDraft {
  readonly lines: string[];
  readonly rendered: Set<number>;
  readonly annotations: Map<number, CodeTarget[]>;
  readonly hiddenAnnotations: Map<number, number>;
}

/** Plans the code view for targets given in page order. */
export function planCodeView(
  targets: Iterable<CodeTarget>,
  sources: ReadonlyMap<string, string> | undefined,
  limits: HtmlLimits,
): CodePlan {
  const drafts = new Map<string, FileDraft>();
  let remaining = limits.codeLines;

  for (const target of targets) {
    const draft = draftFor(target.file, sources, drafts);
    if (draft === undefined || !isLineOf(target.line, draft.lines)) {
      continue;
    }

    const first = Math.max(1, target.line - limits.contextLines);
    const last = Math.min(
      draft.lines.length,
      target.line + limits.contextLines,
    );
    let added = 0;
    for (let line = first; line <= last; line++) {
      added += draft.rendered.has(line) ? 0 : 1;
    }

    // A window that does not fit is dropped, but a line that another
    // window already shows still gets its annotation.
    if (added > remaining) {
      if (draft.rendered.has(target.line)) {
        annotate(draft, target, limits.annotationsPerLine);
      }
      continue;
    }

    for (let line = first; line <= last; line++) {
      draft.rendered.add(line);
    }
    remaining -= added;
    annotate(draft, target, limits.annotationsPerLine);
  }

  return finishPlan(drafts, limits.codeLines - remaining);
}

function draftFor(
  file: string,
  sources: ReadonlyMap<string, string> | undefined,
  drafts: Map<string, FileDraft>,
): FileDraft | undefined {
  const existing = drafts.get(file);
  if (existing !== undefined) {
    return existing;
  }

  const text = sources?.get(file);
  if (text === undefined) {
    return undefined;
  }

  const draft: FileDraft = {
    lines: splitLines(text),
    rendered: new Set(),
    annotations: new Map(),
    hiddenAnnotations: new Map(),
  };
  drafts.set(file, draft);
  return draft;
}

/**
 * Splits source text into lines at CRLF, LF or CR, the line breaks the
 * front end counts, so line numbers match the findings.
 */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

function isLineOf(line: number, lines: readonly string[]): boolean {
  return Number.isInteger(line) && line >= 1 && line <= lines.length;
}

function annotate(draft: FileDraft, target: CodeTarget, max: number): void {
  const list = draft.annotations.get(target.line) ?? [];
  if (list.length < max) {
    list.push(target);
    draft.annotations.set(target.line, list);
    return;
  }

  const hidden = draft.hiddenAnnotations.get(target.line) ?? 0;
  draft.hiddenAnnotations.set(target.line, hidden + 1);
}

function finishPlan(
  drafts: Map<string, FileDraft>,
  renderedLineCount: number,
): CodePlan {
  const names = [...drafts.keys()]
    .filter((file) => drafts.get(file)!.rendered.size > 0)
    .sort(compareCodeUnits);

  const files: CodeFile[] = names.map((file, index) => {
    const draft = drafts.get(file)!;
    return {
      file,
      anchor: `cf-${index}`,
      lines: draft.lines,
      lineNumbers: [...draft.rendered].sort((x, y) => x - y),
      annotations: draft.annotations,
      hiddenAnnotations: draft.hiddenAnnotations,
    };
  });

  const fileByName = new Map(files.map((f) => [f.file, f]));

  return {
    files,
    renderedLineCount,
    lineAnchor(file: string, line: number): string | undefined {
      const codeFile = fileByName.get(file);
      if (codeFile === undefined || !drafts.get(file)!.rendered.has(line)) {
        return undefined;
      }

      return lineAnchorId(codeFile.anchor, line);
    },
  };
}

/** Returns the id of a rendered code line, for example `cf-3-L120`. */
export function lineAnchorId(fileAnchor: string, line: number): string {
  return `${fileAnchor}-L${line}`;
}
