import assert from "node:assert/strict";
import { before, describe, it } from "node:test";

import type { Assessment } from "../../../src/assessment/model.js";
import { redactAssessment, type RedactResult } from "../../../src/report/redact/index.js";
import { vocabularyOf } from "../../../src/report/redact/vocabulary.js";
import { FALLBACK_PSEUDONYM, findLeaks, PSEUDONYM, renderAll, visibleTexts, type Renderings } from "./harness.js";
import { assessHostileScripts, KEYWORD_NAMES, SECRET_NAMES, type HostileRun } from "./hostile-scripts.js";

/** Returns the name-like token at a 1-based column, as the HTML code view marks it. */
function tokenAt(line: string, column: number): string {
  const match = /[\p{L}\p{N}_@#$]+/uy;
  match.lastIndex = column - 1;
  return match.exec(line)?.[0] ?? line[column - 1] ?? "";
}

function linesOf(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

function sameRenderings(x: Renderings, y: Renderings): void {
  assert.equal(x.json, y.json);
  assert.equal(x.csv, y.csv);
  assert.equal(x.sarif, y.sarif);
  assert.equal(x.html, y.html);
}

describe("redactAssessment of scripts", () => {
  let run: HostileRun;
  let redacted: RedactResult;

  before(async () => {
    run = await assessHostileScripts();
    redacted = redactAssessment(run.assessment, { texts: run.texts });
  });

  it("starts from reports that show every name", () => {
    const original: RedactResult = {
      assessment: run.assessment,
      texts: run.texts,
      pseudonyms: [],
      unlistedFields: [],
    };
    const texts = visibleTexts(renderAll(original), run.texts);

    assert.deepEqual(
      SECRET_NAMES.filter((name) => findLeaks(texts, [name]).length === 0),
      [],
      "names the sample does not show, so their absence later proves nothing",
    );
  });

  it("leaves no name in JSON, CSV, SARIF, HTML or code", () => {
    const texts = visibleTexts(renderAll(redacted), redacted.texts);

    assert.deepEqual(findLeaks(texts, SECRET_NAMES), []);
    assert.deepEqual(texts.filter((t) => FALLBACK_PSEUDONYM.test(t)), [], "a name the first walk missed");
    for (const name of KEYWORD_NAMES) {
      assert.ok(!texts.some((t) => t.toLowerCase().includes(name.toLowerCase())), name);
    }
    assert.ok(redacted.texts.size >= 4, "the code view has the redacted files");
  });

  it("keeps lines and the construct at each finding", () => {
    const vocabulary = vocabularyOf();
    const original = run.assessment.findings;
    let compared = 0;

    redacted.assessment.findings.forEach((f, i) => {
      const before = original[i]!;
      const sourceText = run.texts.get(before.file);
      const redactedText = redacted.texts.get(f.file);
      assert.ok(sourceText !== undefined, before.file);
      assert.ok(redactedText !== undefined, f.file);
      assert.equal(linesOf(redactedText).length, linesOf(sourceText).length, f.file);
      assert.equal(f.line, before.line);

      const was = tokenAt(linesOf(sourceText)[before.line - 1]!, before.column);
      const now = tokenAt(linesOf(redactedText)[f.line - 1]!, f.column);
      if (now.toUpperCase() !== was.toUpperCase()) {
        const where = `${before.featureId} at ${before.line}:${before.column}`;
        assert.ok(!vocabulary.isReserved(was.toUpperCase()), `${where}: keyword ${was} lost`);
        assert.ok(!vocabulary.isSqlWord(was), `${where}: T-SQL word ${was} lost`);
        assert.match(now, /^[0-9]/.test(was) ? /^0$/ : PSEUDONYM, `${where}: ${was} became ${now}`);
      }
      compared++;
    });

    assert.ok(compared >= 25, `${compared} findings compared`);
  });

  it("keeps statuses, details, lines and the summary", () => {
    const a = redacted.assessment;
    assert.deepEqual(a.summary, run.assessment.summary);
    assert.deepEqual(
      a.findings.map((f) => [f.featureId, f.status, f.line, f.detail, f.complexity]),
      run.assessment.findings.map((f) => [f.featureId, f.status, f.line, f.detail, f.complexity]),
    );
    assert.deepEqual(
      a.parseErrors.map((e) => [e.line, e.code]),
      run.assessment.parseErrors.map((e) => [e.line, e.code]),
    );
  });

  it("uses one pseudonym per name across objects, findings and code", () => {
    const a = redacted.assessment;
    const objects = new Set(a.objects.map((o) => o.name));
    const units = new Set(a.units.map((u) => u.file));

    for (const f of a.findings) {
      assert.ok(f.object === "" || objects.has(f.object), f.object);
      assert.ok(units.has(f.file), f.file);
    }
    for (const o of a.objects) {
      const line = linesOf(redacted.texts.get(o.file)!)[o.line - 1]!;
      const last = o.name.split(".").pop()!;
      assert.ok(line.includes(last), `${o.name} is not on ${o.file}:${o.line}: ${line}`);
    }

    // ZEPHYR.ZEPHYRORDERS and Zephyr.ZephyrOrders are one table.
    const procedure = redacted.texts.get(a.objects.find((o) => o.type === "procedure" && o.lines > 1)!.file)!;
    const table = a.objects.find((o) => o.line === 2)!.name;
    assert.equal(procedure.split(table).length - 1, 4, `${table} in every spelling`);
  });

  it("gives the same output for the same input in any order", () => {
    const again = redactAssessment(run.assessment, { texts: run.texts });
    sameRenderings(renderAll(again), renderAll(redacted));
    assert.deepEqual([...again.texts], [...redacted.texts]);

    const a = run.assessment;
    const shuffled: Assessment = {
      ...a,
      findings: [...a.findings].reverse(),
      objects: [...a.objects].reverse(),
      units: [...a.units].reverse(),
    };
    const reordered = redactAssessment(shuffled, { texts: run.texts });
    assert.deepEqual(reordered.pseudonyms, redacted.pseudonyms);
  });

  it("numbers by a keyed hash when given a secret", () => {
    const first = redactAssessment(run.assessment, { texts: run.texts, secret: "first secret" });
    const again = redactAssessment(run.assessment, { texts: run.texts, secret: "first secret" });
    const other = redactAssessment(run.assessment, { texts: run.texts, secret: "second secret" });

    sameRenderings(renderAll(again), renderAll(first));
    assert.notDeepEqual(other.pseudonyms, first.pseudonyms);
    assert.deepEqual(
      first.pseudonyms.map((p) => p.pseudonym).sort(),
      redacted.pseudonyms.map((p) => p.pseudonym).sort(),
    );
    assert.deepEqual(findLeaks(visibleTexts(renderAll(first), first.texts), SECRET_NAMES), []);
  });
});
