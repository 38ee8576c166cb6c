import type { CatalogAsset } from '../../../../src/core/catalog';
import { compileSearchQuery } from '../../../../src/sim/platform-sim/catalog/search-query';
import { assetFieldValues } from '../../../../src/sim/vendor-sim/catalog/asset-fields';
import { ksqlToQuery } from '../../../../src/translate/catalog/ksql-to-query';
import { evaluateKsql, parseKsql, type KsqlNode } from '../../../../src/phoenix/ksql';
import { catalog, ids, store } from './catalog-fixture';

function parse(text: string): KsqlNode {
  const parsed = parseKsql(text);
  if (!parsed.ok) throw new Error(`bad test KSQL ${text}`);
  return parsed.value;
}

const assets = new Map<number, CatalogAsset>([...catalog.vodAssets, ...catalog.channels, ...catalog.programs].map((a) => [a.vendorId, a]));

/** The catalogue numbers a KSQL selects in vendor-sim and, translated, in platform-sim. */
function selections(text: string): { vendor: number[]; platform: number[] } {
  const node = parse(text);
  const compiled = compileSearchQuery(ksqlToQuery(node, ids));
  if (!compiled.ok) throw new Error(`platform refused the translation of ${text}`);
  const vendor: number[] = [];
  const platform: number[] = [];
  for (const entry of store.all) {
    const asset = assets.get(entry.item.sortKey) as CatalogAsset;
    if (evaluateKsql(node, assetFieldValues(asset))) vendor.push(asset.vendorId);
    if (compiled.value(entry.doc)) platform.push(entry.item.sortKey);
  }
  return { vendor, platform };
}

const expressions = [
  "name='The Electric Harbour'", "name~'harbour'", "name!~'the'", "name^'har'", "name^='the e'", "name+", "name!+", "description~'TRUTH'",
  "media_id='480001'", "media_id='0480001'", "media_id:'480001,360001,900001'", "media_id!='480001'", "media_id>'480300'", "media_id+", "media_id!+", "media_id~'0001'", "media_id='480001.0'", "media_id='480001.5'", "media_id='42'", "media_id!='42'", "media_id!='900001'", "media_id:'42, 0360001 ,x'", "media_id<='360003'", "media_id!~'48'",
  "epg_id:'4000001, 4000002,x'", "epg_id:'x'", "epg_id='4000003'", "epg_id!='4000003'", "epg_id+", "epg_id!+", "epg_channel_id='1001'", "epg_channel_id:'1001,1002'",
  "asset_type='epg'", "asset_type='MEDIA'", "asset_type!='media'", "asset_type~'e'", "asset_type='x'", "asset_type!+",
  "start_date>='1794913200'", "end_date<'4070908800'", "start_date>'abc'",
  "Genre='Drama'", "genre!='drama'", "Genre^='doc'", "Actors~'zimmer'", "Actors!~'zimmer'", "Year>'2000'", "Year:'1994,2001'", "Year='1994.0'", "IsHD='true'", "IsLive='false'", "Rating:'5'",
  "(and geo_block='x' parental_rules='y' Genre='War')", "(or geo_block='x' name='nope')", "(or entitled_assets='1' user_interests='2')", "(and user_interests!='2' name='x')",
  "nosuchkey='x'", "nosuchkey!='x'", "nosuchkey+", "nosuchkey!+",
  "(and (and Genre='War' Year>'1990') (or Country='Italy' Country='France'))", "(or (or media_id='480001' media_id='480002') (and asset_type='epg' epg_channel_id='1003'))",
];

describe('ksqlToQuery (KSQL → platform query tree)', () => {
  it.each(expressions)('selects the same assets as vendor-sim: %s', (text) => {
    const { vendor, platform } = selections(text);
    expect(platform).toEqual(vendor);
  });

  it('drops the always-holding keys and folds constants', () => {
    expect(ksqlToQuery(parse("(and geo_block='1' parental_rules='2')"), ids)).toBeUndefined();
    expect(ksqlToQuery(parse("(and geo_block='1' name='x')"), ids)).toEqual({ field: 'title', op: 'eq', value: 'x' });
    expect(ksqlToQuery(parse("(or asset_type='nothing' name='x')"), ids)).toEqual({ field: 'title', op: 'eq', value: 'x' });
    expect(ksqlToQuery(parse("(and asset_type='nothing' name='x')"), ids)).toEqual({ any: [] });
  });

  it('keeps a long media_id OR within the platform query budget (one node per id)', () => {
    const ksql = `(or ${Array.from({ length: 110 }, (_, i) => `media_id='${480001 + i}'`).join(' ')})`;
    expect(ksql.length).toBeLessThanOrEqual(2048);
    const { vendor, platform } = selections(ksql);
    expect(vendor).toHaveLength(110);
    expect(platform).toEqual(vendor);
  });

  it('flattens nested groups of the same kind', () => {
    expect(ksqlToQuery(parse("(and (and a='1' b='2') c+)"), ids)).toEqual({
      all: [
        { field: 'attributeOrLabel.a', op: 'eq', value: '1' },
        { field: 'attributeOrLabel.b', op: 'eq', value: '2' },
        { field: 'attributeOrLabel.c', op: 'exists' },
      ],
    });
  });
});
