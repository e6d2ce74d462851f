/**
 * A company with one application for each wave rule, built from the
 * application sample's helpers.
 */

import type { Answer, ApplicationReportInput } from "../../../src/report/application/input.js";
import type { CompanyReportInput } from "../../../src/report/company/input.js";
import {
  TARGET,
  assessment,
  featureEffort,
  finding,
  object,
  sampleApplication,
  unit,
} from "../application/sample-application.js";

const MEDIUM = { low: 0.25, high: 1 };

function application(
  name: string,
  codeMayBeChanged: Answer | undefined,
  servers: ApplicationReportInput["servers"],
): ApplicationReportInput {
  return sampleApplication({
    applicationName: name,
    questionnaire:
      codeMayBeChanged === undefined
        ? []
        : [
            {
              id: "thirdPartyProduct",
              question: "Is it a third-party or commercial product?",
              answer: codeMayBeChanged === "no" ? "yes" : "no",
            },
            { id: "codeMayBeChanged", question: "May its code be changed?", answer: codeMayBeChanged },
          ],
    servers,
  });
}

/** Builds a script folder with one procedure and `scrolls` not-supported findings. */
function blockedScripts(id: string, scrolls: number) {
  const findings = Array.from({ length: scrolls }, () =>
    finding("cursor.option.scroll", "notSupported", "p.sql", "dbo.p"),
  );
  return assessment(
    id,
    "/src",
    [unit("p.sql", 20)],
    [object("p.sql", "dbo.p", "procedure")],
    findings,
    [featureEffort("cursor.option.scroll", undefined, "medium", scrolls, "feature", { low: 4, high: 8 }, MEDIUM)],
  );
}

/** Cold chain (the application sample) plus one application per other rule. */
export function sampleCompany(): CompanyReportInput {
  const ledger = assessment(
    "a-ledger",
    "LEDGER01",
    [unit("Ledger.dbo.Entry", 30), unit("Ledger.dbo.usp_post", 25)],
    [
      object("Ledger.dbo.Entry", "dbo.Entry", "table"),
      object("Ledger.dbo.usp_post", "dbo.usp_post", "procedure"),
    ],
    [finding("select.top", "supported", "Ledger.dbo.usp_post", "dbo.usp_post")],
    [],
    ["Ledger"],
  );

  const payroll = assessment(
    "a-payroll",
    "/src/payroll",
    [unit("t.sql", 10)],
    [object("t.sql", "dbo.t", "table")],
    [finding("ddl.table.mystery", "unknown", "t.sql", "dbo.t")],
    [featureEffort("ddl.table.mystery", undefined, "medium", 1, "feature", { low: 4, high: 8 }, MEDIUM)],
  );

  return {
    companyName: "Kestrel Logistics",
    generatedAt: "2026-12-01T10:00:00.000Z",
    target: TARGET,
    applications: [
      application("Intranet", "yes", [
        { name: "INTRA01", environment: "production", source: "live", problem: "Login failed." },
      ]),
      application("Vendor CRM", "no", [
        {
          name: "CRM01",
          environment: "production",
          source: "scripts",
          assessment: blockedScripts("a-crm", 2),
        },
      ]),
      sampleApplication(),
      application("Payroll", undefined, [
        { name: "PAY01", environment: "production", source: "scripts", assessment: payroll },
      ]),
      application("Shipping", "yes", [
        {
          name: "SHIP01",
          environment: "non-production",
          source: "scripts",
          assessment: blockedScripts("a-ship", 1),
        },
      ]),
      application("Ledger", "yes", [
        { name: "LEDGER01", environment: "production", source: "live", assessment: ledger },
      ]),
    ],
  };
}
