// STUB: replaced by the page's implementation.
export function MembersPage() {
  return null;
}
