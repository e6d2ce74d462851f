/**
 * The console's style sheet, served as /assets/console.css. It is a file
 * of its own, not inline, because the Content-Security-Policy allows
 * styles from the console's own URLs only.
 */
export const CONSOLE_CSS = `
:root {
  --ink: #1d2330;
  --muted: #5b6475;
  --line: #d7dbe3;
  --paper: #ffffff;
  --band: #f3f5f8;
  --accent: #1f5fbf;
  --danger: #a52a2a;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--ink);
  background: var(--paper);
}
body { margin: 0; line-height: 1.45; }
a { color: var(--accent); }
header.top {
  display: flex; flex-wrap: wrap; align-items: center; gap: 1rem;
  padding: 0.5rem 1.5rem; background: var(--band); border-bottom: 1px solid var(--line);
}
header.top .brand { font-weight: 700; text-decoration: none; color: var(--ink); }
header.top nav ul { display: flex; gap: 1rem; list-style: none; margin: 0; padding: 0; }
header.top nav a[aria-current="page"] { font-weight: 700; text-decoration: none; color: var(--ink); }
header.top .account { margin-left: auto; display: flex; align-items: center; gap: 0.5rem; }
header.top .role {
  font-size: 0.8rem; color: var(--muted); border: 1px solid var(--line);
  border-radius: 0.75rem; padding: 0 0.5rem;
}
form.sign-out { display: inline; margin: 0; }
main { padding: 1rem 1.5rem 3rem; max-width: 80rem; }
h1 { font-size: 1.5rem; margin: 0.5rem 0 1rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 0.3rem 0.6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--band); }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
.field { display: flex; flex-direction: column; gap: 0.2rem; max-width: 24rem; }
.field input, .field select { font: inherit; padding: 0.35rem 0.5rem; border: 1px solid var(--line); border-radius: 0.25rem; }
button { font: inherit; padding: 0.35rem 0.9rem; border: 1px solid var(--accent); border-radius: 0.25rem; background: var(--accent); color: #fff; cursor: pointer; }
button.secondary { background: var(--paper); color: var(--accent); }
button.danger { background: var(--danger); border-color: var(--danger); }
.notice { padding: 0.5rem 0.75rem; border-radius: 0.25rem; background: var(--band); border-left: 4px solid var(--accent); }
.notice.error { border-left-color: var(--danger); }
.sign-in { max-width: 24rem; margin: 3rem auto; }
.muted { color: var(--muted); }
code, pre { font-family: ui-monospace, "Cascadia Mono", Consolas, monospace; }
`;
