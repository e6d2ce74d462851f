/**
 * The status and group choices of the findings filter, read from the
 * server-rendered form inside the island's element: `<select name="status">`
 * and `<select name="group">`, whose options with an empty value mean "all".
 */

export interface FilterOption {
  readonly value: string;
  readonly label: string;
}

export interface FilterOptions {
  readonly statuses: readonly FilterOption[];
  readonly groups: readonly FilterOption[];
}

/**
 * Reads the choices before the island replaces the element's content. A
 * select that the page does not render gives no choices, and the island
 * then leaves that filter out of its form.
 */
export function readFilterOptions(element: HTMLElement): FilterOptions {
  return {
    statuses: selectOptions(element, "status"),
    groups: selectOptions(element, "group"),
  };
}

function selectOptions(element: HTMLElement, name: string): FilterOption[] {
  const select = element.querySelector(`select[name="${name}"]`);
  if (!(select instanceof HTMLSelectElement)) {
    return [];
  }

  return [...select.options]
    .filter((option) => option.value !== "")
    .map((option) => ({
      value: option.value,
      label: option.text.trim() === "" ? option.value : option.text.trim(),
    }));
}
