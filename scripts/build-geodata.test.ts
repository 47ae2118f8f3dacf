import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PARK_IDS } from '../src/data/schemas.ts';
import { buildHubs } from './build/hubs.ts';
import { type AuthoredOutlines, buildParkEdges, buildParks } from './build/parks.ts';
import { mergePlanTransit } from './build/transit.ts';
import { build } from './build-geodata.ts';
import { areaKm2, decimals, kinkCount, signedRingArea } from './lib/geo.ts';
import { assembleLine, lineCodeFromName, normaliseStationName } from './lib/transit.ts';
import { buildWaterAreas } from './lib/water-areas.ts';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reference = process.env.GEODATA_REFERENCE ?? path.resolve(repo, '..', 'shared', 'geodata-reference');
const authored: AuthoredOutlines = JSON.parse(
  readFileSync(path.join(repo, 'geodata/authored/park-outlines.json'), 'utf8'),
);

describe('parks from the authored outlines', () => {
  const parks = buildParks(authored);

  it('gives the ten parks in plan order', () => {
    expect(parks.features.map((f) => f.properties.id)).toEqual([...PARK_IDS]);
  });

  it('keeps each drawn area within ±10 % of the stated one, with valid CCW rings and ≤ 6 decimals', () => {
    for (const f of parks.features) {
      expect(Math.abs(areaKm2(f.geometry) / f.properties.statedAreaKm2 - 1)).toBeLessThan(0.1);
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const rings of polys) {
        expect(signedRingArea(rings[0]!)).toBeGreaterThan(0);
        expect(kinkCount(rings)).toBe(0);
        for (const p of rings[0]!) expect(Math.max(decimals(p[0]!), decimals(p[1]!))).toBeLessThanOrEqual(6);
      }
      expect(f.properties.precision).toBe('digitised-from-plan-text');
      expect(f.properties.precisionNote?.zh).toContain('具体范围及面积在后续规划编制中明确');
      expect(f.properties.precisionNote?.en).toMatch(/Not an official boundary/);
    }
  });

  it('does not scale: each ring is its authored edges joined, vertex for vertex', () => {
    for (const [i, f] of parks.features.entries()) {
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      const authoredVertices = authored.parks[i]!.parts.map((part) =>
        part.edges.flatMap((e, k) => (k === 0 ? e.coordinates : e.coordinates.slice(1))),
      );
      expect(polys.map((rings) => rings[0])).toEqual(authoredVertices);
    }
  });

  it('classes parks 1, 3, 6, 9 as located and the others as text-only with an uncertainty', () => {
    const located = parks.features.filter((f) => f.properties.placement === 'located');
    expect(located.map((f) => f.properties.planOrder)).toEqual([1, 3, 6, 9]);
    for (const f of parks.features)
      if (f.properties.placement === 'text-only')
        expect(f.properties.positionUncertaintyM).toBeGreaterThan(0);
  });

  it('ships every edge with its limit, evidence and provenance', () => {
    const edges = buildParkEdges(authored);
    expect(edges.features).toHaveLength(
      authored.parks.flatMap((p) => p.parts.flatMap((x) => x.edges)).length,
    );
    const e = edges.features.find((f) => f.properties.id === 'nansha-ai:w')!;
    expect(e.properties.limit.zh).toBe('西至京珠高速');
    expect(e.properties.evidence).toBe('located');
    expect(e.properties.source).toBe('geodata-reference/basemap-context/roads_major_osm_wgs84.geojson');
    expect(e.properties.precisionNote.en).toMatch(/广澳高速 \(G0425\)/);
  });

  it('keeps park 2 as two phases of about 1.5 km², phase 1 south of phase 2', () => {
    const g = parks.features[1]!.geometry;
    expect(g.type).toBe('MultiPolygon');
    if (g.type !== 'MultiPolygon') return;
    const [p1, p2] = g.coordinates;
    for (const phase of [p1!, p2!])
      expect(Math.abs(areaKm2({ type: 'Polygon', coordinates: phase }) / 1.5 - 1)).toBeLessThan(0.1);
    const maxLat1 = Math.max(...p1![0]!.map((p) => p[1]!));
    const minLat2 = Math.min(...p2![0]!.map((p) => p[1]!));
    expect(maxLat1).toBeLessThan(minLat2);
  });

  it('puts park 9 on Guanzhou island', () => {
    const ring = (parks.features[8]!.geometry as { coordinates: number[][][] }).coordinates[0]!;
    for (const [lng, lat] of ring) {
      expect(lng).toBeGreaterThan(113.36);
      expect(lng).toBeLessThan(113.383);
      expect(lat).toBeGreaterThan(23.057);
      expect(lat).toBeLessThan(23.076);
    }
  });
});

