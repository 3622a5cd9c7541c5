// at: main/core-leak.ts
// rejects: layers/imports (import() is checked like import)
export const electron = () => import('electron');
