// STUB: replaced by the page's implementation.
export function MeetingsPage() {
  return null;
}
