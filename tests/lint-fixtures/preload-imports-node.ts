// at: preload/leak.ts
// rejects: layers/imports (the sandboxed preload has no Node)
export const cp = () => import('node:child_process');
