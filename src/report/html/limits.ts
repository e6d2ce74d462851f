/**
 * Caps that keep the HTML report readable and its size bounded whatever
 * the size of the assessment. Each capped list states how many entries it
 * left out and where the full data is (findings.csv, assessment.json).
 */

export interface HtmlLimits {
  /** Occurrences shown under each feature before "and K more". */
  readonly examplesPerFeature: number;
  /** Occurrences listed per feature, examples included, in its full list. */
  readonly occurrencesPerFeature: number;
  /** Occurrences listed on the whole page. */
  readonly occurrences: number;
  /** Feature blocks on the whole page. */
  readonly features: number;
  /** Source lines rendered in the code view on the whole page. */
  readonly codeLines: number;
  /** Lines shown before and after each line with a finding. */
  readonly contextLines: number;
  /** Characters shown of one source line, cut around the finding. */
  readonly codeLineChars: number;
  /** Findings annotated under one source line. */
  readonly annotationsPerLine: number;
  /** Characters shown of one name, path or message; longer ones are cut. */
  readonly textChars: number;
  /** Rows in each table of objects, files, parse errors and skipped inputs. */
  readonly tableRows: number;
  /** Rows in each table of the effort section: the most costly first. */
  readonly effortRows: number;
  /** Feature groups drawn in the chart; the rest make one "other" bar. */
  readonly chartGroups: number;
  /** Rows listed per inventory part, shared fairly among its databases. */
  readonly inventoryRowsPerPart: number;
  /** Table cells of the whole inventory section, shared fairly among parts. */
  readonly inventoryCells: number;
  /** Columns of one inventory table; further fields are named only. */
  readonly inventoryColumns: number;
  /** Characters shown of one inventory value; longer ones are cut. */
  readonly inventoryValueChars: number;
}

/**
 * Defaults sized so a report of 200,000 findings stays under the bound that
 * the report size test checks (docs/output.md gives it) and opens quickly
 * in a browser.
 */
export const DEFAULT_HTML_LIMITS: HtmlLimits = {
  examplesPerFeature: 5,
  occurrencesPerFeature: 100,
  occurrences: 5_000,
  features: 1_000,
  codeLines: 10_000,
  contextLines: 2,
  codeLineChars: 400,
  annotationsPerLine: 5,
  textChars: 500,
  tableRows: 2_000,
  effortRows: 25,
  chartGroups: 12,
  inventoryRowsPerPart: 500,
  inventoryCells: 50_000,
  inventoryColumns: 40,
  inventoryValueChars: 200,
};
