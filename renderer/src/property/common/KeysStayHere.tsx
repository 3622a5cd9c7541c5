import type { ReactNode } from 'react';

/**
 * A modal opened from inside a record drawer is portalled out of the drawer in the DOM but not in React, so its
 * keys would bubble to the drawer's own Enter / Ctrl+Enter handling (saving the drawer, moving its focus).
 */
export function KeysStayHere({ children }: { children: ReactNode }) {
  return <div onKeyDown={(e) => e.stopPropagation()}>{children}</div>;
}
