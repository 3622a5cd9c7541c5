// STUB: replaced by the page's implementation.
export function SettingsPage() {
  return null;
}
