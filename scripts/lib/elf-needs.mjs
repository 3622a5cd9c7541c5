// The symbol versions a Linux shared object needs from its libraries (glibc's GLIBC_2.34, libstdc++'s GLIBCXX_3.4.29…):
// what `objdump -T` shows and what the dynamic loader refuses with "version `GLIBC_2.34' not found". Read from the
// ELF's version-needs section (SHT_GNU_verneed) so that checking a binary needs no binutils. 64-bit little-endian
// only: the x64 and arm64 files we ship.
import fs from 'node:fs';

const SHT_GNU_VERNEED = 0x6ffffffe;

/** Every version the file needs, as 'GLIBC_2.28', 'GLIBCXX_3.4.25'… (sorted, no duplicates). */
export function versionsNeeded(file) {
  const b = fs.readFileSync(file);
  if (b.readUInt32BE(0) !== 0x7f454c46) throw new Error(`${file}: not an ELF file`);
  if (b[4] !== 2 || b[5] !== 1) throw new Error(`${file}: not a 64-bit little-endian ELF file`);
  const shoff = Number(b.readBigUInt64LE(0x28));
  const shentsize = b.readUInt16LE(0x3a);
  const shnum = b.readUInt16LE(0x3c);
  const section = (i) => {
    const at = shoff + i * shentsize;
    return { type: b.readUInt32LE(at + 4), offset: Number(b.readBigUInt64LE(at + 0x18)), link: b.readUInt32LE(at + 0x28), info: b.readUInt32LE(at + 0x2c) };
  };
  const cString = (at) => b.toString('latin1', at, b.indexOf(0, at));
  const found = new Set();
  for (let i = 0; i < shnum; i++) {
    const s = section(i);
    if (s.type !== SHT_GNU_VERNEED) continue;
    const strings = section(s.link).offset;
    // Elf64_Verneed: vn_version u16, vn_cnt u16, vn_file u32, vn_aux u32, vn_next u32;
    // Elf64_Vernaux: vna_hash u32, vna_flags u16, vna_other u16, vna_name u32, vna_next u32.
    let need = s.offset;
    for (let n = 0; n < s.info; n++) {
      let aux = need + b.readUInt32LE(need + 8);
      for (let k = 0; k < b.readUInt16LE(need + 2); k++) {
        found.add(cString(strings + b.readUInt32LE(aux + 8)));
        aux += b.readUInt32LE(aux + 12);
      }
      need += b.readUInt32LE(need + 12);
    }
  }
  return [...found].sort();
}

const parts = (v) => v.split('.').map(Number);
const newer = (a, b) => {
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  return false;
};

/**
 * The oldest Linux desktops offices run: UOS 20 (Debian 10: glibc 2.28, libstdc++ of GCC 8 = GLIBCXX_3.4.25).
 * Kylin V10 SP1 (Ubuntu 20.04: glibc 2.31) is newer, so what starts on UOS 20 starts there.
 */
export const LINUX_FLOOR = { GLIBC: '2.28', GLIBCXX: '3.4.25' };

/** The versions in `needed` newer than the floor (empty = loads on the oldest desktops). */
export function newerThanFloor(needed, floor = LINUX_FLOOR) {
  return needed.filter((v) => {
    const m = /^(GLIBC|GLIBCXX)_([\d.]+)$/.exec(v);
    return m !== null && newer(m[2], floor[m[1]]);
  });
}
