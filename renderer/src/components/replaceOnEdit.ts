import type { FocusEvent, MouseEvent } from 'react';

/**
 * Props for a text field holding a value the form filled in (a meeting's 「2026年12月主题党日」): entering the field
 * selects it all, so typing replaces it instead of appending to it. The click that focuses the field would put the
 * caret where it landed on mouse-up and undo the selection, so that one mouse-up is swallowed (a later click in the
 * focused field places the caret as usual).
 */
export function replaceOnEdit(active: boolean) {
  if (!active) return {};
  return {
    onFocus: (e: FocusEvent<HTMLInputElement>) => e.currentTarget.select(),
    onMouseDown: (e: MouseEvent<HTMLInputElement>) => {
      if (e.currentTarget !== e.currentTarget.ownerDocument.activeElement) e.currentTarget.dataset.focusingClick = '';
    },
    onMouseUp: (e: MouseEvent<HTMLInputElement>) => {
      if (e.currentTarget.dataset.focusingClick === undefined) return;
      delete e.currentTarget.dataset.focusingClick;
      e.preventDefault();
    },
  };
}
