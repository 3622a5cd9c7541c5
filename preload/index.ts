// Runs sandboxed, bundled into one CJS file: it may use only contextBridge and ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../main/api/common/client-shape';
import { channelNames } from '../main/api/contract';

/**
 * One function per contract channel, each returning the envelope as the main process sent it:
 * no raw ipcRenderer, no generic invoke(channel), nothing else on window.
 */
contextBridge.exposeInMainWorld(
  'streetdesk',
  buildApi(channelNames, (channel, input) => ipcRenderer.invoke(channel, input)),
);
