/**
 * The page layout: a header with the product name, the navigation links
 * the user's role may follow, and the user with role and a sign-out form.
 * The page's main content follows. Styles and scripts come from files served
 * under /assets/, because the Content-Security-Policy allows no inline ones.
 */

import type { SignedInUser } from "../auth/sessions.js";
import { hasPermission, type Permission } from "../auth/roles.js";
import { postForm } from "./forms.js";
import { html, type HtmlValue, type SafeHtml } from "./html.js";

/** The console's style sheet, served by the assets route. */
export const STYLESHEET_URL = "/assets/console.css";

/** A navigation link, from a route declared with `navigation`. */
export interface NavigationLink {
  readonly label: string;
  readonly url: string;
  readonly order: number;
  /** The route's permission, or "public". */
  readonly permission: Permission | "public";
}

/** The parts of the layout that come from the request, not the page. */
export interface PageFrame {
  readonly user: SignedInUser | undefined;
  /** The session's CSRF token, for the sign-out form and scripts. */
  readonly csrfToken: string | undefined;
  /** Every navigation link; the layout shows those the user may follow. */
  readonly navigation: readonly NavigationLink[];
  /** Path of the current request, to mark its link as the current page. */
  readonly currentPath: string;
}

export interface PageOptions {
  /** Page title, shown in the tab and as the heading. */
  readonly title: string;
  readonly main: HtmlValue;
  /** Script files (URLs under /assets/) loaded as modules. */
  readonly scripts?: readonly string[];
}

/** Renders a whole HTML document in the console layout. */
export function renderPage(frame: PageFrame, page: PageOptions): SafeHtml {
  const scripts = (page.scripts ?? []).map((src) => html`<script type="module" src="${src}"></script>`);
  const csrfMeta =
    frame.user === undefined || frame.csrfToken === undefined
      ? ""
      : html`<meta name="csrf-token" content="${frame.csrfToken}">`;

  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${csrfMeta}
<title>${page.title} · infio</title>
<link rel="stylesheet" href="${STYLESHEET_URL}">
${scripts}
</head>
<body>
<header class="top">
<a class="brand" href="/">infio</a>
${renderNavigation(frame)}
${renderAccount(frame)}
</header>
<main id="main">
<h1>${page.title}</h1>
${page.main}
</main>
</body>
</html>
`;
}

/** Returns the links `user` may follow, in navigation order. */
export function visibleLinks(
  links: readonly NavigationLink[],
  user: SignedInUser | undefined,
): NavigationLink[] {
  return links
    .filter((link) =>
      link.permission === "public" ? true : user !== undefined && hasPermission(user.role, link.permission),
    )
    .sort((a, b) => a.order - b.order);
}

function renderNavigation(frame: PageFrame): SafeHtml | string {
  const links = visibleLinks(frame.navigation, frame.user);
  if (frame.user === undefined || links.length === 0) {
    return "";
  }

  const items = links.map((link) => {
    const current = frame.currentPath === link.url || frame.currentPath.startsWith(`${link.url}/`);
    return html`<li><a href="${link.url}"${current ? html` aria-current="page"` : ""}>${link.label}</a></li>`;
  });
  return html`<nav aria-label="Main"><ul>${items}</ul></nav>`;
}

function renderAccount(frame: PageFrame): SafeHtml | string {
  if (frame.user === undefined || frame.csrfToken === undefined) {
    return "";
  }

  const signOut = postForm({
    action: "/sign-out",
    csrfToken: frame.csrfToken,
    className: "sign-out",
    body: html`<button type="submit">Sign out</button>`,
  });
  return html`<div class="account"><span class="user">${frame.user.name}</span>
<span class="role">${frame.user.role}</span>${signOut}</div>`;
}
