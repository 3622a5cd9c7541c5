import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageTables, publishedTables } from '../../main/api/submission/modules';
import { packageJsonSchemas, schemaFileOf, schemaText } from '../../main/export/package/json-schema';
import { communityWithPlaces } from './submission-places-fixture';
import { packageOf, streetInstall } from './submission-fixture';

/**
 * The published JSON Schema of the package format (docs/package-format/*.schema.json) is what the code declares,
 * and an independent validator — ajv, not the zod the importer uses — takes real packages by it and refuses
 * hand-edited ones. A receiver that is not StreetDesk (a city's warehouse) relies on both.
 */

const SCHEMA_DIR = path.join(import.meta.dirname, '..', '..', 'docs', 'package-format');
const ALL_MODULES = ['party', 'volunteer', 'property', 'fund', 'elevator', 'requests'];

type Obj = Record<string, unknown>;
type Files = Record<string, Obj>;

/** ajv with the committed files, strict (an unknown keyword in them is an error). */
function validators(): (file: string) => ValidateFunction {
  // The patterns beside each `format` carry the check; the formats are declared so strict mode accepts them.
  const ajv = new Ajv2020({ strict: true, allErrors: true, formats: { date: true, 'date-time': true } });
  const cache = new Map<string, ValidateFunction>();
  return (file) => {
    if (!cache.has(file)) cache.set(file, ajv.compile(JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf8'))));
    return cache.get(file)!;
  };
}

/** The package's files as JSON, by path inside the zip. */
function unpack(base64: string): Files {
  const files = unzipSync(Buffer.from(base64, 'base64'));
  return Object.fromEntries(Object.entries(files).filter(([name]) => name.endsWith('.json')).map(([name, bytes]) => [name, JSON.parse(strFromU8(bytes))]));
}

/** ajv's verdict on every JSON file of a package: the errors, empty when it passes. */
function errorsOf(validate: (file: string) => ValidateFunction, files: Files): string[] {
  return Object.entries(files).flatMap(([name, body]) => {
    const schema = name === 'manifest.json' ? schemaFileOf('manifest') : schemaFileOf(name.slice('tables/'.length, -'.json'.length));
    const check = validate(schema);
    return check(body) ? [] : (check.errors ?? []).map((e) => `${name}${e.instancePath} ${e.message}`);
  });
}

describe('the JSON Schema of the package format', () => {
  it('is committed as the code declares it (npm run schemas writes it)', () => {
    const declared = packageJsonSchemas(publishedTables);
    expect(fs.readdirSync(SCHEMA_DIR).sort()).toEqual([...declared.keys()].sort());
    for (const [file, schema] of declared) expect(fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf8'), file).toBe(schemaText(schema));
  });

  it('tells a reader what the values mean: Chinese names, fen, dates, codes, links', () => {
    const entries = JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, 'fund.entries.schema.json'), 'utf8')).$defs.record.properties;
    expect(entries.amount).toMatchObject({ title: '金额（分）', type: 'integer', description: expect.stringContaining('单位：分') });
    expect(entries.onDate).toMatchObject({ format: 'date', description: expect.stringContaining('YYYY-MM-DD') });
    expect(entries.direction.description).toContain('income 收入');
    expect(entries.accountId.description).toContain('fund.accounts');
    const members = JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, 'party.members.schema.json'), 'utf8')).$defs.record;
    expect(members.additionalProperties).toBe(false);
    expect(members.properties.idNumber.description).toContain('脱敏');
  });

  describe('checked by ajv against real packages', () => {
    const validate = validators();
    let community: Awaited<ReturnType<typeof communityWithPlaces>>;
    let files: Files;
    beforeAll(async () => {
      community = await communityWithPlaces();
      files = unpack((await packageOf(community, community.month, ALL_MODULES)).contentBase64);
    }, 60_000);

    it('passes a community package with every module, and a street package carrying it', async () => {
      const tables = Object.keys(files).filter((f) => f.startsWith('tables/'));
      expect(tables).toHaveLength(packageTables.size);
      const rows = Object.fromEntries((files['manifest.json'] as { tables: { name: string; rows: number }[] }).tables.map((t) => [t.name, t.rows]));
      for (const table of ['party.members', 'party.meetings', 'property.estates', 'property.assessments', 'fund.entries', 'elevator.faults']) expect(rows[table], table).toBeGreaterThan(0);
      expect(errorsOf(validate, files)).toEqual([]);

      const street = await streetInstall();
      await street.call('submission.importPackage', await packageOf(community, community.month, ALL_MODULES));
      const out = await street.call('submission.buildMonthly', { level: 'street', period: community.month, modules: ALL_MODULES, outputs: ['package'] });
      const streetFiles = unpack(out.package!.contentBase64);
      expect(Object.keys((streetFiles['tables/party.members.json'] as { units: object }).units)).toHaveLength(2);
      expect(errorsOf(validate, streetFiles)).toEqual([]);
    });

    /** The package with one edit made to a copy of its JSON, as someone with an unzip tool and an editor would. */
    const edited = (edit: (f: Files) => void): Files => {
      const copy = structuredClone(files);
      edit(copy);
      return copy;
    };
    const firstRow = (f: Files, table: string) => Object.values(f[`tables/${table}.json`]!.units as Record<string, Obj[]>)[0]![0]!;
    const firstMember = (f: Files) => firstRow(f, 'party.members');

    it('refuses a missing field', () => {
      expect(errorsOf(validate, edited((f) => delete f['manifest.json']!.period))).toEqual(["manifest.json must have required property 'period'"]);
      expect(errorsOf(validate, edited((f) => delete firstMember(f).joinedOn))).toEqual(["tables/party.members.json/units/130104001001/0 must have required property 'joinedOn'"]);
    });

    it('refuses a wrong type', () => {
      const errors = errorsOf(validate, edited((f) => { firstMember(f).isCentreHousehold = '是'; }));
      expect(errors).toEqual(['tables/party.members.json/units/130104001001/0/isCentreHousehold must be boolean']);
      const money = errorsOf(validate, edited((f) => { firstRow(f, 'fund.entries').amount = '1234.56'; }));
      expect(money).toContain('tables/fund.entries.json/units/130104001001/0/amount must be integer');
      expect(errorsOf(validate, edited((f) => { f['manifest.json']!.formatVersion = '2'; }))).toContain('manifest.json/formatVersion must be number');
    });

    it('refuses an unknown field, in the manifest and in a row', () => {
      expect(errorsOf(validate, edited((f) => { firstMember(f).wechat = 'zhangsan'; }))).toEqual(['tables/party.members.json/units/130104001001/0 must NOT have additional properties']);
      expect(errorsOf(validate, edited((f) => { (f['manifest.json']!.source as Obj).region = '华北'; }))).toEqual(['manifest.json/source must NOT have additional properties']);
    });
  });
});
