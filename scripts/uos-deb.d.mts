export function uosVersion(version: string, build?: number): string;
export function builderSettings(projectDir?: string): { appId: string; executableName: string; maintainer: string; depends: string[] };
export function buildUosDeb(opts: { unpacked: string; arch: 'x64' | 'arm64'; outDir: string; build?: number; projectDir?: string }): string;
