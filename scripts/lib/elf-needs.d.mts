export function versionsNeeded(file: string): string[];
export const LINUX_FLOOR: { GLIBC: string; GLIBCXX: string };
export function newerThanFloor(needed: string[], floor?: { GLIBC: string; GLIBCXX: string }): string[];
