// STUB: replaced by the page's implementation.
export function CompliancePage() {
  return null;
}
