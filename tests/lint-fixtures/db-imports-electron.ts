// at: db/leak.ts
// rejects: layers/imports (only main/electron/ and preload/ reach Electron)
import { app } from 'electron';
export const dataDir = () => app.getPath('userData');
