export const CACHE: string;
export const TARGETS: Record<'x64' | 'arm64', string>;
export function builtFile(arch: 'x64' | 'arm64'): string;
export function buildLinuxSqlite(archs?: ('x64' | 'arm64')[]): string[];
