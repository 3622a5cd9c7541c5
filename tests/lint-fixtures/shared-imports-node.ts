// at: main/api/common/leak.ts
// rejects: layers/imports (main/api/common/ runs in the renderer too)
import path from 'node:path';
export const join = path.join;