describe('park outline validation', () => {
  it('refuses edges that do not chain, naming the park and edge', () => {
    const broken = structuredClone(authored);
    broken.parks[0]!.parts[0]!.edges[2]!.coordinates[0] = [113.35, 23.1];
    expect(() => buildParks(broken)).toThrow(
      /pazhou-internet part 0 edge s-located does not end where edge e begins/,
    );
  });

  it('refuses a self-intersecting ring', () => {
    const broken = structuredClone(authored);
    const w = broken.parks[0]!.parts[0]!.edges.find((e) => e.id === 'w')!;
    // A west edge that swings east across the whole park makes a bow-tie.
    w.coordinates.splice(1, 0, [113.36, 23.104]);
    expect(() => buildParks(broken)).toThrow(/pazhou-internet part 0 self-intersects/);
  });

  it('refuses a park whose placement does not match its evidence', () => {
    const broken = structuredClone(authored);
    broken.parks[1]!.placement = { class: 'located', note: { zh: '测试', en: 'test' } };
    expect(() => buildParks(broken)).toThrow(
      /zengcheng-new-display has placement located but 0 located edge/,
    );
  });
});

describe('transit assembly', () => {
  it('maps reference line names to official codes', () => {
    expect(lineCodeFromName('地铁3号线北延段(机场北(2号航站楼)-体育西路)')).toBe('3');
    expect(lineCodeFromName('14号线支线(知识城线)')).toBe('14');
    expect(lineCodeFromName('海珠有轨电车1号线(万胜围-广州塔)')).toBe('THZ1');
    expect(lineCodeFromName('佛山2号线')).toBe('F2');
    expect(lineCodeFromName('APM线')).toBe('APM');
    expect(normaliseStationName('机场北(T2)')).toBe(normaliseStationName('机场北(2号航站楼)'));
  });

  it('adds straight chains only for station pairs the track geometry does not cover', () => {
    const hk = [
      {
        properties: { line_name_zh: 'x', stations: ['A', 'B', 'C', 'D'] },
        geometry: {
          type: 'LineString' as const,
          coordinates: [
            [113.3, 23.1],
            [113.31, 23.1],
            [113.32, 23.1],
            [113.33, 23.1],
          ],
        },
      },
    ];
    const am = [
      {
        // skips C (sources disagree on a stop) and extends to E, F
        properties: { line_name_zh: 'x', stations: ['A', 'B', 'D', 'E', 'F'] },
        geometry: {
          type: 'LineString' as const,
          coordinates: [
            [113.3, 23.1],
            [113.31, 23.1],
            [113.33, 23.1],
            [113.34, 23.1],
            [113.35, 23.1],
          ],
        },
      },
    ];
    const r = assembleLine(hk, am);
    expect(r.parts).toHaveLength(2);
    expect(r.chainRuns).toEqual(['D–F']);
    expect(r.chainPairs).toBe(2);
  });
});

describe('plan-transit merge', () => {
  const line = () => ({
    type: 'Feature' as const,
    geometry: {
      type: 'LineString' as const,
      coordinates: [
        [113.3, 23.1],
        [113.31, 23.1],
      ],
    },
    properties: {
      id: 'line-18',
      name: { zh: '十八号线', en: 'Line 18' },
      mode: 'metro' as const,
      colour: '#364C9C',
      status: 'open' as const,
      parkIds: [],
      source: 'hkust-baidu-2024',
      precision: 'reference' as const,
    },
  });

  it('applies annotations and keeps status open', () => {
    const r = mergePlanTransit([line()], [], {
      annotations: [
        {
          lineId: 'line-18',
          parkIds: ['pazhou-internet'],
          planStatus: 'planned',
          planText: { zh: '规划地铁18号线', en: 'Line 18 planned' },
        },
      ],
    });
    expect(r.lines[0]!.properties).toMatchObject({
      parkIds: ['pazhou-internet'],
      planStatus: 'planned',
      status: 'open',
    });
  });

  it('fails on an annotation for an unknown line, naming it', () => {
    expect(() => mergePlanTransit([line()], [], { annotations: [{ lineId: 'line-19' }] })).toThrow(
      /unknown lineId "line-19"/,
    );
  });

  it('appends plan lines and rejects ids without the plan- prefix', () => {
    const extra = {
      ...line(),
      properties: { ...line().properties, id: 'plan-metro-19', precision: 'schematic' as const },
    };
    const r = mergePlanTransit([line()], [], { lines: { type: 'FeatureCollection', features: [extra] } });
    expect(r.lines.map((l) => l.properties.id)).toEqual(['line-18', 'plan-metro-19']);
    const bad = { ...extra, properties: { ...extra.properties, id: 'metro-19' } };
    expect(() =>
      mergePlanTransit([line()], [], { lines: { type: 'FeatureCollection', features: [bad] } }),
    ).toThrow(/must start with plan-/);
  });
});

