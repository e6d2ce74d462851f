/**
 * One walk over an assessment that redacts every part of it. The walk
 * runs twice, first to register names and then to replace them (see
 * namer.ts), so both runs must make the same calls. It goes in three
 * steps: the structured names (server, sources, objects, files,
 * inventory), then the code, then the messages, because messages are
 * searched for the names the first two steps found.
 */

import type {
  Assessment,
  EffortBreakdown,
  FeatureComparison,
  Finding,
  LiveSource,
  ParseErrorRecord,
  TargetComparison,
} from "../../assessment/model.js";
import { compareCodeUnits } from "../text.js";
import { redactCode, type CodeContext } from "./code.js";
import { redactDetail } from "./details.js";
import { InventoryRedactor } from "./inventory.js";
import { ComplexNames, redactMessage, type MessageContext } from "./messages.js";
import type { Namer } from "./namer.js";
import {
  ObjectIndex,
  objectKind,
  redactModuleUnit,
  redactQualifiedName,
  redactScriptPath,
  redactServerAddress,
  redactSourcePath,
} from "./names.js";
import type { NameRegistry } from "./registry.js";
import type { Vocabulary } from "./vocabulary.js";
import { redactWorkloadNames, redactWorkloadUnit, redactWorkloadWarnings } from "./workload.js";
import { redactAppCode } from "./app-code.js";
import { redactReadiness } from "./readiness.js";

export interface WalkInput {
  readonly assessment: Assessment;
  /** Source text by unit name; only units with findings or parse errors are read. */
  readonly texts: ReadonlyMap<string, string> | undefined;
  readonly namer: Namer;
  readonly registry: NameRegistry;
  readonly vocabulary: Vocabulary;
}

export interface WalkResult {
  readonly assessment: Assessment;
  /** Original unit name by redacted unit name, for units whose text was read. */
  readonly textUnits: ReadonlyMap<string, string>;
  readonly unlistedFields: readonly string[];
}

