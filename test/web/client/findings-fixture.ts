/**
 * Findings served by the fake console, and the filter its API applies. The
 * filter is the API's side of the contract: status and group match
 * exactly, and `q` matches part of the feature id, file, object or message,
 * ignoring case.
 */

export interface FakeFinding {
  readonly featureId: string;
  readonly status: string;
  readonly group: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly object: string;
  readonly message: string;
  readonly href: string;
}

export const FINDING_STATUS_LABELS: Readonly<Record<string, string>> = {
  notSupported: "Not supported",
  reviewManually: "Review manually",
  reviewSemantics: "Review semantics",
  supported: "Supported",
};

export const FINDING_GROUPS: readonly string[] = [
  "Built-in functions",
  "Cursors",
  "Data definition",
];

/** Markup that runs script if a page ever renders it as HTML. */
export const HOSTILE_MARKUP = "<img src=x onerror=alert(1)>";

/**
 * Returns `count` findings. Statuses cycle through the four above and
 * groups through the three, so each status and group pair contains
 * `count / 12` findings when `count` is a multiple of 12.
 */
export function sampleFindings(count: number, assessmentId: string): FakeFinding[] {
  const statuses = Object.keys(FINDING_STATUS_LABELS);

  return Array.from({ length: count }, (_, i) => {
    const file = `scripts/proc_${i % 7}.sql`;
    const line = 10 + i;
    return {
      featureId: `feature.sample.n${i}`,
      status: statuses[i % statuses.length]!,
      group: FINDING_GROUPS[i % FINDING_GROUPS.length]!,
      file,
      line,
      column: 1 + (i % 5),
      object: `dbo.usp_${i}`,
      message: `Sample finding ${i}`,
      href: sourceHref(assessmentId, file, line),
    };
  });
}

/** Returns the link to a finding's source line. */
export function sourceHref(assessmentId: string, file: string, line: number): string {
  return (
    `/assessments/${encodeURIComponent(assessmentId)}/source` +
    `?file=${encodeURIComponent(file)}#L${line}`
  );
}

/** Returns the findings that match the status, group and q parameters. */
export function filterFindings(
  findings: readonly FakeFinding[],
  params: URLSearchParams,
): FakeFinding[] {
  const status = params.get("status") ?? "";
  const group = params.get("group") ?? "";
  const text = (params.get("q") ?? "").toLowerCase();

  return findings.filter((finding) => {
    if (status !== "" && finding.status !== status) {
      return false;
    }

    if (group !== "" && finding.group !== group) {
      return false;
    }

    const searched = [finding.featureId, finding.file, finding.object, finding.message];
    return text === "" || searched.some((value) => value.toLowerCase().includes(text));
  });
}
