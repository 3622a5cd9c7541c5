/**
 * A page of an ordered list, read from whichever end of the order is nearer. OFFSET walks the index from its
 * start and steps over every row before the page: a jump to the end of a district's 200,000 requests stepped over
 * 199,900 index entries (10 ms) where walking the order backwards steps over none. The caller orders the page's
 * rows by `order` again afterwards, so they come back in the list's order either way.
 *
 * `order` is a list of plain column terms that ends in a unique key (`r.reported_on DESC, r.id DESC`), so the
 * reversed order is exactly the list backwards; `total` is the list's length under the same filter.
 */
export function nearerEnd(order: string, total: number, offset: number, limit: number): { order: string; offset: number; limit: number } {
  const rowsLeft = total - offset;
  if (rowsLeft <= 0 || offset + limit / 2 <= total / 2) return { order, offset, limit };
  return { order: reversed(order), offset: Math.max(0, rowsLeft - limit), limit: Math.min(limit, rowsLeft) };
}

/** Each term of an ORDER BY the other way round (NULLs too: SQLite puts them first ascending, last descending). */
function reversed(order: string): string {
  return order
    .split(',')
    .map((term) => {
      const t = term.trim();
      if (!/^[\w.]+( (ASC|DESC))?$/i.test(t)) throw new Error(`nearerEnd: a plain column term was expected, not "${t}"`);
      const [column, direction] = t.split(' ');
      return `${column} ${direction?.toUpperCase() === 'DESC' ? 'ASC' : 'DESC'}`;
    })
    .join(', ');
}
