// at: main/electron/allowed.ts
// accepts: Electron, in the one place that may
import { app } from 'electron';
import { createCore } from '../core';
export const parts = { app, createCore };
