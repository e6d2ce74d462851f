/**
 * The findings-filter island: filters an assessment's findings by status,
 * feature group and search text, and pages through them, fetching each page
 * from the API. Mounted on
 * `<div data-island="findings-filter" data-assessment-id="ID">`, whose
 * server-rendered form and table work without script. The island keeps the
 * page URL in step with its filter, so a reload shows the same findings.
 */

import { render } from "preact";
import { useEffect, useState } from "preact/hooks";

import { readFilterOptions, type FilterOption, type FilterOptions } from "./filter-options";
import { fetchFindingsPage, type FindingsPage } from "./findings-page";
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  queryFromSearch,
  searchWithQuery,
  type FindingsQuery,
} from "./findings-query";
import { FindingsTable, Pager } from "./findings-table";
import { requiredAttribute } from "./page-data";
import { formatCount } from "./text";

// How long typing must pause before the search text is applied.
const SEARCH_DELAY_MS = 300;

/** A page of findings and the query that fetched it. */
interface LoadedPage {
  readonly query: FindingsQuery;
  readonly page: FindingsPage;
}

interface FilterProps {
  readonly assessmentId: string;
  readonly options: FilterOptions;
  readonly pageSize: number;
}

/**
 * Replaces the element's server-rendered form and table with the island.
 * `data-page-size` (optional) sets the findings per page when the URL has
 * no `limit`.
 */
export function mountFindingsFilter(element: HTMLElement): void {
  const assessmentId = requiredAttribute(element, "data-assessment-id");
  const pageSize = pageSizeOf(element.getAttribute("data-page-size"));
  const options = readFilterOptions(element);

  element.replaceChildren();
  render(
    <FindingsFilter assessmentId={assessmentId} options={options} pageSize={pageSize} />,
    element,
  );
}

function pageSizeOf(text: string | null): number {
  const size = Number(text ?? "");
  if (!Number.isInteger(size) || size < 1) {
    return DEFAULT_PAGE_SIZE;
  }

  return Math.min(size, MAX_PAGE_SIZE);
}

function FindingsFilter({ assessmentId, options, pageSize }: FilterProps) {
  const [query, setQuery] = useState(() =>
    queryFromSearch(window.location.search, pageSize),
  );
  const [searchText, setSearchText] = useState(query.q);
  const [result, setResult] = useState<LoadedPage>();
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState<string>();

  // Each query change updates the URL and fetches its page; a newer query
  // aborts the older request, so an older response never replaces it.
  useEffect(() => {
    const url = pageUrl(query, pageSize);
    window.history.replaceState(window.history.state, "", url);

    const controller = new AbortController();
    setLoading(true);

    fetchFindingsPage(assessmentId, query, controller.signal).then(
      (loaded) => {
        if (controller.signal.aborted) {
          return;
        }

        setResult({ query, page: loaded });
        setProblem(undefined);
        setLoading(false);

        // A page past the end (the filter matches fewer findings than the
        // URL's offset) moves to the last page.
        if (loaded.total > 0 && query.offset >= loaded.total) {
          const last = Math.floor((loaded.total - 1) / query.limit) * query.limit;
          setQuery({ ...query, offset: last });
        }
      },
      (error: unknown) => {
        if (controller.signal.aborted) {
          return;
        }

        // The previous page no longer matches the filter the form shows.
        setResult(undefined);
        setProblem(error instanceof Error ? error.message : String(error));
        setLoading(false);
      },
    );

    return () => controller.abort();
  }, [assessmentId, query, pageSize]);

  useEffect(() => {
    if (searchText === query.q) {
      return;
    }

    const timer = window.setTimeout(
      () => setQuery((current) => ({ ...current, q: searchText, offset: 0 })),
      SEARCH_DELAY_MS,
    );
    return () => window.clearTimeout(timer);
  }, [searchText, query.q]);

  const applyFilter = (change: Partial<FindingsQuery>): void => {
    setQuery((current) => ({ ...current, q: searchText, ...change, offset: 0 }));
  };

  const submit = (event: Event): void => {
    event.preventDefault();
    applyFilter({});
  };

  const statusLabels = new Map(options.statuses.map((o) => [o.value, o.label]));

  return (
    <div class="findings-filter">
      <form class="findings-filter-form" role="search" method="get" onSubmit={submit}>
        <FilterSelect
          name="status"
          label="Status"
          allLabel="All statuses"
          choices={options.statuses}
          value={query.status}
          onChange={(status) => applyFilter({ status })}
        />
        <FilterSelect
          name="group"
          label="Feature group"
          allLabel="All groups"
          choices={options.groups}
          value={query.group}
          onChange={(group) => applyFilter({ group })}
        />
        <label>
          Search{" "}
          <input
            type="search"
            name="q"
            value={searchText}
            onInput={(event) => setSearchText(event.currentTarget.value)}
          />
        </label>
        <button type="submit">Filter</button>
      </form>
      <p class="findings-filter-summary" role="status">
        {summaryText(result, loading)}
      </p>
      {problem !== undefined && <p role="alert">{problem}</p>}
      {result !== undefined && result.page.findings.length > 0 && (
        <FindingsTable
          findings={result.page.findings}
          statusLabels={statusLabels}
          busy={loading}
        />
      )}
      {result !== undefined && result.page.total > result.query.limit && (
        <Pager
          offset={result.query.offset}
          limit={result.query.limit}
          total={result.page.total}
          hrefFor={(offset) => pageUrl({ ...result.query, offset }, pageSize)}
          onPage={(offset) => setQuery({ ...result.query, offset })}
        />
      )}
    </div>
  );
}

function FilterSelect({
  name,
  label,
  allLabel,
  choices,
  value,
  onChange,
}: {
  name: string;
  label: string;
  allLabel: string;
  choices: readonly FilterOption[];
  value: string;
  onChange: (value: string) => void;
}) {
  if (choices.length === 0) {
    return null;
  }

  return (
    <label>
      {label}{" "}
      <select
        name={name}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
      >
        <option value="">{allLabel}</option>
        {choices.map((choice) => (
          <option value={choice.value}>{choice.label}</option>
        ))}
      </select>
    </label>
  );
}

/** Returns this page's path with the query in its search part. */
function pageUrl(query: FindingsQuery, pageSize: number): string {
  const { pathname, search, hash } = window.location;
  return pathname + searchWithQuery(search, query, pageSize) + hash;
}

function summaryText(result: LoadedPage | undefined, loading: boolean): string {
  if (result === undefined) {
    return loading ? "Loading findings…" : "";
  }

  const { page, query } = result;

  const updating = loading ? " Updating…" : "";
  if (page.total === 0) {
    return `No findings match this filter.${updating}`;
  }

  const first = Math.min(query.offset + 1, page.total);
  const last = Math.min(query.offset + page.findings.length, page.total);
  return (
    `Showing ${formatCount(first)}–${formatCount(last)} of ` +
    `${formatCount(page.total)} findings.${updating}`
  );
}
