// at: main/web/leak.ts
// rejects: layers/imports (outside main/electron/, the core never imports Electron)
import { BrowserWindow } from 'electron';
export const win = () => new BrowserWindow();
