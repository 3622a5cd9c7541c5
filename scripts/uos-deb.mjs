// The UOS app-store variant of the Linux package, made from electron-builder's unpacked Linux app (`--linux dir`):
//   node scripts/uos-deb.mjs [--build N] [--out DIR] x64:release/linux-unpacked arm64:release/linux-arm64-unpacked
// The store's rules (UOS 应用商店打包规范): the package is named after the appid (reverse domain), everything is
// installed under /opt/apps/<appid>/ — `info` (JSON), `entries/` (the .desktop file, icons), `files/` (the app) —
// the version has four numeric parts, and there are no maintainer scripts (no postinst & co.: packages with them
// are refused). electron-builder's deb has none of that (it installs to /opt/StreetDesk and its postinst makes
// chrome-sandbox setuid root), so this lays the package out itself and builds it with dpkg-deb (Debian's own tool,
// on every Debian build machine; nothing downloaded). docs/electron.md, "The UOS app store", says what it means for
// Chromium's sandbox: see scripts/lib/uos-launcher.sh.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const DEB_ARCH = { x64: 'amd64', arm64: 'arm64' };

/** package.json's version with the build number as its fourth part: 0.1.0 → 0.1.0.0. Pre-releases cannot be. */
export function uosVersion(version, build = 0) {
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`the UOS store takes a version of four numbers; ${version} cannot be one (no pre-release versions)`);
  if (!Number.isInteger(build) || build < 0) throw new Error(`the build number must be a whole number ≥ 0, not ${build}`);
  return `${version}.${build}`;
}

/** The few settings of electron-builder.yml this package shares (one place for the appid and the dependencies). */
export function builderSettings(projectDir = root) {
  const yml = fs.readFileSync(path.join(projectDir, 'electron-builder.yml'), 'utf8');
  const one = (key) => yml.match(new RegExp(`^\\s*${key}:\\s*(.+?)\\s*(#.*)?$`, 'm'))?.[1];
  const depends = [...(yml.match(/^deb:\n(?:[ \t].*\n)*?\s+depends:\n((?:\s+- .*\n)+)/m)?.[1] ?? '').matchAll(/- (.+)/g)].map((m) => m[1].trim());
  const settings = { appId: one('appId'), executableName: one('executableName'), maintainer: one('maintainer'), depends };
  for (const [key, value] of Object.entries(settings)) if (!value || value.length === 0) throw new Error(`electron-builder.yml has no ${key}`);
  return settings;
}

function filesUnder(dir) {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

function desktopEntry(appId, productName) {
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${productName}`,
    `Name[zh_CN]=${productName}`,
    'Comment=街道治理工作台：党组织、志愿积分、红色物业、电梯维保基金台账与上报',
    `Exec=/opt/apps/${appId}/files/bin/streetdesk %U`,
    `Icon=${appId}`,
    'Terminal=false',
    'Categories=Office;',
    // Electron names the window after package.json's desktopName (streetdesk.desktop): the dock matches it here.
    'StartupWMClass=streetdesk',
    '',
  ].join('\n');
}

/** Builds one .deb for one architecture from electron-builder's unpacked app; returns its path. */
export function buildUosDeb({ unpacked, arch, outDir, build = 0, projectDir = root }) {
  const debArch = DEB_ARCH[arch];
  if (!debArch) throw new Error(`no UOS package for ${arch}`);
  const pkg = JSON.parse(fs.readFileSync(path.join(projectDir, 'package.json'), 'utf8'));
  const { appId, executableName, maintainer, depends } = builderSettings(projectDir);
  if (!fs.existsSync(path.join(unpacked, executableName))) throw new Error(`${unpacked} is not an unpacked Linux app (no ${executableName})`);
  const version = uosVersion(pkg.version, build);
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'streetdesk-uos-'));
  try {
    const home = path.join(stage, 'opt/apps', appId);
    fs.mkdirSync(home, { recursive: true });
    execFileSync('cp', ['-a', unpacked, path.join(home, 'files')], { stdio: 'pipe' });
    fs.mkdirSync(path.join(home, 'files/bin'), { recursive: true });
    fs.copyFileSync(path.join(root, 'scripts/lib/uos-launcher.sh'), path.join(home, 'files/bin/streetdesk'));
    fs.chmodSync(path.join(home, 'files/bin/streetdesk'), 0o755);
    const entries = path.join(home, 'entries');
    fs.mkdirSync(path.join(entries, 'applications'), { recursive: true });
    fs.writeFileSync(path.join(entries, 'applications', `${appId}.desktop`), desktopEntry(appId, pkg.productName));
    const icons = path.join(entries, 'icons/hicolor/512x512/apps');
    fs.mkdirSync(icons, { recursive: true });
    fs.copyFileSync(path.join(projectDir, 'build/icon.png'), path.join(icons, `${appId}.png`));
    // What the app asks of the system: nothing (no autostart, tray, camera…); the store shows this list.
    const permissions = Object.fromEntries(
      ['autostart', 'notification', 'trayicon', 'clipboard', 'account', 'bluetooth', 'camera', 'audio_record', 'installed_apps'].map((p) => [p, false]),
    );
    fs.writeFileSync(path.join(home, 'info'), `${JSON.stringify({ appid: appId, name: pkg.productName, version, arch: [debArch], permissions }, null, 2)}\n`);

    const dataFiles = filesUnder(path.join(stage, 'opt'));
    const installedKb = Math.ceil(dataFiles.reduce((n, f) => n + fs.statSync(f).size, 0) / 1024);
    fs.mkdirSync(path.join(stage, 'DEBIAN'));
    const control = [
      `Package: ${appId}`,
      `Version: ${version}`,
      `Architecture: ${debArch}`,
      `Maintainer: ${maintainer}`,
      `Installed-Size: ${installedKb}`,
      `Depends: ${depends.join(', ')}`,
      'Section: office',
      'Priority: optional',
      `Description: ${pkg.productName}`,
      ` ${pkg.description}`,
      '',
    ].join('\n');
    fs.writeFileSync(path.join(stage, 'DEBIAN/control'), control);
    const md5 = dataFiles.map((f) => `${createHash('md5').update(fs.readFileSync(f)).digest('hex')}  ${path.relative(stage, f)}`);
    fs.writeFileSync(path.join(stage, 'DEBIAN/md5sums'), `${md5.join('\n')}\n`);
    fs.mkdirSync(outDir, { recursive: true });
    const deb = path.join(outDir, `${appId}_${version}_${debArch}.deb`);
    execFileSync('dpkg-deb', ['--root-owner-group', '-Zxz', '--build', stage, deb], { stdio: 'pipe' });
    return deb;
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i < 0 ? fallback : args.splice(i, 2)[1];
  };
  const build = Number(option('--build', '0'));
  const outDir = path.resolve(option('--out', path.join(root, 'release')));
  const targets = args.length ? args : ['x64:release/linux-unpacked', 'arm64:release/linux-arm64-unpacked'];
  for (const target of targets) {
    const [arch, dir] = target.split(':');
    console.log(buildUosDeb({ unpacked: path.resolve(dir), arch, outDir, build }));
  }
}
