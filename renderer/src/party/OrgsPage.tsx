// STUB: replaced by the page's implementation.
export function OrgsPage() {
  return null;
}