export function walkAssessment(input: WalkInput): WalkResult {
  const { assessment: a, namer, vocabulary } = input;
  const code: CodeContext = { namer, vocabulary };
  const objects = new ObjectIndex(a.objects);

  // Step 1: structured names.
  const header = a.live === undefined ? undefined : redactHeader(a.live, namer);
  const sources = a.sources.map((s) =>
    a.live === undefined ? redactSourcePath(s, namer) : redactServerAddress(s, namer),
  );
  const files = redactFiles(a, namer, objects);
  const file = (name: string): string => files.get(name) ?? name;
  // Findings repeat their object thousands of times, so each is redacted once.
  const objectNames = new Map<string, string>();
  const object = (name: string): string => {
    let redacted = objectNames.get(name);
    if (redacted === undefined) {
      redacted = redactQualifiedName(name, objects.kindOf(name), namer);
      objectNames.set(name, redacted);
    }
    return redacted;
  };
  const detail = (featureId: string, value: string): string =>
    redactDetail(featureId, value, namer, vocabulary);

  const redactedObjects = a.objects.map((o) => ({
    ...o,
    name: redactQualifiedName(o.name, objectKind(o.type), namer),
    file: file(o.file),
  }));
  const inventory = new InventoryRedactor(code);
  const liveInventory = a.live === undefined ? undefined : inventory.redact(a.live.inventory);
  const problemDatabases = a.live?.problems.map((p) =>
    p.database === undefined ? undefined : namer.name(p.database, "database"),
  );
  const findingObjects = a.findings.map((f) => object(f.object));
  const findingDetails = a.findings.map((f) => (f.detail === undefined ? undefined : detail(f.featureId, f.detail)));
  const effort = a.effort === undefined ? undefined : redactEffort(a.effort, file, detail, namer, objects);
  const comparison = a.comparison === undefined ? undefined : redactComparison(a.comparison, detail);
  const overrides =
    a.overrides === undefined
      ? undefined
      : {
          ...a.overrides,
          features: a.overrides.features.map((o) =>
            o.detail === undefined ? o : { ...o, detail: detail(o.featureId, o.detail) },
          ),
        };

  // Step 2: code, and the columns of findings and parse errors in it.
  const columns = remapColumns(a, input.texts, code);
  const workloadNames = a.workload === undefined ? undefined : redactWorkloadNames(a.workload, file, code);
  const applicationCode = a.applicationCode === undefined ? undefined : redactAppCode(a.applicationCode, file, code);
  const textUnits = new Map<string, string>();
  for (const name of columns.read) {
    textUnits.set(file(name), name);
  }

  // Step 3: messages.
  const messages: MessageContext = {
    namer,
    vocabulary,
    complexNames: new ComplexNames(input.registry.allSpellings()),
  };
  const prose = (text: string): string => redactMessage(text, messages, { strict: false });

  const findings = a.findings.map((f, i): Finding => {
    const redactedDetail = findingDetails[i];
    // A detail that got a pseudonym must not survive quoted in the message.
    const keptDetail = redactedDetail === f.detail ? f.detail : undefined;
    return {
      featureId: f.featureId,
      status: f.status,
      file: file(f.file),
      line: f.line,
      column: columns.findings[i] ?? f.column,
      object: findingObjects[i]!,
      message: redactMessage(f.message, messages, {
        strict: true,
        ...(keptDetail === undefined ? {} : { detail: keptDetail.toLowerCase() }),
      }),
      ...(redactedDetail === undefined ? {} : { detail: redactedDetail }),
      ...(f.complexity === undefined ? {} : { complexity: f.complexity }),
    };
  });
  const parseErrors = a.parseErrors.map(
    (e, i): ParseErrorRecord => ({
      ...e,
      file: file(e.file),
      column: columns.parseErrors[i] ?? e.column,
      message: prose(e.message),
    }),
  );
  const live: LiveSource | undefined =
    a.live === undefined || header === undefined || liveInventory === undefined
      ? undefined
      : {
          server: header,
          inventory: liveInventory,
          problems: a.live.problems.map((p, i) => ({
            ...p,
            ...(p.database === undefined ? {} : { database: problemDatabases![i]! }),
            message: prose(p.message),
          })),
        };

  // NOTE: the dependency graph names every object and is left out of
  // redacted reports until its names get pseudonyms.
  const { dependencies: _graph, ...unredacted } = a;
  const redacted: Assessment = {
    ...unredacted,
    sources,
    units: a.units.map((u) => ({ ...u, file: file(u.file) })),
    objects: redactedObjects,
    findings,
    parseErrors,
    skipped: a.skipped.map((s) => ({ ...s, file: file(s.file), message: prose(s.message) })),
    ...(overrides === undefined ? {} : { overrides }),
    ...(effort === undefined ? {} : { effort }),
    ...(comparison === undefined ? {} : { comparison }),
    ...(live === undefined ? {} : { live }),
    ...(workloadNames === undefined ? {} : { workload: redactWorkloadWarnings(workloadNames, prose) }),
    ...(applicationCode === undefined ? {} : { applicationCode }),
    ...(a.readiness === undefined ? {} : { readiness: redactReadiness(a.readiness, namer, prose) }),
  };
  return { assessment: redacted, textUnits, unlistedFields: [...inventory.unlisted].sort(compareCodeUnits) };
}

function redactHeader(live: LiveSource, namer: Namer): LiveSource["server"] {
  return {
    ...live.server,
    address: redactServerAddress(live.server.address, namer),
    name: redactServerAddress(live.server.name, namer),
  };
}

/**
 * Maps every unit name of the assessment. Two names that redact alike,
 * such as modules whose names differ only in case, get `~2`, `~3` after
 * the first in code-unit order, so they stay two units.
 */
