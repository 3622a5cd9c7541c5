import { describe, expect, it, vi } from 'vitest';
import { InstallLocationError, networkInstallFolder } from '../../main/electron/install-location';
import { fatalText } from '../../main/electron/dialogs';

vi.mock('electron', async () => (await import('./electron-fake')).createFakeElectron()); // dialogs.ts imports it

// Issue 18: started from a network location, Chromium's sandbox cannot start on Windows and the window stays blank.
const local = (p: string) => p;

describe('where StreetDesk runs from (Windows)', () => {
  it('finds a UNC path, also in its long-path form', () => {
    expect(networkInstallFolder('\\\\fileserver\\软件\\StreetDesk\\streetdesk.exe', 'win32', local)).toBe('\\\\fileserver\\软件\\StreetDesk');
    expect(networkInstallFolder('\\\\?\\UNC\\fileserver\\apps\\streetdesk.exe', 'win32', local)).toBe('\\\\fileserver\\apps\\'); // the share's root
  });

  it('finds a mapped network drive through the path Windows resolves it to', () => {
    const mapped = (p: string) => p.replace(/^Z:/, '\\\\nas\\公共');
    expect(networkInstallFolder('Z:\\StreetDesk\\streetdesk.exe', 'win32', mapped)).toBe('\\\\nas\\公共\\StreetDesk');
  });

  it('accepts a local install, however its path is spelt or when it cannot be resolved', () => {
    const exe = 'C:\\Users\\李%41娜\\AppData\\Local\\Programs\\streetdesk\\streetdesk.exe';
    expect(networkInstallFolder(exe, 'win32', local)).toBeNull();
    expect(networkInstallFolder(exe, 'win32', (p) => `\\\\?\\${p}`)).toBeNull();
    expect(networkInstallFolder(exe, 'win32', () => { throw new Error('EPERM'); })).toBeNull();
  });

  it('never refuses on Linux (Chromium’s sandbox there does not mind where the files are)', () => {
    expect(networkInstallFolder('//fileserver/apps/streetdesk', 'linux', local)).toBeNull();
  });

  it('says in Chinese where to install instead, naming the folder and the log', () => {
    const { title, message } = fatalText(new InstallLocationError('\\\\fileserver\\apps'), 'C:\\Users\\x\\AppData\\Roaming\\StreetDesk\\logs');
    expect(title).toBe('StreetDesk 不能从网络位置运行');
    expect(message).toContain('\\\\fileserver\\apps');
    expect(message).toContain('装到本机硬盘');
    expect(message).toContain('数据没有被改动');
    expect(message).toContain('AppData\\Roaming\\StreetDesk\\logs');
  });
});
