import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import * as fontkit from 'fontkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronBundles } from '../../scripts/lib/electron-bundles.mjs';
import { idNumber } from '../../scripts/lib/people';
import { subsetOf, woffToSfnt } from '../../main/export/pdf/fonts';
import { setupInput, tempDir } from './helpers';
import { extractApp, filesUnder, packageLinux, root, unpackedDir } from './packaged-app';
import type { Report } from './packaged-electron-protocol';
import { EMBEDDED, FONT_DIR, hasPoppler, nameFrom, pdfFacts, SUBSET_100, subsetsOf, type Subset } from './packaged-fonts';
import { startPackagedShell, waitForReport, type PackagedShell } from './packaged-shell';

// Issue 18: what electron-builder really packages (its own file selection, asar and hooks, with a stand-in Electron
// folder), checked from that layout. The font exclusion once dropped subset 100 of Noto Sans SC (`*-100-*` matched the
// subset, not only the weight), so a PDF naming 李烨 failed with INTERNAL in the desktop app while every test from the
// repo passed. So this prints from the package: with the PDF engine alone, and through the main bundle itself.
const onLinuxX64 = process.platform === 'linux' && process.arch === 'x64';

describe.runIf(onLinuxX64)("electron-builder's package (Linux x64; the selection is the same on Windows but the native file)", () => {
  let app: string;
  let files: Set<string>;
  let subsets: Subset[];
  let names: { subset: string; name: string }[];
  beforeAll(async () => {
    app = extractApp(unpackedDir(await packageLinux(['x64']), 'x64'));
    files = new Set(filesUnder(app));
    // From the checkout's copy of the font: what the package must hold, whatever it does hold.
    subsets = subsetsOf(root);
    names = subsets.map((s) => ({ subset: s.name, name: nameFrom(root, s) }));
  }, 900_000);

  it('holds the regular and bold file of every subset the PDF engine can pick, and no other weight or format', () => {
    expect(subsets.length).toBeGreaterThan(100);
    expect(subsets.map((s) => s.name)).toContain('100');
    expect(names.filter((n) => n.name === '')).toEqual([]);
    const missing = subsets.flatMap((s) => [400, 700].map((w) => `${FONT_DIR}/files/noto-sans-sc-${s.name}-${w}-normal.woff`)).filter((f) => !files.has(f));
    expect(missing).toEqual([]);
    const fontFiles = [...files].filter((f) => f.startsWith(`${FONT_DIR}/files/`));
    expect(fontFiles.filter((f) => !/-(400|700)-normal\.woff$/.test(f))).toEqual([]);
    expect(fontFiles).toHaveLength(subsets.length * 2);
  });

  it('leaves out source maps and Yarn folders (a quarter of app.asar once), keeping the bundles and package.json', () => {
    expect([...files].filter((f) => f.endsWith('.map') || f.split('/').includes('.yarn'))).toEqual([]);
    for (const f of ['package.json', 'out/main/electron.cjs', 'out/main/core-worker.cjs', 'out/preload/preload.cjs']) expect(files).toContain(f);
  });

  it("draws subset 100's surnames and given-name characters from the packaged file", () => {
    const font = fontkit.create(woffToSfnt(fs.readFileSync(path.join(app, FONT_DIR, 'files/noto-sans-sc-100-400-normal.woff'))));
    for (const ch of SUBSET_100) {
      expect({ ch, subset: subsetOf(ch.codePointAt(0)!), drawn: font.hasGlyphForCodePoint(ch.codePointAt(0)!) }).toEqual({ ch, subset: '100', drawn: true });
    }
  });

  it.skipIf(!hasPoppler)('prints with the PDF engine alone a name from every subset, in both weights, every character drawn', async () => {
    const probe = path.join(app, 'out/main/pdf-probe.cjs');
    const { main } = await electronBundles(root);
    await build({ ...main, entryPoints: [path.join(root, 'tests/unit/packaged-pdf-probe.ts')], outfile: probe, sourcemap: false });
    const work = tempDir();
    const spec = {
      title: `服务记录 李${SUBSET_100.slice(-3)}`,
      blocks: [
        {
          kind: 'table',
          columns: [{ header: '字库分块', width: 2 }, { header: '姓名', width: 4 }, { header: '姓名（粗体）', width: 4 }],
          rows: names.map((n) => [n.subset, n.name, n.name]),
        },
        { kind: 'paragraph', text: SUBSET_100 },
        { kind: 'paragraph', text: SUBSET_100, bold: true },
      ],
    };
    fs.writeFileSync(path.join(work, 'spec.json'), JSON.stringify(spec));
    // From a folder outside the repository, so nothing resolves from this checkout's node_modules.
    execFileSync(process.execPath, [probe, 'spec.json', 'out.pdf'], { cwd: work, stdio: 'pipe' });
    const { fonts, text } = pdfFacts(path.join(work, 'out.pdf'));
    expect(fonts.length).toBeGreaterThanOrEqual(subsets.length);
    for (const line of fonts) expect(line).toMatch(EMBEDDED);
    for (const { name } of names) expect(text).toContain(name);
    expect(text).toContain(`${SUBSET_100}${SUBSET_100}`);
    expect(text).not.toContain('\uFFFD');
  });

  describe('the main bundle, started from the package by Node with a strict fake electron', () => {
    let shell: PackagedShell;
    let dataDir: string;
    beforeAll(async () => {
      dataDir = tempDir();
      shell = await startPackagedShell(app, [`--data-dir=${dataDir}`]);
    });
    afterAll(async () => {
      if (shell) await shell.quit();
    });
    const ok = async (channel: string, input: unknown, session?: string) => {
      const env = (await shell.invoke(channel, input, session)) as { ok: boolean; data?: unknown; error?: unknown };
      expect({ channel, env: env.ok ? 'ok' : env.error }).toEqual({ channel, env: 'ok' });
      return env.data as Record<string, unknown>;
    };

    it('starts: a window on the packaged page, every Electron member it used stood in for, system.getStatus answered over IPC', async () => {
      const load = await waitForReport(shell, (r): r is Report & { kind: 'load' } => r.kind === 'load');
      expect(load.url).toBe(pathToFileURL(path.join(app, 'out/renderer/index.html')).href);
      // What the preload asks for at load: the core worker's channels, one function each on the page's bridge.
      expect(await shell.invoke('desktop:channels', undefined)).toEqual(expect.arrayContaining(['system.getStatus', 'party.listMembers', 'requests.listRequests']));
      const status = await ok('system.getStatus', {});
      const pkg = JSON.parse(fs.readFileSync(path.join(app, 'package.json'), 'utf8')) as { version: string };
      expect(status).toMatchObject({ appVersion: pkg.version, installation: null, dataDir, sqliteDriver: { name: 'native' } });
      shell.emit('ready-to-show');
      await waitForReport(shell, (r): r is Report & { kind: 'show' } => r.kind === 'show');
      expect(shell.reports.filter((r) => r.kind === 'unfaked' || r.kind === 'dialog')).toEqual([]);
    });

    it.skipIf(!hasPoppler)('prints a service record for a name from every font subset through IPC, every character drawn', async () => {
      const session = ((await ok('system.setup', setupInput('street'))).session as { token: string }).token;
      const today = String((await ok('system.getClock', {})).at).slice(0, 10);
      const [root] = (await ok('party.orgChildren', {}, session)) as unknown as { id: string }[];
      const community = await ok('party.createPlace', { kind: 'community', name: '西里社区' }, session);
      const org = { parentId: root!.id, level: 'community_committee', kind: '社区党委', name: '西里社区党委', placeId: community.id };
      const committee = await ok('party.createOrg', org, session);
      // Names of up to 30 characters (the form's limit), each the names of several subsets run together.
      const groups: (typeof names)[] = [[]];
      for (const n of names) {
        if ([...groups.at(-1)!, n].map((g) => g.name).join('').length > 30) groups.push([]);
        groups.at(-1)!.push(n);
      }
      const work = tempDir();
      let seq = 0;
      for (const group of groups) {
        const name = group.map((g) => g.name).join('');
        const input = { name, phone: '13912345678', orgId: committee.id, registeredOn: today, idNumber: idNumber('130104', '1980-02-03', ++seq, 'female') };
        const volunteer = await ok('volunteer.createResident', input, session);
        const printed = (await ok('volunteer.printServiceRecord', { volunteerId: volunteer.id, from: today, to: today }, session)) as { contentBase64: string };
        const pdf = path.join(work, `${seq}.pdf`);
        fs.writeFileSync(pdf, Buffer.from(printed.contentBase64, 'base64'));
        const { fonts, text } = pdfFacts(pdf);
        for (const line of fonts) expect(line).toMatch(EMBEDDED);
        for (const g of group) expect({ subset: g.subset, drawn: text.includes(g.name) }).toEqual({ subset: g.subset, drawn: true });
        expect(text).not.toContain('\uFFFD');
      }
      expect(groups.flat()).toHaveLength(subsets.length);
    }, 300_000);

    it('quits when asked: the core closes the data folder and the process ends with code 0', async () => {
      expect(await shell.quit()).toBe(0);
      expect(fs.readFileSync(path.join(dataDir, 'logs/streetdesk.log'), 'utf8')).toMatch(/SQLite .* through better-sqlite3/);
    });
  });
});
