import { createCore } from '../../main/core';

/** A second StreetDesk process for folder-lock.test.ts: opens the folder, says so, and runs until it is killed. */
const core = await createCore({ dataDir: process.argv[2]!, autoBackup: false, log: { info: () => undefined, error: () => undefined } });
process.stdout.write('ready\n');
setInterval(() => core.services.dataDir, 60_000);
