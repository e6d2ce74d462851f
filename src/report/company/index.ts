/** The company report: its input, its figures, the suggested waves and its renderers. */

export type { CompanyReportInput } from "./input.js";
export type { ApplicationRow, CompanyReport, WaveRule, WaveSuggestion } from "./model.js";
export { applicationRow, buildCompanyReport, companyReportOf } from "./aggregate.js";
export { suggestWave, WAVE_RULES } from "./waves.js";
export { renderCompanyHtml } from "./html.js";
export { renderCompanyJson } from "./json.js";
