// STUB: replaced by the page's implementation.
export function MeetingModePage() {
  return null;
}
