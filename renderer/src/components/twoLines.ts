import type { CSSProperties } from 'react';

/** The line height of `twoLines` text, so a box (a table row) can be sized to hold its two lines. */
export const TWO_LINES_LINE_HEIGHT = 18;

/**
 * A name read whole in two lines at most, never cut with an ellipsis: a unit's path (幸福社区 › 第一党支部) in a
 * list cell, a branch's label beside its bar. keep-all breaks a path at its separators rather than inside a name,
 * unless one name alone is wider than the line (overflow-wrap). Whoever uses it gives the box the full text as its
 * title and the room of two lines.
 */
export const twoLines: CSSProperties = {
  display: '-webkit-box',
  WebkitBoxOrient: 'vertical',
  WebkitLineClamp: 2,
  overflow: 'hidden',
  whiteSpace: 'normal',
  wordBreak: 'keep-all',
  overflowWrap: 'anywhere',
  fontSize: 'var(--mantine-font-size-sm)',
  lineHeight: `${TWO_LINES_LINE_HEIGHT}px`,
};
