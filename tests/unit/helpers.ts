import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { Contract } from '../../main/api/contract';
import type { InputOf, OutputOf } from '../../main/api/common/channel';
import type { Envelope } from '../../main/api/common/errors';
import { createCore, type Core } from '../../main/core';
import type { Logger } from '../../main/log';

const open: { core: Core; dir: string }[] = [];

afterEach(() => {
  for (const { core, dir } of open.splice(0)) {
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

export const tempDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'streetdesk-test-'));

export const quietLog: Logger & { errors: string[] } = {
  errors: [],
  info: () => undefined,
  error(message) {
    this.errors.push(message);
  },
};

/** A core on a real SQLite file in a fresh temporary folder, closed and removed after the test. */
export async function testCore(opts: { setUp?: 'street' | 'community' | false; dataDir?: string } = {}) {
  const dir = opts.dataDir ?? tempDir();
  const core = await createCore({ dataDir: dir, log: quietLog, autoBackup: false });
  open.push({ core, dir });
  const call = async <K extends keyof Contract>(channel: K, input: InputOf<Contract[K]>): Promise<OutputOf<Contract[K]>> => {
    const env = (await core.dispatch(channel, input)) as Envelope<OutputOf<Contract[K]>>;
    if (!env.ok) throw Object.assign(new Error(`${channel}: ${env.error.message} ${JSON.stringify(env.error.fields ?? [])}`), { body: env.error });
    return env.data;
  };
  const attempt = (channel: keyof Contract, input: unknown) => core.dispatch(channel, input);
  const setUp = opts.setUp ?? 'street';
  if (setUp) {
    await call('system.setup', {
      unitLevel: setUp,
      unitName: setUp === 'street' ? '西里街道' : '西里社区',
      unitCode: '130104001',
      operator: '王芳',
    });
  }
  return { core, dir, call, attempt };
}
