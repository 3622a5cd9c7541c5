// Runs sandboxed, bundled into one CJS file: it may use only contextBridge and ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../main/api/common/client-shape';
import type { FileIn } from '../main/api/common/files';

/**
 * One function per contract channel, each returning the envelope as the main process sent it, plus the desktop's
 * own save dialog (`desktop.saveFile`, main/electron/save.ts) and printing (`desktop.printFile`, print.ts): no raw
 * ipcRenderer, no generic invoke(channel), nothing else on window. The channel names come from the main process once,
 * before the page runs (CHANNELS_CHANNEL in main/electron/ipc.ts: the contract brings the core's handlers, which the
 * preload may not load). The names must match CHANNELS_CHANNEL, SAVE_FILE_CHANNEL and PRINT_FILE_CHANNEL (the
 * preload may import nothing that pulls in Node).
 */
const channelNames = ipcRenderer.sendSync('desktop:channels') as string[];

contextBridge.exposeInMainWorld('streetdesk', {
  ...buildApi(channelNames, (channel, input, session) => ipcRenderer.invoke(channel, input, session)),
  desktop: {
    saveFile: (file: FileIn) => ipcRenderer.invoke('desktop:saveFile', file),
    printFile: (file: FileIn) => ipcRenderer.invoke('desktop:printFile', file),
  },
});
