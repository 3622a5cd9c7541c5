// STUB: replaced by the page's implementation.
export function PartyDashboardPage() {
  return null;
}
