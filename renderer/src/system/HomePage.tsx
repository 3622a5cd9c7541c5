// STUB: replaced by the page's implementation.
export function HomePage() {
  return null;
}
