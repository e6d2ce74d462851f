import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { assessUnit, type UnitResult } from "../../src/assessment/assess-unit.js";
import { classify, featureById } from "../../src/catalog/catalog.js";
import { FAMILY_EXAMPLES } from "../../src/catalog/docs/examples/index.js";
import type { ClaimedFinding, FamilyExamples } from "../../src/catalog/docs/family-examples.js";
import { compareFindings } from "../../src/catalog/docs/family-page.js";
import { catalogGroups, renderFeaturePages } from "../../src/catalog/docs/feature-pages.js";
import { cell, slugOf } from "../../src/catalog/docs/markdown.js";
import { extraPages, FEATURE_DOCS_DIR, readPage } from "../../src/catalog/docs/page-files.js";
import { babelfishCell } from "../../src/catalog/docs/status-cells.js";
import { parseTarget, type Target } from "../../src/catalog/targets.js";

const parsed = parseTarget("babelfish");
assert.ok(parsed.ok);
const target: Target = parsed.target;
const REGENERATE = "run `npm run docs:features` to regenerate the pages";

function run(family: FamilyExamples, example: "flagged" | "fine"): UnitResult {
  const file = `${family.group} (${example}).sql`;
  return assessUnit({ file, bytes: new TextEncoder().encode(family[example]) }, { target });
}

/** Formats findings one per line, sorted, so two lists compare and print well. */
function lines(findings: readonly ClaimedFinding[]): string[] {
  return [...findings]
    .sort(compareFindings)
    .map((f) => `${f.line}:${f.column} ${f.featureId}${f.detail === undefined ? "" : ` [${f.detail}]`} ${f.status}`);
}

function listing(title: string, actual: readonly string[], claimed: readonly string[]): string {
  const block = (items: readonly string[]) => (items.length === 0 ? "  (none)" : items.map((item) => `  ${item}`).join("\n"));
  return `${title}\ninfio reports:\n${block(actual)}\nthe page claims:\n${block(claimed)}`;
}

function parseErrorLines(result: UnitResult): string[] {
  return result.parseErrors.map((e) => `${e.line}:${e.column} ${e.message}`);
}

describe("feature docs pages", () => {
  const rendered = renderFeaturePages();

  for (const page of rendered.pages) {
    it(`docs/features/${page.file} is up to date`, () => {
      const onDisk = readPage(FEATURE_DOCS_DIR, page.file);
      assert.ok(onDisk !== undefined, `docs/features/${page.file} is missing; ${REGENERATE}`);
      assert.ok(onDisk === page.content, `docs/features/${page.file} differs from the catalog; ${REGENERATE}`);
    });
  }

  it("docs/features has no stale pages", () => {
    const extra = extraPages(FEATURE_DOCS_DIR, rendered.pages);
    assert.deepEqual(extra, [], `pages no family produces: ${extra.join(", ")}; ${REGENERATE}`);
  });

  it("every catalog family has examples", () => {
    assert.deepEqual(rendered.missing, [], `families without examples: ${rendered.missing.join(", ")}`);
  });

  it("every example names a catalog family", () => {
    assert.deepEqual(rendered.orphaned, [], `unknown families: ${rendered.orphaned.join(", ")}`);
  });

  it("every family has exactly one example set", () => {
    const groups = FAMILY_EXAMPLES.map((family) => family.group);
    assert.equal(new Set(groups).size, groups.length, `duplicate families: ${groups.join(", ")}`);
    assert.deepEqual([...groups].sort(), [...catalogGroups()].sort());
  });
});

describe("feature docs claims", () => {
  for (const family of FAMILY_EXAMPLES) {
    it(`${family.group}: claims match the catalog`, () => {
      assert.ok(family.findings.length > 0, "the flagged example claims no finding");

      for (const claim of family.findings) {
        const where = `${claim.line}:${claim.column} ${claim.featureId}`;
        const entry = featureById(claim.featureId);
        assert.ok(entry !== undefined, `${where}: not a catalog id`);

        if (claim.detail !== undefined) {
          // A detail the entry does not list is valid: the base entry classifies it.
          assert.equal(claim.detail, claim.detail.toLowerCase(), `${where}: detail must be lower-case`);
        }

        const status = classify(claim.featureId, claim.detail, target).status;
        assert.equal(claim.status, status, `${where}: claimed ${claim.status}, catalog says ${status}`);
      }
    });

    it(`${family.group}: flagged example needs work`, () => {
      const needsWork = family.findings.filter((f) => f.status !== "supported" && f.status !== "ignored");
      assert.ok(needsWork.length > 0, "the flagged example claims nothing that needs work");
      const ownFamily = family.findings.filter((f) => featureById(f.featureId)?.group === family.group);
      assert.ok(ownFamily.length >= 2, "the flagged example should use several features of its family");
    });
  }
});

describe("feature docs examples through infio", () => {
  for (const family of FAMILY_EXAMPLES) {
    it(`${family.group}: flagged example gives the claimed findings`, () => {
      const result = run(family, "flagged");
      const errors = parseErrorLines(result);
      assert.deepEqual(errors, [], `the flagged example does not parse:\n  ${errors.join("\n  ")}`);

      const actual = lines(
        result.findings.map((f) => ({
          featureId: f.featureId,
          ...(f.detail === undefined ? {} : { detail: f.detail }),
          line: f.line,
          column: f.column,
          status: f.status as ClaimedFinding["status"],
        })),
      );
      const claimed = lines(family.findings);
      assert.deepEqual(actual, claimed, listing("findings of the flagged example differ from the page", actual, claimed));
    });

    it(`${family.group}: fine example needs no work`, () => {
      const result = run(family, "fine");
      const errors = parseErrorLines(result);
      assert.deepEqual(errors, [], `the fine example does not parse:\n  ${errors.join("\n  ")}`);

      const needsWork = result.findings
        .filter((f) => f.status !== "supported" && f.status !== "ignored")
        .map((f) => `${f.line}:${f.column} ${f.featureId}${f.detail === undefined ? "" : ` [${f.detail}]`} ${f.status}`);
      assert.deepEqual(needsWork, [], `the fine example has findings that need work:\n  ${needsWork.join("\n  ")}`);
    });
  }
});

describe("feature page rendering", () => {
  it("cell escapes pipes and tags", () => {
    assert.equal(cell("a | b"), "a \\| b");
    assert.equal(cell("n <> 0"), "n &lt;&gt; 0");
    assert.equal(cell("line\nbreak"), "line break");
  });

  it("cell keeps code spans as written", () => {
    assert.equal(cell("use `a <> b` here"), "use `a <> b` here");
  });

  it("Babelfish cell names the release a status dates from", () => {
    const steps = [
      { from: "1.0.0", status: "notSupported" as const },
      { from: "2.4.0", status: "supported" as const },
    ];
    assert.equal(babelfishCell(steps, true), "`supported` since 2.4.0");
    assert.equal(babelfishCell([steps[0]!], true), "`notSupported` in every release");
    assert.equal(babelfishCell([steps[0]!], false), "`notSupported` in every release (unverified)");
  });

  it("slug drops punctuation", () => {
    assert.equal(slugOf("@@variables"), "variables");
    assert.equal(slugOf("SET and database options"), "set-and-database-options");
  });
});
