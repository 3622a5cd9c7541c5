import type { BuildOptions } from 'esbuild';

export function electronBundles(root: string, outDir?: string): Promise<Record<'main' | 'coreWorker' | 'preload', BuildOptions>>;
