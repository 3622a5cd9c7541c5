// at: preload/leak.ts
// rejects: layers/imports (the channel names come from the main process, not the core's merged contract)
import { channelNames } from '../main/api/contract';
export const names = channelNames;
