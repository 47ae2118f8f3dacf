import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { area, featureCollection, intersect } from '@turf/turf';
import type { Feature, Polygon, Position } from 'geojson';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATASETS } from '../../src/data/datasets.ts';
import { type AuthoredOutlines, buildParkEdges, buildParks } from '../build/parks.ts';
import { areaKm2 } from '../lib/geo.ts';
import { checkGeodata } from './geodata.ts';
import { locatedEdgeFindings, outlineFindings, type ReferenceReader } from './park-edges.ts';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const geodata = path.join(repo, 'geodata');
const reference = process.env.GEODATA_REFERENCE ?? path.resolve(repo, '..', 'shared', 'geodata-reference');
const authored: AuthoredOutlines = JSON.parse(
  readFileSync(path.join(geodata, 'authored', 'park-outlines.json'), 'utf8'),
);
const readGeo = (file: string) => JSON.parse(readFileSync(path.join(geodata, file), 'utf8'));
const errors = <F extends { level: string }>(findings: F[]) => findings.filter((f) => f.level === 'error');

/** About 100 m east at Guangzhou's latitude (1° of longitude ≈ 102.4 km at 23° N). */
const EAST_100_M = 100 / 102_400;
const shiftEast = (coordinates: Position[]) => coordinates.map(([lng, lat]) => [lng! + EAST_100_M, lat!]);

/** A reference file with one road, and an authored park whose located edge follows it. */
const road: Position[] = [
  [113.3, 23.1],
  [113.31, 23.1],
];
const fakeReader: ReferenceReader = (file) =>
  file === 'basemap-context/roads.geojson'
    ? {
        features: [
          {
            geometry: { type: 'LineString', coordinates: road },
            properties: { osm_id: 'way/1', name_zh: '某路' },
          },
        ],
      }
    : undefined;
const fakePark = (edge: Position[], offsetM?: number): AuthoredOutlines =>
  ({
    parks: [
      {
        id: 'pazhou-internet',
        parts: [
          {
            edges: [
              {
                id: 's',
                limit: { zh: '南至某路', en: 'south to a road' },
                evidence: {
                  kind: 'located',
                  file: 'basemap-context/roads.geojson',
                  feature: { osmIds: ['way/1'] },
                  ...(offsetM ? { offsetM } : {}),
                  note: { zh: '测试', en: 'test' },
                },
                coordinates: edge,
              },
            ],
          },
        ],
      },
    ],
  }) as unknown as AuthoredOutlines;

describe('located edges against their source features', () => {
  it('accepts an edge whose vertices are copied from its road', () => {
    expect(errors(locatedEdgeFindings(fakePark(road), fakeReader))).toEqual([]);
  });

  it('fails an edge moved 100 m off its road, naming the edge and the distance', () => {
    const moved = road.map(([lng, lat]) => [lng!, lat! + 100 / 110_750]);
    const e = errors(locatedEdgeFindings(fakePark(moved), fakeReader));
    expect(e).toHaveLength(2);
    expect(e[0]!.featureId).toBe('pazhou-internet:s');
    expect(e[0]!.message).toMatch(/lies 100 m from its source feature/);
  });

  it('measures an edge drawn at a stated offset from that offset', () => {
    const at70 = road.map(([lng, lat]) => [lng!, lat! - 70 / 110_750]);
    expect(errors(locatedEdgeFindings(fakePark(at70, 70), fakeReader))).toEqual([]);
    expect(errors(locatedEdgeFindings(fakePark(road, 70), fakeReader))).toHaveLength(2);
  });

  it('measures an edge that follows a polygon (a shore) to the boundary of the polygon, not its inside', () => {
    // A 1 km × 1 km water area whose south shore is the road's line.
    const water: Position[] = [...road, [113.31, 23.109], [113.3, 23.109], road[0]!];
    const polygonReader: ReferenceReader = (file) =>
      file === 'basemap-context/roads.geojson'
        ? {
            features: [
              {
                geometry: { type: 'Polygon', coordinates: [water] },
                properties: { osm_id: 'relation/1', name_zh: null },
              },
            ],
          }
        : undefined;
    const onShore = (edge: Position[]) => {
      const park = fakePark(edge);
      const ev = park.parks[0]!.parts[0]!.edges[0]!.evidence;
      if (ev.kind === 'located') ev.feature = { osmIds: ['relation/1'] };
      return errors(locatedEdgeFindings(park, polygonReader));
    };
    expect(onShore(road)).toEqual([]);
    // 300 m into the water: inside the polygon, but 300 m from its shore.
    const e = onShore([
      [113.304, 23.1 + 300 / 110_750],
      [113.306, 23.1 + 300 / 110_750],
    ]);
    expect(e).toHaveLength(2);
    expect(e[0]!.message).toMatch(/lies (299|300|301) m from its source feature/);
  });

  it('fails an edge whose source file or feature is not there', () => {
    const park = fakePark(road);
    const ev = park.parks[0]!.parts[0]!.edges[0]!.evidence;
    if (ev.kind === 'located') ev.feature = { osmIds: ['way/2'] };
    expect(errors(locatedEdgeFindings(park, fakeReader))[0]!.message).toMatch(/has no feature/);
    expect(errors(locatedEdgeFindings(park, () => undefined))[0]!.message).toMatch(/not found/);
  });

  describe.skipIf(!existsSync(reference))('with the reference folder', () => {
    const read: ReferenceReader = (file) => JSON.parse(readFileSync(path.join(reference, file), 'utf8'));

    it('finds every committed located edge within 50 m of its feature', () => {
      expect(errors(locatedEdgeFindings(authored, read))).toEqual([]);
    });

    it('keeps park 6 out of 沙湾水道: its north edge is the bank of the river polygon, not the centre line', () => {
      const river = read('basemap-context/water_areas_osm_wgs84.geojson')!.features.find(
        (f) => f.properties?.osm_id === 'relation/65070',
      )!;
      const park6 = readGeo('parks.geojson').features.find(
        (f: { properties: { id: string } }) => f.properties.id === 'nansha-ai',
      );
      const wet = intersect(featureCollection([park6, river as Feature<Polygon>]));
      expect(wet ? area(wet) : 0).toBeLessThan(1_000); // m²: rounding slivers at most
    });

    it('fails park 6 when its west edge (广澳高速) is moved 100 m east', () => {
      const moved = structuredClone(authored);
      const w = moved.parks[5]!.parts[0]!.edges.find((e) => e.id === 'w')!;
      w.coordinates = shiftEast(w.coordinates);
      const e = errors(locatedEdgeFindings(moved, read));
      expect(e.length).toBe(w.coordinates.length);
      expect(e.every((f) => f.featureId === 'nansha-ai:w')).toBe(true);
    });
  });
});

