import { idCardCheckChar } from '../../main/api/common/identifiers';

/**
 * Realistic generated people for tests and the seed: common surnames and given names,
 * ID numbers with real check digits, mobile numbers. Deterministic for a given seed.
 */

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红鹏建华国强海燕志强春梅建国淑珍丹宇浩然子涵欣怡梓萱一诺思远文博晓东雪梅凤英德明建军';

export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: () => number, xs: readonly T[] | string): T => xs[Math.floor(r() * xs.length)] as T;

export function chineseName(r: () => number): string {
  const given = Array.from({ length: r() < 0.6 ? 2 : 1 }, () => pick<string>(r, GIVEN)).join('');
  return pick<string>(r, SURNAMES) + given;
}

/** A valid 18-digit ID number for a region code, birth date and gender. */
export function idNumber(region: string, birth: string, seq: number, gender: 'male' | 'female'): string {
  const order = seq % 50 * 2 + (gender === 'male' ? 1 : 0);
  const code = `${String(Math.floor(seq / 50) % 10)}${String(order).padStart(2, '0')}`;
  // The sequence part 000 is never issued (and is refused): its turn takes 998, shared only with seq 499 of the same region and birth date.
  const first17 = `${region}${birth.replace(/-/g, '')}${code === '000' ? '998' : code}`;
  return first17 + idCardCheckChar(first17);
}

export function mobile(r: () => number): string {
  return `1${pick(r, ['3', '5', '8', '9'])}${String(Math.floor(r() * 1e9)).padStart(9, '0')}`;
}
