import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ParkContent, PlanContent } from '../../src/data/content-schema.ts';
import {
  type ContentInputs,
  checkContent,
  countedFigures,
  loadInputs,
  supportingSegments,
} from './content.ts';
import type { CheckFinding } from './types.ts';

const geodata = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'geodata');
const base = loadInputs(geodata);
const hasPlan = base.planText !== null;

function copy(): ContentInputs & { parks: ParkContent[]; plan: PlanContent } {
  return structuredClone(base) as ContentInputs & { parks: ParkContent[]; plan: PlanContent };
}
const errors = (f: CheckFinding[]) => f.filter((x) => x.level === 'error');
const park = (inputs: { parks: ParkContent[] }, id: string) => inputs.parks.find((p) => p.id === id)!;

describe('content check', () => {
  it('passes on the committed content', () => {
    expect(errors(checkContent(copy()))).toEqual([]);
  });

  it('reports a missing translation with park id and field path', () => {
    const c = copy();
    const t = park(c, 'huangpu-biotech').goals.targets[1]!;
    (t.unit as { en?: string }).en = undefined;
    const hit = errors(checkContent(c)).find((f) => f.field === 'goals.targets[1].unit.en');
    expect(hit).toMatchObject({
      file: 'parks.json',
      featureId: 'huangpu-biotech',
      message: 'missing English translation',
    });
  });

  it('reports a blank English text of a supporting item', () => {
    const c = copy();
    park(c, 'bio-island').supporting.transport![0]!.text.en = '  ';
    expect(errors(checkContent(c))).toContainEqual(
      expect.objectContaining({ featureId: 'bio-island', field: 'supporting.transport[0].text.en' }),
    );
  });

  it.runIf(hasPlan)('reports a removed supporting item (琶洲客运码头)', () => {
    const c = copy();
    const p = park(c, 'pazhou-internet');
    p.supporting.transport = p.supporting.transport!.filter((i) => i.id !== 'p1-ferry');
    const found = errors(checkContent(c)).filter((f) => f.featureId === 'pazhou-internet');
    expect(found.some((f) => f.message.includes('琶洲客运码头'))).toBe(true);
  });

  it.runIf(hasPlan)('reports a removed item without figures (广汕高铁)', () => {
    const c = copy();
    const p = park(c, 'zengcheng-new-display');
    p.supporting.transport = p.supporting.transport!.filter((i) => i.id !== 'p2-guangshan-hsr');
    expect(errors(checkContent(c)).some((f) => f.message.includes('广汕高铁'))).toBe(true);
  });

  it.runIf(hasPlan)('reports a removed target (琶洲西区 > 5000 亿元)', () => {
    const c = copy();
    const p = park(c, 'pazhou-internet');
    p.goals.targets = p.goals.targets.filter((t) => t.id !== 'p1-west-revenue-2025');
    const found = errors(checkContent(c));
    expect(found).toContainEqual(
      expect.objectContaining({
        featureId: 'pazhou-internet',
        field: 'goals.targets',
        message: expect.stringContaining('5000'),
      }),
    );
  });

  it.runIf(hasPlan)('reports a removed quantity (5503 parking spaces)', () => {
    const c = copy();
    const item = park(c, 'pazhou-internet').supporting.transport!.find((i) => i.id === 'p1-parking')!;
    item.quantities = undefined;
    expect(errors(checkContent(c)).some((f) => f.message.includes('5503'))).toBe(true);
  });

  it.runIf(hasPlan)('reports paraphrased Chinese', () => {
    const c = copy();
    park(c, 'nansha-ai').supporting.fund![0]!.text.zh = '设立人工智能产业母基金';
    expect(errors(checkContent(c)).some((f) => f.field === 'supporting.fund[0].text.zh')).toBe(true);
  });

  it.runIf(hasPlan)('reports a wrong or missing lead unit of a task', () => {
    const c = copy();
    const task = c.plan.taskGroups[0]!.tasks[0]!;
    task.leadUnits = [{ zh: '市财政局', en: 'Municipal Finance Bureau' }];
    const found = errors(checkContent(c)).filter((f) => f.featureId === 'task-1' && f.field === 'leadUnits');
    expect(found.map((f) => f.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('各区政府'), expect.stringContaining('财政局')]),
    );
  });

  it.runIf(hasPlan)('reports a missing plan goal target (绿地率 20%)', () => {
    const c = copy();
    c.plan.goals[4]!.targets = [];
    expect(errors(checkContent(c)).some((f) => f.file === 'plan.json' && f.message.includes('20'))).toBe(
      true,
    );
  });

  it('skips the completeness check with an info finding when the plan text is absent', () => {
    const c = copy();
    c.planText = null;
    const f = checkContent(c);
    expect(errors(f)).toEqual([]);
    expect(f.some((x) => x.level === 'info' && x.message.includes('skipped'))).toBe(true);
  });

  it('reports a facility id referenced by content that does not exist', () => {
    const c = copy();
    park(c, 'bio-island').supporting.transport![0]!.facilityIds = ['no-such-facility'];
    expect(errors(checkContent(c))).toContainEqual(
      expect.objectContaining({
        featureId: 'bio-island',
        message: expect.stringContaining('no-such-facility'),
      }),
    );
  });

  it('splits 配套建设内容 into key words and counted figures', () => {
    const keys = supportingSegments(
      '交通设施,设置机场候机点1个,规划地铁18、19号线,1条环区有轨电车线(6个有轨电车站)。',
    ).map((s) => s.key);
    expect(keys).toEqual(expect.arrayContaining(['交通设施', '机场候机点', '环区有轨电车线', '有轨电车站']));
    const figs = countedFigures('健康服务中心2—3个、停车位5503个,不低于10%,总建筑面积18.5万平方米').flatMap(
      (f) => f.values,
    );
    expect(figs).toEqual(expect.arrayContaining([2, 3, 5503, 10, 185000]));
  });
});

