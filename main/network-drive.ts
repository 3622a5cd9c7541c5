import fs from 'node:fs';
import path from 'node:path';

/** File systems on which SQLite's WAL (shared memory between processes, file locks) cannot be trusted. */
const NETWORK_TYPES = new Set(['nfs', 'nfs4', 'cifs', 'smb3', 'smbfs', 'sshfs', 'fuse.sshfs', '9p', 'afs', 'ceph', 'glusterfs', 'fuse.glusterfs']);

/** /proc/mounts escapes spaces and the like in paths as octal (`\040`). */
const unescapeMount = (s: string) => s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));

function readMounts(): string {
  try {
    return fs.readFileSync('/proc/mounts', 'utf8');
  } catch {
    return '';
  }
}

function realPath(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    return path.resolve(dir);
  }
}

/**
 * The network file system `dir` lives on, or null when it is local or cannot be told. Windows: a UNC path
 * (`\\server\share`) is recognised; a mapped network drive letter is not (that needs a Win32 call).
 * Linux: the type of the longest mount point in /proc/mounts that contains the folder.
 */
export function networkFileSystemOf(
  dir: string,
  platform: NodeJS.Platform = process.platform,
  mounts: () => string = readMounts,
): string | null {
  if (platform === 'win32') return /^(\\\\|\/\/)[^\\/]+[\\/][^\\/]+/.test(dir) ? 'UNC' : null;
  if (platform !== 'linux') return null;
  const target = realPath(dir);
  let best: { point: string; type: string } | null = null;
  for (const line of mounts().split('\n')) {
    const [, rawPoint, type] = line.split(' ');
    if (!rawPoint || !type) continue;
    const point = unescapeMount(rawPoint);
    const inside = target === point || target.startsWith(point.endsWith('/') ? point : `${point}/`);
    if (inside && (!best || point.length >= best.point.length)) best = { point, type };
  }
  return best && NETWORK_TYPES.has(best.type) ? best.type : null;
}

/** The settings page's warning for a data folder on a network file system. */
export function networkDriveWarning(dir: string, type: string): string {
  return (
    `数据文件夹 ${dir} 位于网络驱动器（${type}）上。数据库放在网络驱动器上可能损坏或丢失修改，` +
    '请把数据文件夹放在本机硬盘上；各单位之间交换数据请用“上报与汇总”中的数据包。'
  );
}
