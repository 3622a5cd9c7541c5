// at: preload/allowed.ts
// accepts: electron's renderer side and the contract's channel names
import { contextBridge } from 'electron';
import { buildApi } from '../main/api/common/client-shape';
import { channelNames } from '../main/api/contract';
export const parts = { contextBridge, buildApi, channelNames };
