import type { ApiFile } from '../../../main/api/submission/contract';

/**
 * Files through the browser: an export arrives as base64 with its name and is saved by a temporary download
 * link (the Electron shell can later offer a save dialog from the same bytes and name); a package is read
 * from a file input as base64 for the API's JSON body.
 */
export function download(file: ApiFile): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the bytes are let go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('读取文件失败'));
    reader.readAsDataURL(file);
  });
}

/** The months a clerk reports on: this one and the two years before it, newest first. */
export function recentMonths(today: string, count = 24): { value: string; label: string }[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    return { value: d.toISOString().slice(0, 7), label: `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月` };
  });
}

export const shortHash = (sha256: string): string => `${sha256.slice(0, 12)}…`;

/** A job id for progress reports: random enough that two tabs never share one. */
export const newJobId = (): string => `job-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
