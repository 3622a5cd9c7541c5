import fs from 'node:fs';
import { onTestFinished } from 'vitest';
import type { Contract } from '../../main/api/contract';
import type { InputOf, OutputOf } from '../../main/api/common/channel';
import type { Envelope } from '../../main/api/common/errors';
import { startCoreWorker, type CoreWorkerOptions, type HostedCore } from '../../main/core-host/client';
import { sourceEntry } from '../../main/core-host/source-entry';
import { quietLog, tempDir, TEST_NOW } from './helpers';

/** The core in a real worker thread on a real SQLite file, on the tests' clock; closed and removed after the test. */
export async function workerCore(opts: Partial<CoreWorkerOptions> = {}) {
  const dataDir = opts.dataDir ?? tempDir();
  const core = await startCoreWorker({
    dataDir,
    clock: { kind: 'startingAt', iso: TEST_NOW },
    entry: sourceEntry(),
    autoBackup: false,
    encrypt: false,
    log: quietLog,
    quiet: true,
    ...opts,
  });
  onTestFinished(async () => {
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return { core, dataDir, call: caller(core) };
}

/**
 * Calls a channel and returns its data, throwing on an error envelope; once `system.setup` or `system.signIn` has
 * answered, every call carries that session.
 */
export const caller = (core: Pick<HostedCore, 'dispatch'>) => {
  let session: string | undefined;
  return async <K extends keyof Contract>(channel: K, input: InputOf<Contract[K]>): Promise<OutputOf<Contract[K]>> => {
    const env = (await core.dispatch(channel, input, session)) as Envelope<OutputOf<Contract[K]>>;
    if (!env.ok) throw new Error(`${channel}: ${env.error.message}`);
    if (channel === 'system.setup') session = (env.data as OutputOf<Contract['system.setup']>).session.token;
    if (channel === 'system.signIn') session = (env.data as OutputOf<Contract['system.signIn']>).token;
    return env.data;
  };
};
