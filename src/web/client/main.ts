/**
 * The console's only script: mounts each island on the elements the server
 * page marks with `data-island`. An island that cannot start leaves the
 * server-rendered content, which works without script, in place.
 */

import "./islands.css";

import { mountFindingsFilter } from "./findings-filter";
import { mountRunProgress } from "./run-progress";

const ISLANDS: Readonly<Record<string, (element: HTMLElement) => void>> = {
  "run-progress": mountRunProgress,
  "findings-filter": mountFindingsFilter,
};

for (const element of document.querySelectorAll<HTMLElement>("[data-island]")) {
  const name = element.dataset.island ?? "";
  const mount = Object.hasOwn(ISLANDS, name) ? ISLANDS[name] : undefined;

  if (mount === undefined) {
    console.error(`infio: unknown island ${JSON.stringify(name)}; nothing mounted`);
    continue;
  }

  try {
    mount(element);
  } catch (error) {
    console.error(`infio: the ${name} island did not start`, error);
  }
}