describe('outlines = their edges', () => {
  const parks = readGeo('parks.geojson');
  const edges = readGeo('park-edges.geojson');

  it('passes on the committed files', () => {
    expect(outlineFindings(authored, parks, edges)).toEqual([]);
  });

  it('fails a built ring that was scaled', () => {
    const scaled = structuredClone(parks);
    const ring = scaled.features[0].geometry.coordinates[0] as Position[];
    const [x0, y0] = ring[0]!;
    scaled.features[0].geometry.coordinates[0] = ring.map(([x, y]) => [
      x0! + (x! - x0!) * 1.02,
      y0! + (y! - y0!) * 1.02,
    ]);
    const e = outlineFindings(authored, scaled, edges);
    expect(e.map((f) => f.featureId)).toEqual(['pazhou-internet', 'pazhou-internet']);
    expect(e[0]!.message).toMatch(/not its authored edges joined/);
  });

  it('fails edges that no longer chain into the ring', () => {
    const broken = structuredClone(edges);
    const f = broken.features.find(
      (x: { properties: { id: string } }) => x.properties.id === 'tianhe-software:n',
    );
    f.geometry.coordinates = shiftEast(f.geometry.coordinates);
    const e = outlineFindings(authored, parks, broken);
    expect(e.find((x) => x.featureId === 'tianhe-software:n')?.message).toMatch(
      /differs from the authored edge/,
    );
    expect(e.find((x) => x.featureId === 'tianhe-software')?.message).toMatch(/do not chain/);
  });
});

describe('area audit of a redrawn park', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'park-edges-check-'));
    for (const f of [...DATASETS.map((d) => d.file), 'manifest.json', 'attribution.json'])
      copyFileSync(path.join(geodata, f), path.join(dir, f));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('fails park 1 drawn 15 % larger than the plan states (its west edge moved west)', () => {
    const wider = structuredClone(authored);
    const edgesOf = wider.parks[0]!.parts[0]!.edges;
    const at = (lng: number) => {
      for (const e of edgesOf)
        for (const p of e.coordinates) if (Math.abs(p[0]! - 113.33107) < 1e-9) p[0] = lng;
    };
    // Park 1 spans about 2.1 km E–W (north edge), so each 0.001° (≈ 102 m) adds about 0.13 km².
    at(113.3282);
    const built = buildParks(wider);
    const delta = areaKm2(built.features[0]!.geometry) / 2.1 - 1;
    expect(delta).toBeGreaterThan(0.13);
    expect(delta).toBeLessThan(0.17);
    writeFileSync(path.join(dir, 'parks.geojson'), JSON.stringify(built));
    writeFileSync(path.join(dir, 'park-edges.geojson'), JSON.stringify(buildParkEdges(wider)));
    const e = errors(checkGeodata(dir));
    expect(e.find((f) => f.featureId === 'pazhou-internet' && /limit ±10 %/.test(f.message))).toBeDefined();
  });
});
