/**
 * Previous and next links over a list shown a page at a time. They are
 * plain links with the page's offset in the URL, so they work without
 * script, open in a new tab and can be shared.
 */

import { formatCount } from "../../report/text.js";
import { html, type SafeHtml } from "./html.js";

export interface PagerOptions {
  /** Index of the first item shown, from 0. */
  readonly offset: number;
  readonly limit: number;
  readonly total: number;
  /** Accessible name of the navigation, such as "Pages of findings". */
  readonly label: string;
  /** Returns the URL that shows the page starting at `offset`. */
  readonly hrefFor: (offset: number) => string;
}

/** Renders the pager, or nothing when every item fits on one page. */
export function pager(options: PagerOptions): SafeHtml | string {
  const { offset, limit, total } = options;
  if (total <= limit && offset === 0) {
    return "";
  }

  const pages = Math.max(1, Math.ceil(total / limit));
  const page = Math.min(pages, Math.floor(offset / limit) + 1);
  const previous = offset > 0 ? Math.max(0, Math.min(offset - limit, lastOffset(total, limit))) : undefined;
  const next = offset + limit < total ? offset + limit : undefined;

  return html`<nav class="findings-pager" aria-label="${options.label}">
${link("Previous", previous, options, "prev")}
<span>Page ${formatCount(page)} of ${formatCount(pages)}</span>
${link("Next", next, options, "next")}
</nav>`;
}

/** Returns the offset of the last page of `total` items. */
export function lastOffset(total: number, limit: number): number {
  return total === 0 ? 0 : Math.floor((total - 1) / limit) * limit;
}

function link(label: string, offset: number | undefined, options: PagerOptions, rel: string): SafeHtml {
  if (offset === undefined) {
    return html`<span aria-disabled="true">${label}</span>`;
  }
  return html`<a href="${options.hrefFor(offset)}" rel="${rel}">${label}</a>`;
}
