// at: preload/allowed.ts
// accepts: electron's renderer side and the shared client shape
import { contextBridge } from 'electron';
import { buildApi } from '../main/api/common/client-shape';
export const parts = { contextBridge, buildApi };
