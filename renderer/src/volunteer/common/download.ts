/**
 * Hands a generated file (a PDF from the core, as base64) to the user: the browser's download in both
 * transports — Electron's window lets the page save it like any browser would.
 */
export function saveFile(fileName: string, contentBase64: string, mime = 'application/pdf'): void {
  const bytes = Uint8Array.from(atob(contentBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
