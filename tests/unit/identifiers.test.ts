import { describe, expect, it } from 'vitest';
import {
  idCardCheckChar,
  idCardProblem,
  isCreditCode,
  isCutMobile,
  isLandline,
  maskIdCard,
  maskPhone,
  parseLooseDate,
} from '../../main/api/common/identifiers';
import { idNumber } from '../../scripts/lib/people';
import { pinyinKeys } from '../../db/pinyin';
import { inMoment } from './helpers';

describe('identifiers', () => {
  it('accepts real ID numbers and names what is wrong with bad ones', () => inMoment(() => {
    expect(idCardProblem('11010519491231002X')).toBeNull(); // the GB 11643 example
    expect(idCardProblem('110105194912310021')).toBe('check');
    expect(idCardProblem('11010519491331002X')).toBe('birth');
    expect(idCardProblem('1101051949123100')).toBe('format');
    expect(idCardProblem(idNumber('130104', '1985-02-28', 7, 'female'))).toBeNull();
    // A right check digit does not make 000 a sequence part, nor 02-31 a birth date.
    const withCheck = (first17: string) => first17 + idCardCheckChar(first17);
    expect(idCardProblem(withCheck('13010419660808000'))).toBe('sequence');
    expect(idCardProblem(withCheck('13010419560231011'))).toBe('birth');
    // The generator never issues 000 either (seq 0, female).
    expect(idCardProblem(idNumber('130104', '1985-02-28', 0, 'female'))).toBeNull();
  }));

  it('tells landlines from mobiles cut short', () => {
    for (const v of ['0311-86012345', '031186012345', '86012345', '8601234', '010-62345678']) expect(isLandline(v)).toBe(true);
    for (const v of ['13812345', '1381234', '0311-16012345', '0123456']) expect(isLandline(v)).toBe(false);
    expect(['13812345', '1381234', '1381234567'].every(isCutMobile)).toBe(true);
    expect(isCutMobile('13812345678')).toBe(false);
  });

  it('checks unified social credit codes', () => {
    expect(isCreditCode('91350100M000100Y43')).toBe(true);
    expect(isCreditCode('91350100M000100Y44')).toBe(false);
  });

  it('masks as offices do', () => {
    expect(maskIdCard('11010519491231002X')).toBe('110105********002X');
    expect(maskPhone('13812348000')).toBe('138****8000');
  });

  it('reads dates the way clerks type them', () => {
    for (const s of ['2019-07-01', '2019.7.1', '2019/7/1', '2019年7月1日', '20190701', '２０１９．７．１']) {
      expect(parseLooseDate(s), s).toBe('2019-07-01');
    }
    expect(parseLooseDate('2019.2.30')).toBeNull();
    expect(parseLooseDate('七月一日')).toBeNull();
  });

  it('gives pinyin keys that sort and search like Chinese users expect', () => {
    expect(pinyinKeys('张三丰')).toEqual({ sort: 'zhang san feng', initials: 'zsf' });
    expect(pinyinKeys('单田芳').sort.startsWith('shan')).toBe(true); // surname reading
    expect(pinyinKeys('詹姆').sort < pinyinKeys('张三').sort).toBe(true);
  });
});
