import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * A throwaway PostgreSQL server for a test: a cluster made with initdb in a temp folder of its own, listening on
 * a Unix socket in that folder only (no TCP port to collide with), stopped and deleted after. The binaries come
 * from STREETDESK_PG_BIN, else Debian's /usr/lib/postgresql/<version>/bin (`apt-get install postgresql`, as .ci/run
 * does), else PATH. As root (CI containers) the server runs as the `postgres` user, since PostgreSQL refuses root.
 */

function findBin(): string | null {
  const candidates = [process.env.STREETDESK_PG_BIN];
  const debian = '/usr/lib/postgresql';
  if (fs.existsSync(debian)) {
    candidates.push(...fs.readdirSync(debian).sort((a, b) => Number(b) - Number(a)).map((v) => path.join(debian, v, 'bin')));
  }
  for (const dir of candidates) if (dir && fs.existsSync(path.join(dir, 'initdb'))) return dir;
  try {
    return path.dirname(execFileSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).trim()) || null;
  } catch {
    return null;
  }
}

const bin = findBin();

/** Why there is no server to test against, or null when there is one. */
export const noPostgres: string | null = bin ? null : '找不到 PostgreSQL（initdb）：Debian 上 apt-get install postgresql，或用 STREETDESK_PG_BIN 指定其 bin 目录';

const isRoot = process.getuid?.() === 0;
const RUN_AS = 'postgres';

function run(tool: string, args: string[]): void {
  const file = path.join(bin!, tool);
  if (isRoot) execFileSync('runuser', ['-u', RUN_AS, '--', file, ...args], { stdio: 'pipe' });
  else execFileSync(file, args, { stdio: 'pipe' });
}

export interface TestPostgres {
  /** A connection string for the cluster's `postgres` database, as `npm run warehouse -- --pg` takes it. */
  url: string;
  connect(): Promise<pg.Client>;
  stop(): void;
}

export function startPostgres(): TestPostgres {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'streetdesk-pg-'));
  if (isRoot) execFileSync('chown', [RUN_AS, dir]);
  const data = path.join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'streetdesk', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  run('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-o', `-c listen_addresses= -k ${dir} -c fsync=off`, 'start']);
  const url = `postgres://streetdesk@/postgres?host=${encodeURIComponent(dir)}`;
  const clients: pg.Client[] = [];
  return {
    url,
    async connect() {
      const client = new pg.Client({ host: dir, user: 'streetdesk', database: 'postgres' });
      await client.connect();
      clients.push(client);
      return client;
    },
    stop() {
      for (const c of clients) void c.end();
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
