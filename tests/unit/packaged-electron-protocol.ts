// What the strict fake `electron` (packaged-electron.ts, in the child process) and the test (packaged-shell.ts) say
// to each other: requests as JSON lines on the child's stdin, reports as prefixed JSON lines on its stdout.
export const REPORT_PREFIX = '@fake-electron ';

export type Report =
  | { kind: 'unfaked'; member: string }
  | { kind: 'window'; options: Record<string, unknown> }
  | { kind: 'load'; url: string }
  | { kind: 'show' }
  | { kind: 'dialog'; title: string; message: string }
  | { kind: 'openPath'; path: string }
  | { kind: 'reply'; id: number; result?: unknown; error?: string };

export type Request =
  | { kind: 'invoke'; id: number; channel: string; args: unknown[] }
  | { kind: 'emit'; event: string }
  | { kind: 'quit' };