function redactFiles(a: Assessment, namer: Namer, objects: ObjectIndex): Map<string, string> {
  const names = new Set<string>();
  const add = (name: string): void => void names.add(name);
  a.units.forEach((u) => add(u.file));
  a.objects.forEach((o) => add(o.file));
  a.findings.forEach((f) => add(f.file));
  a.parseErrors.forEach((e) => add(e.file));
  a.skipped.forEach((s) => add(s.file));
  a.effort?.byObject.forEach((o) => add(o.file));
  a.effort?.byFile.forEach((f) => add(f.file));

  const map = new Map<string, string>();
  const uses = new Map<string, number>();
  for (const name of [...names].sort(compareCodeUnits)) {
    const redacted =
      (a.workload === undefined ? undefined : redactWorkloadUnit(name, namer)) ??
      (a.live === undefined ? redactScriptPath(name, namer) : redactModuleUnit(name, namer, objects));
    const count = (uses.get(redacted) ?? 0) + 1;
    uses.set(redacted, count);
    map.set(name, count === 1 ? redacted : `${redacted}~${count}`);
  }
  return map;
}

/**
 * Redacts the code of every unit that has findings or parse errors and
 * maps their columns into it. Each text is dropped once its columns are
 * mapped; the redacted texts are made again when a report reads them.
 */
function remapColumns(
  a: Assessment,
  texts: ReadonlyMap<string, string> | undefined,
  context: CodeContext,
): { findings: (number | undefined)[]; parseErrors: (number | undefined)[]; read: string[] } {
  const findings: (number | undefined)[] = [];
  const parseErrors: (number | undefined)[] = [];
  const read: string[] = [];
  if (texts === undefined) {
    return { findings, parseErrors, read };
  }

  const byFile = new Map<string, { findings: number[]; parseErrors: number[] }>();
  const entry = (file: string) => {
    let e = byFile.get(file);
    if (e === undefined) {
      e = { findings: [], parseErrors: [] };
      byFile.set(file, e);
    }
    return e;
  };
  a.findings.forEach((f, i) => entry(f.file).findings.push(i));
  a.parseErrors.forEach((e, i) => entry(e.file).parseErrors.push(i));

  for (const [name, places] of [...byFile].sort(([x], [y]) => compareCodeUnits(x, y))) {
    const text = texts.get(name);
    if (text === undefined) {
      continue;
    }
    read.push(name);

    const { columns } = redactCode(text, context);
    for (const i of places.findings) {
      findings[i] = columns.map(a.findings[i]!.line, a.findings[i]!.column);
    }
    for (const i of places.parseErrors) {
      parseErrors[i] = columns.map(a.parseErrors[i]!.line, a.parseErrors[i]!.column);
    }
  }
  return { findings, parseErrors, read };
}

function redactEffort(
  e: EffortBreakdown,
  file: (name: string) => string,
  detail: (featureId: string, value: string) => string,
  namer: Namer,
  objects: ObjectIndex,
): EffortBreakdown {
  return {
    ...e,
    byFeature: e.byFeature.map((f) =>
      f.detail === undefined ? f : { ...f, detail: detail(f.featureId, f.detail) },
    ),
    byObject: e.byObject.map((o) => ({
      ...o,
      file: file(o.file),
      object: redactQualifiedName(
        o.object,
        o.objectType === "" ? objects.kindOf(o.object) : objectKind(o.objectType),
        namer,
      ),
    })),
    byFile: e.byFile.map((f) => ({ ...f, file: file(f.file) })),
  };
}

function redactComparison(
  c: TargetComparison,
  detail: (featureId: string, value: string) => string,
): TargetComparison {
  const list = (features: readonly FeatureComparison[]): FeatureComparison[] =>
    features.map((f) => (f.detail === undefined ? f : { ...f, detail: detail(f.featureId, f.detail) }));
  return {
    ...c,
    unblocked: list(c.unblocked),
    stillBlocking: list(c.stillBlocking),
    regressed: list(c.regressed),
    changed: list(c.changed),
  };
}
