// at: renderer/src/leak.ts
// rejects: layers/imports (a specifier that is not a literal cannot be checked)
export const load = (name: string) => import(name);
