/**
 * The findings table and its pager, rendered from one page of the API's
 * response. All values are rendered as text.
 */

import type { FindingRow } from "./findings-page";
import { sameOriginHref } from "./page-data";
import { formatCount, visibleText } from "./text";

export function FindingsTable({
  findings,
  statusLabels,
  busy,
}: {
  findings: readonly FindingRow[];
  statusLabels: ReadonlyMap<string, string>;
  busy: boolean;
}) {
  return (
    <table class="findings-table" aria-busy={busy ? "true" : "false"}>
      <thead>
        <tr>
          <th scope="col">Status</th>
          <th scope="col">Feature</th>
          <th scope="col">Group</th>
          <th scope="col">Location</th>
          <th scope="col">Object</th>
          <th scope="col">Message</th>
        </tr>
      </thead>
      <tbody>
        {findings.map((finding) => (
          <FindingRowView finding={finding} statusLabels={statusLabels} />
        ))}
      </tbody>
    </table>
  );
}

function FindingRowView({
  finding,
  statusLabels,
}: {
  finding: FindingRow;
  statusLabels: ReadonlyMap<string, string>;
}) {
  const location = visibleText(
    `${finding.file}:${finding.line}:${finding.column}`,
  );
  const href = sameOriginHref(finding.href);

  return (
    <tr>
      <td>{visibleText(statusLabels.get(finding.status) ?? finding.status)}</td>
      <td>
        <code>{visibleText(finding.featureId)}</code>
      </td>
      <td>{visibleText(finding.group)}</td>
      <td>{href === undefined ? location : <a href={href}>{location}</a>}</td>
      <td>{visibleText(finding.object)}</td>
      <td>{visibleText(finding.message)}</td>
    </tr>
  );
}

/**
 * Previous and next links of the pager. They are real links to the same
 * page with another offset, so they also open in a new tab. A plain click
 * calls `onPage` instead of loading the page again.
 */
export function Pager({
  offset,
  limit,
  total,
  hrefFor,
  onPage,
}: {
  offset: number;
  limit: number;
  total: number;
  hrefFor: (offset: number) => string;
  onPage: (offset: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = Math.min(pages, Math.floor(offset / limit) + 1);
  const previous = offset > 0 ? Math.max(0, offset - limit) : undefined;
  const next = offset + limit < total ? offset + limit : undefined;

  return (
    <nav class="findings-pager" aria-label="Pages of findings">
      <PageLink label="Previous" offset={previous} hrefFor={hrefFor} onPage={onPage} />
      <span>
        Page {formatCount(page)} of {formatCount(pages)}
      </span>
      <PageLink label="Next" offset={next} hrefFor={hrefFor} onPage={onPage} />
    </nav>
  );
}

function PageLink({
  label,
  offset,
  hrefFor,
  onPage,
}: {
  label: string;
  offset: number | undefined;
  hrefFor: (offset: number) => string;
  onPage: (offset: number) => void;
}) {
  if (offset === undefined) {
    return <span aria-disabled="true">{label}</span>;
  }

  const follow = (event: MouseEvent): void => {
    // Let the browser handle clicks that open a new tab or window.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }

    event.preventDefault();
    onPage(offset);
  };

  return (
    <a href={hrefFor(offset)} onClick={follow}>
      {label}
    </a>
  );
}
