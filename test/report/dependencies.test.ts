/**
 * The dependency graph in the reports: the HTML section with its inline
 * SVG, escaping of hostile names, the bound on the drawing, and the JSON of
 * assessment.json and dependencies.json against the schema.
 */

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";

import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

import { buildDependencyGraph } from "../../src/assessment/dependencies/build.js";
import type { DependencyGraph } from "../../src/assessment/dependencies/model.js";
import type { Assessment } from "../../src/assessment/model.js";
import { MAX_DRAWN_NODES } from "../../src/report/html/dependency-svg.js";
import { renderHtml } from "../../src/report/html/page.js";
import { dependencyJsonParts } from "../../src/report/json-dependencies.js";
import { renderJson } from "../../src/report/json.js";
import { sampleAssessment } from "./sample-assessment.js";
import { repositoryPath } from "./snapshot.js";

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const HOSTILE = `<img src=x onerror="alert(1)">`;

/** Builds a graph whose table name is markup, with a foreign-key cycle and an unresolved call. */
function hostileGraph(): DependencyGraph {
  return buildDependencyGraph([
    {
      file: "a.sql",
      definitions: [
        { type: "table", schema: "dbo", name: HOSTILE },
        { type: "table", schema: "dbo", name: "B" },
        { type: "procedure", schema: "dbo", name: "P" },
      ],
      references: [
        { from: { schema: "dbo", name: HOSTILE }, kind: "foreignKey", schema: "dbo", name: "B", line: 1 },
        { from: { schema: "dbo", name: "B" }, kind: "foreignKey", schema: "dbo", name: HOSTILE, line: 2 },
        { from: { schema: "dbo", name: "P" }, kind: "read", schema: "dbo", name: HOSTILE, line: 3 },
        { from: { schema: "dbo", name: "P" }, kind: "execute", schema: "dbo", name: "Missing", line: 4 },
      ],
    },
  ]);
}

function withGraph(graph: DependencyGraph): Assessment {
  return { ...sampleAssessment(), dependencies: graph };
}

/** Builds a chain of `count` procedures, each calling the next. */
function chainGraph(count: number): DependencyGraph {
  const definitions = Array.from({ length: count }, (_, i) => ({ type: "procedure", schema: "dbo", name: `p${i}` }));
  const references = Array.from({ length: count - 1 }, (_, i) => ({
    from: { schema: "dbo", name: `p${i}` },
    kind: "execute" as const,
    schema: "dbo",
    name: `p${i + 1}`,
    line: 1,
  }));
  return buildDependencyGraph([{ file: "chain.sql", definitions, references }]);
}

function section(html: string): string {
  const start = html.indexOf(`<section id="dependencies">`);
  assert.ok(start >= 0, "the page has no dependencies section");
  return html.slice(start, html.indexOf("</section>", start));
}

describe("dependencies in the HTML report", () => {
  it("draws the graph as inline SVG", () => {
    const html = section(renderHtml(withGraph(hostileGraph())));
    assert.match(html, /<svg class="chart dependency-graph" xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.equal((html.match(/<rect /g) ?? []).length, 4);
    assert.match(html, /stroke="#dc2626"/, "cycle edges are red");
    assert.doesNotMatch(html, /<script/i);
  });

  it("escapes object names", () => {
    const html = section(renderHtml(withGraph(hostileGraph())));
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /&lt;img src=x onerror=&quot;alert\(1\)&quot;&gt;/);
  });

  it("lists unused, cycles, order and names not found", () => {
    const html = section(renderHtml(withGraph(hostileGraph())));
    assert.match(html, /<h3>Not used by the assessed code<\/h3>/);
    assert.match(html, /Callers outside the assessed code/);
    assert.match(html, /<td>dbo\.P<\/td><td>procedure<\/td>/);
    assert.match(html, /ALTER TABLE \.\.\. ADD CONSTRAINT/);
    assert.match(html, /<td>dbo\.Missing<\/td><td>Not found<\/td><td>dbo\.P<\/td>/);
  });

  it("links the section from the navigation", () => {
    assert.match(renderHtml(withGraph(hostileGraph())), /<a href="#dependencies">Dependencies<\/a>/);
    assert.doesNotMatch(renderHtml(sampleAssessment()), /href="#dependencies"/);
  });

  it("bounds the drawing of a large graph", () => {
    const graph = chainGraph(MAX_DRAWN_NODES + 50);
    const html = section(renderHtml(withGraph(graph)));
    assert.ok((html.match(/<rect /g) ?? []).length <= MAX_DRAWN_NODES);
    assert.match(html, /more than the 300 drawn/);
    assert.match(html, /dependencies\.json has the whole graph/);
  });
});

describe("dependencies in JSON", () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(repositoryPath("schema/assessment.schema.json"), "utf8")));

  it("validates against the schema", () => {
    const json = JSON.parse(renderJson(withGraph(hostileGraph()))) as { dependencies: DependencyGraph };
    assert.ok(validate(json), JSON.stringify(validate.errors, null, 2));
    assert.equal(json.dependencies.cycles.length, 1);
  });

  it("rejects a node of an unknown scope", () => {
    const json = JSON.parse(renderJson(withGraph(hostileGraph()))) as { dependencies: { nodes: { scope: string }[] } };
    json.dependencies.nodes[0].scope = "elsewhere";
    assert.equal(validate(json), false);
  });

  it("round-trips the graph", () => {
    const graph = hostileGraph();
    assert.deepEqual(JSON.parse(renderJson(withGraph(graph))).dependencies, JSON.parse(JSON.stringify(graph)));
  });

  it("writes dependencies.json with the assessment id", () => {
    const a = withGraph(hostileGraph());
    const file = JSON.parse([...dependencyJsonParts(a)].join(""));
    assert.equal(file.assessmentId, a.id);
    assert.deepEqual(file.edges, JSON.parse(JSON.stringify(a.dependencies!.edges)));
  });
});
