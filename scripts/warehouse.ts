/**
 * `npm run warehouse -- [--pg postgres://…] [--schema streetdesk] [--region CODE] [--accept-key-change CODE]… <files or folders…>`
 *
 * Loads StreetDesk data packages (.sdpkg) into a PostgreSQL database a city's own database team runs and queries
 * (docs/warehouse.md): the tables are created or extended from the package format's JSON Schema, each package
 * is checked as a street checks it and loaded all or nothing, newer exports win, and loading again changes
 * nothing. A folder stands for the .sdpkg files in it. Without `--pg`, DATABASE_URL, else libpq's PG* variables.
 * Exit code 1 when a file was refused (the others are still loaded), 2 for a usage error.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { PACKAGE_EXTENSION } from '../main/export/package/manifest';
import { MAX_UNZIPPED } from '../main/export/package/read';
import { loadPackage, prepareWarehouse, type LoadResult, type WarehouseOptions } from './lib/warehouse/load';

interface Args extends WarehouseOptions {
  url: string | undefined;
  files: string[];
}

/** No package unzips to more than this (openPackage's cap), so a larger file is refused before it is read. */
const MAX_FILE_BYTES = MAX_UNZIPPED;

const USAGE = '用法：npm run warehouse -- [--pg postgres://用户@主机/数据库] [--schema streetdesk] [--region 地区代码] [--accept-key-change 单位代码] 数据包或文件夹…';

function parseArgs(argv: string[]): Args {
  const args: Args = { url: process.env.DATABASE_URL, schema: 'streetdesk', acceptKeyChange: [], files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (!v) throw new Error(`${a} 后面缺少值。\n${USAGE}`);
      return v;
    };
    if (a === '--pg') args.url = value();
    else if (a === '--schema') args.schema = value();
    else if (a === '--region') args.region = value();
    else if (a === '--accept-key-change') args.acceptKeyChange = [...args.acceptKeyChange!, value()];
    else if (a.startsWith('--')) throw new Error(`不认识的选项 ${a}。\n${USAGE}`);
    else args.files.push(a);
  }
  if (!args.files.length) throw new Error(`没有指定数据包。\n${USAGE}`);
  return args;
}

/** The package files named, a folder standing for its .sdpkg files (by name). */
function packageFiles(names: string[]): string[] {
  return names.flatMap((name) => {
    if (!fs.existsSync(name)) throw new Error(`找不到 ${name}。`);
    if (!fs.statSync(name).isDirectory()) return [name];
    return fs.readdirSync(name).filter((f) => f.endsWith(PACKAGE_EXTENSION)).sort().map((f) => path.join(name, f));
  });
}

function describe(file: string, r: LoadResult): string {
  const name = path.basename(file);
  if (r.status === 'refused') return `✗ ${name}：未装入。${r.message}`;
  const { source, period } = r.manifest;
  if (r.status === 'already') return `= ${name}：${source.name} ${period}，此前已装入，未作改动。`;
  const sum = (k: 'new' | 'updated' | 'older' | 'removed') => Object.values(r.tables).reduce((n, c) => n + c[k], 0);
  const key = r.keyChanged ? `；已改用新的签名密钥（${r.manifest.signer.fingerprint}）` : '';
  return `✓ ${name}：${source.name} ${period}，${r.manifest.units.length} 个单位，新增 ${sum('new')}、更新 ${sum('updated')}、较旧未用 ${sum('older')}、已删除 ${sum('removed')} 条${key}。`;
}

async function main(): Promise<number> {
  let args: Args;
  let files: string[];
  try {
    args = parseArgs(process.argv.slice(2));
    files = packageFiles(args.files);
  } catch (err) {
    console.error((err as Error).message);
    return 2;
  }
  const db = new pg.Client(args.url ? { connectionString: args.url } : {});
  await db.connect();
  try {
    await prepareWarehouse(db, args.schema);
    let refused = 0;
    for (const file of files) {
      const size = fs.statSync(file).size;
      if (size > MAX_FILE_BYTES) {
        refused++;
        console.log(`✗ ${path.basename(file)}：未装入。文件有 ${(size / 1_000_000).toFixed(0)} MB，超过数据包解压后的上限 ${MAX_FILE_BYTES / 1024 / 1024} MB，不是 StreetDesk 数据包，未读取。`);
        continue;
      }
      const result = await loadPackage(db, { name: path.basename(file), bytes: fs.readFileSync(file) }, args);
      if (result.status === 'refused') refused++;
      console.log(describe(file, result));
    }
    console.log(`共 ${files.length} 个文件，${refused ? `${refused} 个未装入` : '全部已处理'}（模式 ${args.schema}）。`);
    return refused ? 1 : 0;
  } finally {
    await db.end();
  }
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`装入失败：${err.message}`);
    process.exit(1);
  },
);
