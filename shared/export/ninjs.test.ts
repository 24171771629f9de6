import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ArticleBody } from '../model/document';
import { auditHtml } from './__fixtures__/htmlAudit';
import { hostileInput, makeArticle, mara, sampleInput } from './__fixtures__/sampleArticle';
import { AI_POLICY_TRUST_ROLE, exportNinjs, exportNinjsJson, type NinjsVersion } from './ninjs';

const STANDARDS = new URL('../../../shared/standards/ninjs/', import.meta.url);

function validator(version: NinjsVersion) {
  const schema = JSON.parse(readFileSync(fileURLToPath(new URL(`ninjs-schema_${version}.json`, STANDARDS)), 'utf8')) as { $schema: string };
  expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  // `places[].geojson` refers to the GeoJSON schema online; tests run offline and export no places.
  ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json', type: 'object' });
  return ajv.compile(schema);
}
const validate = { '3.1': validator('3.1'), '2.2': validator('2.2') };

function expectValid(doc: unknown, version: NinjsVersion) {
  const ok = validate[version](doc);
  expect(validate[version].errors ?? [], JSON.stringify(validate[version].errors, null, 1)).toEqual([]);
  expect(ok).toBe(true);
}

const withImage: ArticleBody = [
  { type: 'paragraph', children: [{ text: 'Body.' }] },
  { type: 'image', assetId: 'gate', alt: 'The gate', caption: 'Raised', credit: 'Photo: A', children: [{ text: '' }] },
  { type: 'image', assetId: 'cdn', alt: '', caption: '', credit: '', children: [{ text: '' }] },
];

describe('exportNinjs', () => {
  it('validates against schemas that really reject the other version’s spelling', () => {
    expect(validate['3.1']({ uri: 'urn:x:y', pubstatus: 'usable' })).toBe(false);
    expect(validate['2.2']({ uri: 'urn:x:y', pubStatus: 'usable' })).toBe(false);
    expect(validate['3.1']({ uri: 'urn:x:y', pubStatus: 'usable' })).toBe(true);
  });

  for (const version of ['3.1', '2.2'] as const) {
    it(`writes a valid ninjs ${version} item for the seed article`, () => {
      const doc = exportNinjs(sampleInput(), version);
      expectValid(doc, version);
      expect(doc.uri).toBe('urn:newsroomdesk:article:a1b2c3d4-0000-4000-8000-000000000001');
      expect(doc.type).toBe('text');
      expect(doc.headlines).toEqual(
        expect.arrayContaining([expect.objectContaining({ role: 'main', value: 'Harbour City Votes to Build Flood Barrier After Decade of Debate' })]),
      );
      expect(doc.by).toBe('Mara Lindqvist');
      expect(doc.slugline).toBe('harbour-city-votes-to-build-flood-barrier');
      expect(doc.people).toEqual([{ name: 'Mara Lindqvist', rel: 'author', uri: 'urn:newsroomdesk:author:author-mara-lindqvist' }]);
      expect(doc.subjects).toEqual([
        { name: 'Climate', rel: 'section' },
        { name: 'flooding', rel: 'tag' },
        { name: 'local government', rel: 'tag' },
      ]);
      const body = (doc.bodies as Array<Record<string, unknown>>)[0]!;
      expect(body[version === '3.1' ? 'contentType' : 'contenttype']).toBe('text/html');
      expect(body.value).toContain('<aside class="promo-box">');
    });

    it(`writes a valid ninjs ${version} item for hostile content`, () => {
      const doc = exportNinjs(hostileInput(), version);
      expectValid(doc, version);
      const json = JSON.stringify(doc);
      expect(json).not.toMatch(/javascript:|data:text/i);
      expect(json).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
      const body = (doc.bodies as Array<{ value: string }>)[0]!.value;
      expect(auditHtml(body).problems).toEqual([]);
    });

    it(`carries images as associations in ${version}`, () => {
      const doc = exportNinjs(
        { article: makeArticle(withImage), authors: [mara], assetUrl: (id) => (id === 'cdn' ? 'https://cdn.example.org/a b.jpg' : `images/${id}.jpg`) },
        version,
      );
      expectValid(doc, version);
      const [local, remote] = doc.associations as Array<Record<string, unknown>>;
      expect(local).toMatchObject({ name: 'image-1', uri: 'urn:newsroomdesk:asset:gate', type: 'picture', by: 'Photo: A' });
      expect(local![version === '3.1' ? 'altIds' : 'altids']).toEqual([{ role: 'export-file', value: 'images/gate.jpg' }]);
      expect(remote!.renditions).toEqual([{ name: 'original', href: 'https://cdn.example.org/a%20b.jpg' }]);
    });
  }

  it('uses each version’s own property names', () => {
    const v3 = exportNinjs(sampleInput(), '3.1');
    const v2 = exportNinjs(sampleInput(), '2.2');
    expect(v3).toMatchObject({ firstCreated: '2025-05-07T18:30:00.000Z', versionCreated: '2025-05-08T09:15:00.000Z', pubStatus: 'usable' });
    expect(v2).toMatchObject({ firstcreated: '2025-05-07T18:30:00.000Z', versioncreated: '2025-05-08T09:15:00.000Z', pubstatus: 'usable' });
    expect(v3.trustIndicators).toEqual([{ role: AI_POLICY_TRUST_ROLE, title: 'AI as a newsroom tool', href: 'https://example.org/newsroom/ai-policy' }]);
    expect(v2.trustindicators).toEqual(v3.trustIndicators);
    expect(v2).not.toHaveProperty('trustIndicators');
  });

  it('carries the AI declaration', () => {
    const input = sampleInput({ aiDeclaration: { uses: ['drafting', 'translation'], tools: 'Model X', note: 'Checked by the desk.' } });
    const doc = exportNinjs(input);
    expectValid(doc, '3.1');
    expect(doc.infoSources).toEqual([
      { name: 'Model X', role: 'urn:newsroomdesk:ai-use:drafting', literal: 'drafting' },
      { name: 'Model X', role: 'urn:newsroomdesk:ai-use:translation', literal: 'translation' },
    ]);
    expect(doc.descriptions).toContainEqual({
      role: 'ai-use-declaration',
      contentType: 'text/plain',
      value: 'AI used for: drafting, translation. Tools: Model X. Note: Checked by the desk.',
    });
    expect(doc.digitalSourceType).toMatchObject({ uri: 'http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia' });
    expectValid(exportNinjs(input, '2.2'), '2.2');
  });

  it('withholds articles that are not approved', () => {
    expect(exportNinjs(sampleInput({ status: 'draft' })).pubStatus).toBe('withheld');
    expect(exportNinjs(sampleInput({ status: 'exported' }), '2.2').pubstatus).toBe('usable');
  });

  it('serialises to JSON', () => {
    expect(JSON.parse(exportNinjsJson(sampleInput(), '2.2'))).toEqual(exportNinjs(sampleInput(), '2.2'));
  });
});
