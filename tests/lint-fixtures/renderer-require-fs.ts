// at: renderer/src/leak.ts
// rejects: layers/imports (require() is checked like import)
export const fs = require('fs');
