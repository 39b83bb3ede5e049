/**
 * A ref callback that moves the keyboard focus to the element as it appears. Give the element a `key` that
 * changes with what it shows, and it takes focus again each time that changes.
 */
export function focusOnMount(element: HTMLElement | null): void {
  element?.focus();
}