describe.skipIf(!existsSync(path.join(reference, 'SOURCES.md')))('full build', () => {
  it('is deterministic and reproduces the committed files', async () => {
    const outs = [0, 1].map(() => {
      const out = mkdtempSync(path.join(tmpdir(), 'geodata-build-'));
      cpSync(path.join(repo, 'geodata/authored'), path.join(out, 'authored'), { recursive: true });
      return out;
    });
    try {
      for (const out of outs) await build(reference, out);
      const files = readdirSync(outs[0]!).filter((f) => f.endsWith('.geojson') || f.endsWith('.json'));
      expect(files.length).toBeGreaterThanOrEqual(9);
      for (const f of files) {
        const a = readFileSync(path.join(outs[0]!, f), 'utf8');
        expect(readFileSync(path.join(outs[1]!, f), 'utf8')).toBe(a);
        expect(readFileSync(path.join(repo, 'geodata', f), 'utf8')).toBe(a);
      }
    } finally {
      for (const out of outs) rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('water areas from shoreline lines', () => {
  const frame = { minLng: 113, minLat: 22, maxLng: 114, maxLat: 23 };
  // Mainland: land north of a coast that enters at the south edge and leaves at the south edge,
  // with land on the left of travel; one CCW island in the bay.
  const coast = [
    [113.2, 22],
    [113.3, 22.5],
    [113.7, 22.5],
    [113.8, 22],
  ];
  const island = [
    [113.45, 22.2],
    [113.55, 22.2],
    [113.55, 22.3],
    [113.45, 22.3],
    [113.45, 22.2],
  ];
  it('builds the bay minus the island', () => {
    const { sea, lakes } = buildWaterAreas(
      [
        { level: 1, coordinates: coast },
        { level: 1, coordinates: island },
      ],
      frame,
      0,
    );
    expect(lakes).toHaveLength(0);
    const bay = areaKm2({ type: 'Polygon', coordinates: [[...coast, [113.2, 22]]] });
    const isl = areaKm2({ type: 'Polygon', coordinates: [island] });
    expect(areaKm2(sea.geometry)).toBeCloseTo(bay - isl, 0);
  });
  it('refuses a clockwise island (orientation assumption broken)', () => {
    expect(() =>
      buildWaterAreas(
        [
          { level: 1, coordinates: coast },
          { level: 1, coordinates: island.slice().reverse() },
        ],
        frame,
        0,
      ),
    ).toThrow(/clockwise/);
  });
});

describe('hubs from the authored list', () => {
  const hub = (position: unknown, source = 'amap-2026') => ({
    description: 'test',
    datum: 'WGS-84',
    hubs: [
      {
        id: 'hub-test',
        kind: 'city-centre',
        name: { zh: '珠江新城', en: 'Zhujiang New Town' },
        position,
        source,
        precision: 'approximate',
        precisionNote: { zh: '测试', en: 'test' },
      },
    ],
  });
  const station = {
    type: 'Feature' as const,
    geometry: { type: 'Point' as const, coordinates: [113.3157971, 23.1219779] },
    properties: {
      id: 'st-zhujiangxincheng',
      name: { zh: '珠江新城', en: 'Zhujiang New Town' },
      lineIds: ['line-3'],
      status: 'open' as const,
      mode: 'metro' as const,
      parkIds: [],
      source: 'amap-2026',
      precision: 'located' as const,
    },
  };

  it('places a hub on its station, rounded to 6 decimals, with its own provenance', () => {
    const built = buildHubs(hub({ station: '珠江新城' }), reference, [station]);
    expect(built.features[0]).toEqual({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [113.315797, 23.121978] },
      properties: {
        id: 'hub-test',
        kind: 'city-centre',
        name: { zh: '珠江新城', en: 'Zhujiang New Town' },
        source: 'amap-2026',
        precision: 'approximate',
        precisionNote: { zh: '测试', en: 'test' },
      },
    });
  });

  it("refuses a hub whose source is not its station's, naming the hub", () => {
    expect(() => buildHubs(hub({ station: '珠江新城' }, 'osm'), reference, [station])).toThrow(
      /hub hub-test says source osm, its station 珠江新城 is amap-2026/,
    );
  });

  it('refuses a hub without provenance, or on a station that does not exist', () => {
    const noNote = hub({ station: '珠江新城' });
    delete (noNote.hubs[0] as { precisionNote?: unknown }).precisionNote;
    expect(() => buildHubs(noNote, reference, [station])).toThrow(/authored\/hubs\.json fails its schema/);
    expect(() => buildHubs(hub({ station: '不存在' }), reference, [station])).toThrow(
      /hub hub-test: station 不存在 not found/,
    );
  });
});
