/**
 * Values the islands read from the server-rendered page: the CSRF token,
 * required data attributes, and links they may follow.
 */

/**
 * Returns the CSRF token of `<meta name="csrf-token" content="...">`, or
 * undefined when the page has none (a page for signed-out visitors).
 */
export function csrfToken(): string | undefined {
  const meta = document.querySelector('meta[name="csrf-token"]');
  const token = meta?.getAttribute("content") ?? "";
  return token === "" ? undefined : token;
}

/**
 * Returns an attribute of an island's element, or throws when it is missing
 * or empty, so the island leaves the server's markup in place.
 */
export function requiredAttribute(element: HTMLElement, name: string): string {
  const value = element.getAttribute(name) ?? "";
  if (value === "") {
    throw new Error(
      `the ${element.dataset.island} island has no ${name} attribute; ` +
        "the server page must render it",
    );
  }

  return value;
}

/**
 * Returns `href` resolved against the page when it stays on this origin
 * over http or https, or undefined otherwise. Links in API data go through
 * this, so a `javascript:` or foreign URL in the data never becomes a link.
 */
export function sameOriginHref(href: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href, window.location.href);
  } catch {
    return undefined;
  }

  const webScheme = url.protocol === "https:" || url.protocol === "http:";
  if (!webScheme || url.origin !== window.location.origin) {
    return undefined;
  }

  return url.pathname + url.search + url.hash;
}
