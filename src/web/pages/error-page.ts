/** The page shown for errors and unknown URLs; it never shows internals. */

import { html, type SafeHtml } from "./html.js";
import { renderPage, type PageFrame } from "./layout.js";

const TITLES: Readonly<Record<number, string>> = {
  400: "Invalid request",
  401: "Sign in needed",
  403: "Not allowed",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  413: "Request too large",
  415: "Unsupported content",
  429: "Too many requests",
  500: "Server error",
  503: "Unavailable",
};

/** Returns the page title for an HTTP status. */
export function errorTitle(status: number): string {
  return TITLES[status] ?? (status >= 500 ? "Server error" : "Request failed");
}

/** Renders an error page; without a frame (no visitor known), a bare one. */
export function renderErrorPage(frame: PageFrame, status: number, message: string): SafeHtml {
  const links = frame.user === undefined ? html`<a href="/sign-in">Sign in</a>` : html`<a href="/">Home</a>`;
  return renderPage(frame, {
    title: errorTitle(status),
    main: html`<p class="notice error">${message}</p><p>${links}</p>`,
  });
}