describe('facilities', () => {
  it.runIf(base.parkOutlines !== undefined)('reports an approximate facility far from its park', () => {
    const c = copy();
    const fc = c.facilities as {
      features: { properties: { id: string }; geometry: { coordinates: number[] } }[];
    };
    const f = fc.features.find((x) => x.properties.id === 'p9-hq-community')!;
    f.geometry.coordinates = [113.42, 23.07]; // ~5 km east of Bio-Island
    expect(errors(checkContent(c))).toContainEqual(
      expect.objectContaining({
        file: 'facilities.geojson',
        featureId: 'p9-hq-community',
        field: 'geometry',
      }),
    );
  });

  it('reports duplicate ids across placed and unplaced facilities', () => {
    const c = copy();
    const u = c.unplaced as { id: string }[];
    u[0]!.id = 'p1-parking-5503';
    expect(
      errors(checkContent(c)).some(
        (f) => f.featureId === 'p1-parking-5503' && f.message.includes('duplicate'),
      ),
    ).toBe(true);
  });

  type NoteFc = { features: { properties: { id: string; precisionNote?: unknown } }[] };
  const note = (c: ContentInputs, id: string) =>
    (c.facilities as NoteFc).features.find((x) => x.properties.id === id)!.properties;

  it.each(['zh', 'en'] as const)('reports a facility precision note with an empty %s', (lang) => {
    const c = copy();
    (note(c, 'p1-ferry-pier').precisionNote as Record<string, string>)[lang] = '';
    const found = errors(checkContent(c)).filter((f) => f.field?.includes('precisionNote'));
    expect(found).toEqual([
      expect.objectContaining({
        file: 'facilities.geojson',
        featureId: 'p1-ferry-pier',
        field: `precisionNote.${lang}`,
      }),
    ]);
  });

  it('reports an approximate facility without a note, or with an English-only string', () => {
    const c = copy();
    delete note(c, 'p1-ferry-pier').precisionNote;
    note(c, 'p1-parking-5503').precisionNote = 'English only';
    const found = errors(checkContent(c));
    expect(found).toContainEqual(
      expect.objectContaining({
        featureId: 'p1-ferry-pier',
        field: 'precisionNote',
        message: 'approximate position needs a note',
      }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ featureId: 'p1-parking-5503', field: 'precisionNote' }),
    );
  });

  it('build-facilities names the facility and field of a blank precision note language', async () => {
    const { buildFacilities } = await import('../build-facilities.ts');
    const fs = await import('node:fs');
    const authored = JSON.parse(fs.readFileSync(path.join(geodata, 'authored', 'facilities.json'), 'utf8'));
    authored.facilities.find((f: { id: string }) => f.id === 'p1-ferry-pier').precisionNote.zh = ' ';
    authored.facilities.find((f: { id: string }) => f.id === 'p1-parking-5503').precisionNote.en = '';
    let message = '';
    try {
      buildFacilities(authored);
    } catch (e) {
      message = String((e as Error).message);
    }
    expect(message).toContain('facility p1-ferry-pier › field precisionNote.zh');
    expect(message).toContain('facility p1-parking-5503 › field precisionNote.en');
  });

  it('build-facilities names the facility and field of a missing park id, category or precision', async () => {
    const { buildFacilities } = await import('../build-facilities.ts');
    const fs = await import('node:fs');
    const authored = JSON.parse(fs.readFileSync(path.join(geodata, 'authored', 'facilities.json'), 'utf8'));
    const one = authored.facilities.find((f: { id: string }) => f.id === 'p1-ferry-pier');
    delete one.parkId;
    delete one.category;
    delete one.precision;
    let message = '';
    try {
      buildFacilities(authored);
    } catch (e) {
      message = String((e as Error).message);
    }
    expect(message).toContain('facility p1-ferry-pier › field parkId');
    expect(message).toContain('facility p1-ferry-pier › field category');
    expect(message).toContain('facility p1-ferry-pier › field precision');
  });

  it('build-facilities is deterministic and rounds to 6 decimals', async () => {
    const { buildFacilities } = await import('../build-facilities.ts');
    const fs = await import('node:fs');
    const authored = JSON.parse(fs.readFileSync(path.join(geodata, 'authored', 'facilities.json'), 'utf8'));
    authored.facilities[0].coordinates = [113.1234567891, 23.1234564];
    const a = JSON.stringify(buildFacilities(authored));
    expect(a).toBe(JSON.stringify(buildFacilities(structuredClone(authored))));
    expect(a).toContain('[113.123457,23.123456]');
  });
});
