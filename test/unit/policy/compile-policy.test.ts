import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { compilePolicy } from '../../../src/policy/compile-policy';

const fixture = (name: string): unknown => parse(readFileSync(join(__dirname, '../../../fixtures/policy', name), 'utf8'));

function errorsOf(doc: unknown): string[] {
  const compiled = compilePolicy(doc, 1);
  if (compiled.ok) throw new Error('expected the policy to be rejected');
  return compiled.error;
}

describe('compilePolicy', () => {
  it('fills defaults for omitted sections', () => {
    const compiled = compilePolicy({ salt: 's' }, 3);
    if (!compiled.ok) throw new Error(compiled.error.join('; '));
    expect(compiled.value.version).toBe(3);
    expect(compiled.value.document).toEqual({
      salt: 's',
      defaultTarget: 'vendor',
      killSwitch: { global: false, operations: [] },
      qaOverride: { header: 'x-understudy-target', devices: [] },
      regions: { cidrs: [] },
      rules: [],
    });
    expect(Object.isFrozen(compiled.value.document.killSwitch)).toBe(true);
  });

  it('lists every schema error with its path', () => {
    const errors = errorsOf({
      defaultTarget: 'cloud',
      colour: 'red',
      killSwitch: { global: 'yes', operations: ['asset get'] },
      qaOverride: { header: 'bad header', devices: [''] },
      regions: { cidrs: [{ cidr: '10.0.0.0/8' }] },
      rules: [{ id: 'r1', match: { operations: [], regions: ['eu'], extra: 1 }, target: 'platform', percent: 120 }, { match: {}, target: 'vendor' }],
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        '/ must have property "salt"',
        '/colour is not a known key; allowed: salt, defaultTarget, killSwitch, qaOverride, regions, rules, media',
        '/defaultTarget "cloud" is not allowed; allowed: "vendor", "platform"',
        '/killSwitch/global must be boolean',
        expect.stringMatching(/^\/killSwitch\/operations\/0 must match pattern/),
        expect.stringMatching(/^\/qaOverride\/header must match pattern/),
        '/qaOverride/devices/0 must NOT have fewer than 1 characters',
        '/regions/cidrs/0 must have property "region"',
        '/rules/0/match/extra is not a known key; allowed: operations, regions, clientTags, appVersions, deviceFamilies',
        '/rules/0/match/operations must NOT have fewer than 1 items',
        '/rules/0/percent must be <= 100',
        '/rules/1 must have property "id"',
      ]),
    );
    expect(errors.length).toBeGreaterThanOrEqual(12);
  });

  it('lists the checks a schema cannot express', () => {
    const errors = errorsOf({
      salt: 's',
      regions: { cidrs: [{ cidr: '10.0.0.0/33', region: 'eu' }] },
      rules: [
        { id: 'same', match: { appVersions: 'not a range' }, target: 'platform' },
        { id: 'same', match: {}, target: 'platform', shadow: true },
        { id: 'other', match: {}, target: 'vendor', fallbackToVendor: true },
      ],
    });
    expect(errors).toEqual([
      '/rules/0/match/appVersions "not a range" is not a semver range',
      '/rules/1/id "same" is already used by /rules/0',
      '/rules/1/shadow needs target "vendor" (the vendor answers, the platform is the shadow)',
      '/rules/2/fallbackToVendor needs target "platform"',
    ]);
    expect(errorsOf({ salt: 's', regions: { cidrs: [{ cidr: '10.0.0.0/33', region: 'eu' }] } })).toEqual([
      '/regions/cidrs/0/cidr "10.0.0.0/33" has an invalid prefix length (0–32)',
    ]);
  });

  it('normalises names to lower case and drops duplicates, leaving the input untouched', () => {
    const input = {
      salt: 's',
      killSwitch: { global: false, operations: ['Asset.GetPlaybackContext'] },
      qaOverride: { header: 'X-QA', devices: ['Udid-1', 'Udid-1'] },
      regions: { header: 'X-Edge-Region', cidrs: [{ cidr: '10.0.0.0/8', region: 'EU-West' }] },
      rules: [{ id: 'r', match: { operations: ['Asset.Get', 'asset.get'], regions: ['EU-West'], clientTags: ['Box-*'], deviceFamilies: [5, '5', 'tv'] }, target: 'platform' }],
    };
    const snapshot = JSON.stringify(input);
    const compiled = compilePolicy(input, 1);
    if (!compiled.ok) throw new Error(compiled.error.join('; '));
    const doc = compiled.value.document;
    expect(doc.killSwitch.operations).toEqual(['asset.getplaybackcontext']);
    expect(doc.qaOverride).toEqual({ header: 'x-qa', devices: ['Udid-1'] });
    expect(doc.regions).toEqual({ header: 'x-edge-region', cidrs: [{ cidr: '10.0.0.0/8', region: 'eu-west' }] });
    expect(doc.rules[0]!.match).toEqual({ operations: ['asset.get'], regions: ['eu-west'], clientTags: ['box-*'], deviceFamilies: ['5', 'tv'] });
    expect(JSON.stringify(input)).toBe(snapshot);
  });

  it('rejects non-objects and bad versions', () => {
    expect(errorsOf('salt: x')).toEqual(['/ must be object']);
    expect(compilePolicy({ salt: 's' }, -1).ok).toBe(false);
    expect(compilePolicy({ salt: 's', fn: () => 1 }, 1).ok).toBe(false);
  });

  it.each(['lab-all-platform.yaml', 'example-migration.yaml'])('compiles the fixture %s', (name) => {
    const compiled = compilePolicy(fixture(name), 1);
    if (!compiled.ok) throw new Error(compiled.error.join('; '));
    expect(compiled.value.rules.length).toBeGreaterThan(0);
  });
});
