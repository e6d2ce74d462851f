/**
 * The application and company reports in HTML, PDF and JSON, and the
 * server features export of a live server's assessment in CSV and JSON.
 * All need `assessments.read`, and each is recorded in the audit log as a
 * read of assessment data.
 */

import type { Assessment } from "../../assessment/model.js";
import { buildApplicationReport, renderApplicationHtml, renderApplicationJson } from "../../report/application/index.js";
import { buildCompanyReport, renderCompanyHtml, renderCompanyJson } from "../../report/company/index.js";
import { renderServerFeaturesCsv, renderServerFeaturesJson, serverFeatures } from "../../report/server-features/index.js";
import { applicationReportInput, companyReportInput, type AssessmentLoader } from "../applications/report-input.js";
import {
  sendCsvDownload,
  sendJsonDownload,
  sendReportHtml,
  sendReportPdf,
} from "../applications/report-pages.js";
import { HttpError } from "../server/http-error.js";
import { loadApplication, loadCompany, modelOf } from "./application-access.js";
import { auditedConsoleRead, authorizeCompleteAssessment, loadAssessment } from "./assessment-access.js";
import { declareRoute, type RouteContext, type RouteModule } from "./registry.js";

type ReportFormat = "html" | "pdf" | "json";

const FORMATS: readonly { readonly suffix: string; readonly format: ReportFormat }[] = [
  { suffix: "", format: "html" },
  { suffix: ".pdf", format: "pdf" },
  { suffix: ".json", format: "json" },
];

export const APPLICATION_REPORT_ROUTES: RouteModule = {
  name: "application reports",
  routes: [
    ...FORMATS.map(({ suffix, format }) =>
      declareRoute({
        method: "GET",
        url: `/applications/:key/report${suffix}`,
        permission: "assessments.read",
        handler: (context) => applicationReport(context, format),
      }),
    ),
    ...FORMATS.map(({ suffix, format }) =>
      declareRoute({
        method: "GET",
        url: `/companies/:key/report${suffix}`,
        permission: "assessments.read",
        handler: (context) => companyReport(context, format),
      }),
    ),
    declareRoute({
      method: "GET",
      url: "/assessments/:id/server-features.csv",
      permission: "assessments.read",
      handler: (context) => serverFeaturesExport(context, "csv"),
    }),
    declareRoute({
      method: "GET",
      url: "/assessments/:id/server-features.json",
      permission: "assessments.read",
      handler: (context) => serverFeaturesExport(context, "json"),
    }),
  ],
};

function loaderOf(context: RouteContext): AssessmentLoader {
  return async (id) => (await context.services.assessments.getAssessment(id))?.assessment;
}

async function applicationReport(context: RouteContext, format: ReportFormat): Promise<unknown> {
  const application = await loadApplication(context);
  const report = await auditedConsoleRead(
    context,
    { application: application.name },
    { view: "application-report", format },
    async () => {
      const input = await applicationReportInput(modelOf(context), application, loaderOf(context), context.services.now());
      return buildApplicationReport(input);
    },
  );

  const fileName = `infio-application-${application.key}`;
  switch (format) {
    case "html":
      return sendReportHtml(context.reply, renderApplicationHtml(report));
    case "pdf":
      return sendReportPdf(context.reply, renderApplicationHtml(report), `${fileName}.pdf`, context.services.log);
    case "json":
      return sendJsonDownload(context.reply, renderApplicationJson(report), `${fileName}.json`);
  }
}

async function companyReport(context: RouteContext, format: ReportFormat): Promise<unknown> {
  const company = await loadCompany(context);
  const report = await auditedConsoleRead(context, { company: company.name }, { view: "company-report", format }, async () => {
    const input = await companyReportInput(modelOf(context), company, loaderOf(context), context.services.now());
    return buildCompanyReport(input);
  });

  const fileName = `infio-company-${company.key}`;
  switch (format) {
    case "html":
      return sendReportHtml(context.reply, renderCompanyHtml(report));
    case "pdf":
      return sendReportPdf(context.reply, renderCompanyHtml(report), `${fileName}.pdf`, context.services.log);
    case "json":
      return sendJsonDownload(context.reply, renderCompanyJson(report), `${fileName}.json`);
  }
}

async function serverFeaturesExport(context: RouteContext, format: "csv" | "json"): Promise<unknown> {
  const id = (context.request.params as { id: string }).id;
  await authorizeCompleteAssessment(context, id);
  const assessment: Assessment = await auditedConsoleRead(
    context,
    { assessment: id },
    { view: "server-features", format },
    async () => (await loadAssessment(context, id)).assessment,
  );
  if (assessment.live === undefined) {
    throw new HttpError(
      422,
      `Assessment ${id} assessed scripts, so it has no server inventory: server features come from assessments of a live server.`,
    );
  }

  const sets = [serverFeatures(assessment.live, assessment.id)];
  const fileName = `infio-server-features-${id}.${format}`;
  return format === "csv"
    ? sendCsvDownload(context.reply, renderServerFeaturesCsv(sets), fileName)
    : sendJsonDownload(context.reply, renderServerFeaturesJson(sets), fileName);
}
