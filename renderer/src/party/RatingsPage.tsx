// STUB: replaced by the page's implementation.
export function RatingsPage() {
  return null;
}
