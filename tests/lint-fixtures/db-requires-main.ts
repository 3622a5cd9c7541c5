// at: db/leak.ts
// rejects: layers/imports (require() is checked like import)
export const log = require('../main/log');
