import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";

import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

import { buildApplicationReport } from "../../../src/report/application/aggregate.js";
import { renderApplicationJson } from "../../../src/report/application/json.js";
import { buildCompanyReport } from "../../../src/report/company/aggregate.js";
import { renderCompanyJson } from "../../../src/report/company/json.js";
import { repositoryPath } from "../snapshot.js";
import { sampleCompany } from "../company/sample-company.js";
import { sampleApplication } from "./sample-application.js";

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats =
  addFormatsModule as unknown as typeof addFormatsModule.default;

function validator(file: string) {
  const schema = JSON.parse(readFileSync(repositoryPath(`schema/${file}`), "utf8"));
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  return (value: unknown) => {
    const ok = validate(value);
    return { ok, errors: JSON.stringify(validate.errors, null, 2) };
  };
}

const validateApplication = validator("application-report.schema.json");
const validateCompany = validator("company-report.schema.json");

describe("application report JSON", () => {
  it("validates against its schema", () => {
    const json = JSON.parse(renderApplicationJson(buildApplicationReport(sampleApplication())));
    const result = validateApplication(json);
    assert.ok(result.ok, result.errors);
  });

  it("carries the figures of the report", () => {
    const report = buildApplicationReport(sampleApplication());
    const json = JSON.parse(renderApplicationJson(report));
    assert.equal(json.report, "application");
    assert.equal(json.formatVersion, 1);
    assert.deepEqual(json.figures.compatibility.shares.all, {
      supported: 45.5,
      conditionallySupported: 18.2,
      notSupported: 36.4,
      unknown: 9.1,
    });
    assert.deepEqual(json.effort.total, { low: 26.35, high: 60.5 });
    assert.equal(json.servers[0].assessed, false);
    assert.equal(json.servers[0].figures, undefined);
  });

  it("validates an application without servers", () => {
    const json = JSON.parse(
      renderApplicationJson(buildApplicationReport(sampleApplication({ servers: [] }))),
    );
    const result = validateApplication(json);
    assert.ok(result.ok, result.errors);
  });

  it("rejects a field the schema lacks", () => {
    const json = JSON.parse(renderApplicationJson(buildApplicationReport(sampleApplication())));
    json.figures.extra = 1;
    assert.equal(validateApplication(json).ok, false);
  });
});

describe("company report JSON", () => {
  it("validates against its schema", () => {
    const json = JSON.parse(renderCompanyJson(buildCompanyReport(sampleCompany())));
    const result = validateCompany(json);
    assert.ok(result.ok, result.errors);
  });

  it("keeps the wave order and rules", () => {
    const json = JSON.parse(renderCompanyJson(buildCompanyReport(sampleCompany())));
    assert.deepEqual(
      json.applications.map((a: { wave: { wave: number | null; rule: string } }) => [
        a.wave.wave,
        a.wave.rule,
      ]),
      [
        [1, "noBlockers"],
        [2, "blockersInChangeableCode"],
        [2, "blockersInChangeableCode"],
        [3, "changeabilityUnknown"],
        [3, "blockersInUnchangeableCode"],
        [null, "notAssessed"],
      ],
    );
  });

  it("rejects an unknown wave rule", () => {
    const json = JSON.parse(renderCompanyJson(buildCompanyReport(sampleCompany())));
    json.applications[0].wave.rule = "soon";
    assert.equal(validateCompany(json).ok, false);
  });
});
