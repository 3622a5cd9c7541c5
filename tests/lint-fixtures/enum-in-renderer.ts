// at: renderer/src/leak.ts
// rejects: no-restricted-syntax (object constants, not enums, in every file group)
export enum Level { Branch, Group }
