/**
 * Content check: geodata/content/parks.json and plan.json against their schema AND against the plan
 * itself (穗府办函〔2018〕105号, plain text at PLAN_TEXT or ../shared/seed/… next to the repo), plus the
 * facilities layer (facilities.geojson, facilities-unplaced.json) and the links between them.
 *
 * Completeness rules (per park section of the plan):
 *  - the Chinese of goals, location, lead industries and every supporting item is verbatim plan text;
 *  - every number of the section appears in the park's content (zh text or a numeric field);
 *  - every number of 发展目标 is a target value/year or a milestone date (not just prose);
 *  - every counted figure of 配套建设内容 (2—3个, 5503个, 10%, 100亿元 …) is a supporting quantity;
 *  - every fragment of 配套建设内容 (split on 、，,；。:) keeps its key words in the supporting items.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pointToPolygonDistance } from '@turf/point-to-polygon-distance';
import type { z } from 'zod';
import {
  type ParkContent,
  ParksContentSchema,
  type PlanContent,
  PlanContentSchema,
} from '../../src/data/content-schema.ts';
import {
  AreaGeometrySchema,
  FacilitiesSchema,
  PARK_IDS,
  type ParkId,
  UnplacedFacilitiesSchema,
} from '../../src/data/schemas.ts';
import { isPrecisionNoteIssue, precisionNoteFindings } from './precision-note.ts';
import type { CheckFinding, DataCheck } from './types.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
export const DEFAULT_PLAN_TEXT = path.resolve(
  repoRoot,
  '..',
  'shared',
  'seed',
  'guangzhou-value-innovation-parks-plan-2018.zh.txt',
);
/** Approximate facilities must lie inside their park or within this distance of it. */
export const APPROX_MAX_KM = 1.5;

const PARKS = 'parks.json';
const PLAN = 'plan.json';
const FAC = 'facilities.geojson';
const UNPLACED = 'facilities-unplaced.json';

export interface ContentInputs {
  parks: unknown;
  plan: unknown;
  /** facilities.geojson; undefined = not built yet. */
  facilities?: unknown;
  unplaced?: unknown;
  /** parks.geojson (outlines), for the distance rule; undefined = not there yet. */
  parkOutlines?: unknown;
  /** Plan text; null = not found (completeness check skipped). */
  planText: string | null;
}

// ---------------------------------------------------------------- helpers
type Json = unknown;
type Path = (string | number)[];

export function fieldPath(p: readonly PropertyKey[]): string {
  let out = '';
  for (const k of p) {
    if (typeof k === 'number') out += `[${k}]`;
    else out += out ? `.${String(k)}` : String(k);
  }
  return out;
}

function isObj(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every {zh,en} object must have both, non-blank. */
function checkBilingual(root: Json, file: string, idOf: (p: Path) => string | undefined): CheckFinding[] {
  const out: CheckFinding[] = [];
  const walk = (v: Json, p: Path) => {
    if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) walk(x, [...p, i]);
    } else if (isObj(v)) {
      if ('zh' in v || 'en' in v) {
        for (const lang of ['zh', 'en'] as const) {
          const s = v[lang];
          if (typeof s !== 'string' || s.trim() === '') {
            out.push({
              level: 'error',
              file,
              featureId: idOf(p),
              field: fieldPath([...p.slice(idOf(p) !== undefined && typeof p[0] === 'number' ? 1 : 0), lang]),
              message: lang === 'en' ? 'missing English translation' : 'missing Chinese text',
            });
          }
        }
      }
      for (const [k, x] of Object.entries(v)) if (k !== 'zh' && k !== 'en') walk(x, [...p, k]);
    }
  };
  walk(root, []);
  return out;
}

function zodFindings(
  error: z.ZodError,
  file: string,
  idOf: (p: Path) => string | undefined,
  skipBilingualLeaves: boolean,
): CheckFinding[] {
  return error.issues
    .filter((i) => !(skipBilingualLeaves && ['zh', 'en'].includes(String(i.path.at(-1)))))
    .map((i) => {
      const p = i.path as Path;
      const id = idOf(p);
      return {
        level: 'error' as const,
        file,
        featureId: id,
        field: fieldPath(id !== undefined && typeof p[0] === 'number' ? p.slice(1) : p) || undefined,
        message: i.message,
      };
    });
}

const norm = (s: string) => s.replace(/\s+/g, '');

/** Numbers in a text: digits, with 万 expanded (3万 → 3 and 30000). */
export function numbersIn(text: string): { raw: string; values: number[]; at: number }[] {
  const out: { raw: string; values: number[]; at: number }[] = [];
  for (const m of text.matchAll(/\d+(?:\.\d+)?/g)) {
    const v = Number(m[0]);
    const next = text[(m.index ?? 0) + m[0].length];
    out.push({ raw: m[0], values: next === '万' ? [v, Math.round(v * 10000)] : [v], at: m.index ?? 0 });
  }
  return out;
}

function context(text: string, at: number): string {
  return text.slice(Math.max(0, at - 8), at + 12).replace(/\n/g, ' ');
}

/** All strings (zh only, or all) and numbers in a value. */
function collect(v: Json, zhOnly: boolean, strings: string[], nums: Set<number>, key = '') {
  if (typeof v === 'string') {
    if (!zhOnly || key === 'zh') strings.push(v);
  } else if (typeof v === 'number') nums.add(v);
  else if (Array.isArray(v)) for (const x of v) collect(x, zhOnly, strings, nums, key);
  else if (isObj(v)) for (const [k, x] of Object.entries(v)) collect(x, zhOnly, strings, nums, k);
}

// ---------------------------------------------------------------- plan text parsing
export interface ParkSection {
  heading: string;
  /** 发展目标, 综合协调单位/开发运营主体, 具体区位范围, 主导产业, 配套建设内容 bodies, by heading. */
  parts: { title: string; body: string }[];
  all: string;
}

const CN_NUM = '一二三四五六七八九十';

export function parseParkSections(planText: string): ParkSection[] {
  const start = planText.indexOf('二、重点建设园区');
  const end = planText.indexOf('三、主要任务');
  if (start < 0 || end < 0) return [];
  const block = planText.slice(start, end);
  const heads = [...block.matchAll(new RegExp(`^\\(([${CN_NUM}]+)\\)(.+?价值创新园)。\\s*$`, 'gm'))];
  return heads.map((h, i) => {
    const from = (h.index ?? 0) + h[0].length;
    const to = i + 1 < heads.length ? (heads[i + 1]!.index ?? block.length) : block.length;
    const body = block.slice(from, to);
    const subs = [...body.matchAll(/^(\d)\.(.+?)。\s*$/gm)];
    const parts = subs.map((s, j) => ({
      title: s[2]!,
      body: body
        .slice((s.index ?? 0) + s[0].length, j + 1 < subs.length ? subs[j + 1]!.index : body.length)
        .trim(),
    }));
    return { heading: h[2]!, parts, all: parts.map((p) => p.body).join('\n') };
  });
}

/** Words that may be trimmed off the edges of a fragment without losing what it names. */
const EDGE_WORDS = [
  '加快实施建设',
  '规划建设',
  '加快建设',
  '规划引进',
  '布局设置',
  '稳步推进',
  '高标准建设',
  '建设',
  '设置',
  '规划',
  '引进',
  '设立',
  '建立',
  '组建',
  '成立',
  '建成',
  '启动',
  '推动',
  '推进',
  '实施',
  '打造',
  '依托',
  '周边',
  '以及',
  '将',
  '并',
  '及',
  '和',
  '等',
  '由',
];

function trimEdges(s: string): string {
  let t = s.replace(/^[()“”"'\s]+|[()“”"'\s]+$/g, '');
  let changed = true;
  while (changed && t.length > 0) {
    changed = false;
    for (const w of EDGE_WORDS) {
      if (t.startsWith(w) && t.length > w.length + 1) {
        t = t.slice(w.length);
        changed = true;
      }
      if (t.endsWith(w) && t.length > w.length + 1) {
        t = t.slice(0, -w.length);
        changed = true;
      }
    }
    t = t.replace(/^[()“”"'\s]+|[()“”"'\s]+$/g, '');
  }
  return t;
}

/** Key-word segments of the 配套建设内容 text: fragments split on punctuation, figures cut out. */
export function supportingSegments(body: string): { fragment: string; key: string }[] {
  const out: { fragment: string; key: string }[] = [];
  for (const fragment of body.split(/[、,，;；。:：]/)) {
    const f = fragment.trim();
    if (!f) continue;
    // Figures, ranges and the connectors between named things (及, 以及, 和) separate key words.
    const pieces = f.split(/\d+(?:\.\d+)?(?:万平方米|亿元|万|[个家条所套位名座处米%])?|[—+~]|至|以及|及|和/);
    for (const piece of pieces) {
      const key = trimEdges(piece);
      if (key.length >= 2) out.push({ fragment: f, key });
    }
  }
  return out;
}

/** Counted figures of 配套建设内容: 2—3个, 5503个, 10%, 100亿元, 18.5万平方米, 10至15米 … */
export function countedFigures(body: string): { raw: string; values: number[]; at: number }[] {
  const out: { raw: string; values: number[]; at: number }[] = [];
  const re = /(\d+(?:\.\d+)?)(?:\s*[—至]\s*(\d+(?:\.\d+)?))?\s*(万平方米|亿元|万|[个家条所套位名座处米%])/g;
  for (const m of body.matchAll(re)) {
    const wan = m[3]!.startsWith('万');
    for (const g of [m[1], m[2]]) {
      if (g === undefined) continue;
      const v = Number(g);
      out.push({ raw: m[0], values: wan ? [v, Math.round(v * 10000)] : [v], at: m.index ?? 0 });
    }
  }
  return out;
}

// ---------------------------------------------------------------- park checks
function parkIdOf(parks: Json): (p: Path) => string | undefined {
  return (p) => {
    if (!Array.isArray(parks) || typeof p[0] !== 'number') return undefined;
    const park = parks[p[0]];
    return isObj(park) && typeof park.id === 'string' ? park.id : `#${p[0]}`;
  };
}

function allItems(park: ParkContent) {
  return Object.values(park.supporting).flatMap((items) => items ?? []);
}

function checkParkStructure(parks: ParkContent[]): CheckFinding[] {
  const out: CheckFinding[] = [];
  const err = (featureId: string, field: string, message: string) =>
    out.push({ level: 'error', file: PARKS, featureId, field, message });
  const seen = new Map<string, string>();
  parks.forEach((park, i) => {
    if (park.id !== PARK_IDS[i]) err(park.id, 'id', `park ${i + 1} should be ${PARK_IDS[i]} (plan order)`);
    if (park.planOrder !== i + 1) err(park.id, 'planOrder', `expected ${i + 1}`);
    if (!park.operator && !park.coordinatingUnit && park.operator !== null) {
      err(park.id, 'operator', 'neither operator nor coordinatingUnit (use operator: null for 暂无)');
    }
    const items = allItems(park);
    if (items.length === 0) err(park.id, 'supporting', 'no supporting items');
    const ids: [string, string][] = [
      ...park.goals.targets.map((t, j) => [t.id, `goals.targets[${j}].id`] as [string, string]),
      ...(park.goals.milestones ?? []).map((t, j) => [t.id, `goals.milestones[${j}].id`] as [string, string]),
      ...park.leadIndustries.map((t, j) => [t.id, `leadIndustries[${j}].id`] as [string, string]),
      ...Object.entries(park.supporting).flatMap(([c, list]) =>
        (list ?? []).map((t, j) => [t.id, `supporting.${c}[${j}].id`] as [string, string]),
      ),
    ];
    for (const [id, field] of ids) {
      const prev = seen.get(id);
      if (prev) err(park.id, field, `duplicate id ${id} (also ${prev})`);
      seen.set(id, `${park.id} ${field}`);
    }
    const known = new Set([...ids.map(([id]) => id), 'goals', 'operator', 'coordinatingUnit', 'location']);
    for (const [el, entry] of Object.entries(park.sixInOne)) {
      entry.evidenceIds.forEach((id, j) => {
        if (!known.has(id)) err(park.id, `sixInOne.${el}.evidenceIds[${j}]`, `unknown evidence id ${id}`);
      });
      if (entry.named && entry.evidenceIds.length === 0) {
        err(park.id, `sixInOne.${el}`, 'named: true needs evidence');
      }
    }
  });
  return out;
}

function checkParkAgainstPlan(park: ParkContent, section: ParkSection | undefined): CheckFinding[] {
  const out: CheckFinding[] = [];
  const err = (field: string, message: string) =>
    out.push({ level: 'error', file: PARKS, featureId: park.id, field, message });
  if (!section) {
    err('', `no section for park ${park.planOrder} found in the plan text`);
    return out;
  }
  if (norm(section.heading) !== norm(park.name.zh)) {
    err('name.zh', `plan heading is 「${section.heading}」, content has 「${park.name.zh}」`);
  }
  const part = (prefix: string) => section.parts.find((p) => p.title.startsWith(prefix))?.body ?? '';
  const goalsText = part('发展目标');
  const unitText = section.parts.find((p) => /综合协调单位|开发运营主体/.test(p.title))?.body ?? '';
  const locText = part('具体区位范围');
  const leadText = part('主导产业');
  const supText = part('配套建设内容');
  for (const [field, plan, mine] of [
    ['goals.summary.zh', goalsText, park.goals.summary.zh],
    ['location.text.zh', locText, park.location.text.zh],
    ['leadIndustriesText.zh', leadText, park.leadIndustriesText.zh],
  ] as const) {
    if (norm(plan) !== norm(mine)) err(field, 'not the verbatim text of the plan section');
  }
  // Units.
  if (/暂无/.test(unitText)) {
    if (park.operator !== null) err('operator', 'the plan says 暂无: operator must be null');
  } else {
    for (const [field, v] of [
      ['operator.zh', park.operator?.zh],
      ['coordinatingUnit.zh', park.coordinatingUnit?.zh],
    ] as const) {
      if (v && !norm(unitText).includes(norm(v))) err(field, `「${v}」 is not in the plan's unit text`);
    }
    const named = [park.operator?.zh, park.coordinatingUnit?.zh].filter(Boolean).join('');
    if (!named) err('operator', `the plan names 「${unitText}」`);
  }
  // Verbatim items and lead-industry names.
  const items = Object.entries(park.supporting).flatMap(([c, list]) =>
    (list ?? []).map((it, j) => ({ it, field: `supporting.${c}[${j}]` })),
  );
  for (const { it, field } of items) {
    if (!norm(supText).includes(norm(it.text.zh)))
      err(`${field}.text.zh`, `「${it.text.zh}」 is not verbatim plan text`);
  }
  park.leadIndustries.forEach((li, j) => {
    if (!norm(section.all).includes(norm(li.name.zh))) {
      err(`leadIndustries[${j}].name.zh`, `「${li.name.zh}」 is not in the plan's section`);
    }
  });
  // Numbers anywhere in the section must be in the content.
  const strings: string[] = [];
  const nums = new Set<number>();
  collect(park, true, strings, nums);
  for (const s of strings) for (const n of numbersIn(s)) for (const v of n.values) nums.add(v);
  for (const n of numbersIn(section.all)) {
    if (!n.values.some((v) => nums.has(v))) {
      err(
        '',
        `number ${n.raw} (「${context(section.all, n.at)}」) of the plan's section is missing from the content`,
      );
    }
  }
  // Figures of 发展目标 must be structured targets or milestones.
  const goalNums = new Set<number>();
  for (const t of park.goals.targets) {
    goalNums.add(t.value);
    if (t.year !== undefined) goalNums.add(t.year);
  }
  for (const m of park.goals.milestones ?? []) for (const x of m.date.split('-')) goalNums.add(Number(x));
  for (const n of numbersIn(goalsText)) {
    const before = goalsText[n.at - 1] ?? '';
    const after = goalsText[n.at + n.raw.length] ?? '';
    if (before === '第' || after === '代' || after === '+' || before === '+') continue; // ordinals, "1+N"
    if (!n.values.some((v) => goalNums.has(v))) {
      err(
        'goals.targets',
        `figure ${n.raw} (「${context(goalsText, n.at)}」) of 发展目标 is not a target or milestone`,
      );
    }
  }
  // Counted figures of 配套建设内容 must be quantities.
  const qty = new Set<number>();
  for (const { it } of items) {
    for (const q of it.quantities ?? []) {
      qty.add(q.value);
      if (q.valueMax !== undefined) qty.add(q.valueMax);
    }
  }
  for (const f of countedFigures(supText)) {
    if (!f.values.some((v) => qty.has(v))) {
      err('supporting', `figure 「${f.raw}」 of 配套建设内容 is not a quantity of any supporting item`);
    }
  }
  // Key words of every fragment must be in the supporting items (text or heading).
  const corpus = norm(items.map(({ it }) => `${it.heading.zh}\n${it.text.zh}`).join('\n'));
  for (const s of supportingSegments(supText)) {
    if (!corpus.includes(norm(s.key))) {
      err(
        'supporting',
        `「${s.key}」 (from 「${s.fragment}」) named in 配套建设内容 is missing from the supporting items`,
      );
    }
  }
  // Quantities should be readable in the English text.
  for (const { it, field } of items) {
    const en = it.text.en.replace(/(\d),(\d{3})/g, '$1$2');
    const enNums = new Set(numbersIn(en).flatMap((n) => n.values));
    (it.quantities ?? []).forEach((q, k) => {
      for (const v of [q.value, q.valueMax]) {
        if (v !== undefined && !enNums.has(v)) {
          out.push({
            level: 'warning',
            file: PARKS,
            featureId: park.id,
            field: `${field}.quantities[${k}]`,
            message: `figure ${v} does not appear in the English text`,
          });
        }
      }
    });
  }
  return out;
}

// ---------------------------------------------------------------- plan checks
interface TaskRef {
  number: number;
  title: string;
  group: number;
  groupTitle: string;
  body: string;
}

export function parseTasks(planText: string): TaskRef[] {
  const start = planText.indexOf('三、主要任务');
  const end = planText.indexOf('四、保障措施');
  if (start < 0 || end < 0) return [];
  const block = planText.slice(start, end);
  const marks = [...block.matchAll(new RegExp(`^(?:\\(([${CN_NUM}])\\)|(\\d+)\\.)(.+?)。\\s*$`, 'gm'))];
  const out: TaskRef[] = [];
  let group = 0;
  let groupTitle = '';
  marks.forEach((m, i) => {
    if (m[1]) {
      group = CN_NUM.indexOf(m[1]) + 1;
      groupTitle = m[3]!;
      return;
    }
    const from = (m.index ?? 0) + m[0].length;
    const to = i + 1 < marks.length ? marks[i + 1]!.index : block.length;
    out.push({ number: Number(m[2]), title: m[3]!, group, groupTitle, body: block.slice(from, to).trim() });
  });
  return out;
}

export function parseSafeguards(planText: string): { title: string; body: string }[] {
  const start = planText.indexOf('四、保障措施');
  if (start < 0) return [];
  const block = planText.slice(start);
  const marks = [...block.matchAll(new RegExp(`^\\(([${CN_NUM}])\\)(.+?)。\\s*$`, 'gm'))];
  return marks.map((m, i) => ({
    title: m[2]!,
    body: block
      .slice((m.index ?? 0) + m[0].length, i + 1 < marks.length ? marks[i + 1]!.index : undefined)
      .trim(),
  }));
}

/** Lead and assisting units named in the body's (牵头单位:…;配合单位:…) notes, without the 市 prefix. */
export function unitsIn(body: string): { lead: Set<string>; assist: Set<string> } {
  const lead = new Set<string>();
  const assist = new Set<string>();
  const split = (s: string, into: Set<string>) => {
    for (const u of s.split(/[、,，;；]/)) {
      const t = u.trim().replace(/^市/, '');
      if (t) into.add(t);
    }
  };
  for (const m of body.matchAll(/\(牵头单位:(.+?)[,;]配合单位:(.+?)\)/g)) {
    split(m[1]!, lead);
    split(m[2]!, assist);
  }
  return { lead, assist };
}

function compareUnits(
  out: CheckFinding[],
  featureId: string,
  field: string,
  mine: { zh: string }[],
  plan: Set<string>,
) {
  const have = new Set(mine.map((u) => u.zh.replace(/^市/, '')));
  for (const u of plan) {
    if (!have.has(u))
      out.push({ level: 'error', file: PLAN, featureId, field, message: `missing unit 「${u}」` });
  }
  for (const u of have) {
    if (!plan.has(u)) {
      out.push({
        level: 'error',
        file: PLAN,
        featureId,
        field,
        message: `unit 「${u}」 is not named in the plan`,
      });
    }
  }
}

function checkPlanAgainstText(plan: PlanContent, text: string): CheckFinding[] {
  const out: CheckFinding[] = [];
  const err = (featureId: string | undefined, field: string, message: string) =>
    out.push({ level: 'error', file: PLAN, featureId, field, message });
  const t = norm(text);
  for (const [field, v] of [
    ['title.zh', plan.title.zh],
    ['noticeTitle.zh', plan.noticeTitle.zh],
    ['documentNumber', plan.documentNumber],
    ['issuer.zh', plan.issuer.zh],
    ['purpose.zh', plan.purpose.zh],
    ['overallApproach.zh', plan.overallApproach.zh],
    ['overallGoal.zh', plan.overallGoal.zh],
    ['firstBatch.zh', plan.firstBatch.zh],
  ] as const) {
    if (!t.includes(norm(v))) err(undefined, field, 'not verbatim plan text');
  }
  const [y, mo, d] = plan.issuedDate.split('-').map(Number);
  if (!t.includes(`${y}年${mo}月${d}日`))
    err(undefined, 'issuedDate', `${plan.issuedDate} is not the plan's date`);
  const pub = plan.publishedDate.split('-');
  if (!t.includes(`发布时间:${pub[0]}年${pub[1]}月${pub[2]}日`)) {
    err(undefined, 'publishedDate', `${plan.publishedDate} is not the publication date`);
  }
  for (const el of plan.sixInOne)
    if (!plan.overallApproach.zh.includes(el.name.zh)) err(el.element, 'sixInOne', 'not in 总体思路');
  // Goals: every figure of 一(二) is a target value or year.
  const gStart = text.indexOf('(二)建设目标');
  const gEnd = text.indexOf('二、重点建设园区');
  const goalsBlock = text.slice(gStart, gEnd);
  const goalBodies = [...goalsBlock.matchAll(/^\d\.(.+?)。\s*$/gm)];
  if (goalBodies.length !== plan.goals.length)
    err(undefined, 'goals', `the plan has ${goalBodies.length} goals`);
  goalBodies.forEach((m, i) => {
    const g = plan.goals[i];
    if (g && norm(g.title.zh) !== norm(m[1]!)) err(g.id, 'title.zh', `plan goal ${i + 1} is 「${m[1]}」`);
  });
  const nums = new Set<number>();
  for (const g of plan.goals) {
    if (!t.includes(norm(g.text.zh))) err(g.id, 'text.zh', 'not verbatim plan text');
    for (const x of g.targets) {
      nums.add(x.value);
      if (x.year !== undefined) nums.add(x.year);
    }
    for (const c of g.commitments ?? []) {
      if (c.year !== undefined) nums.add(c.year);
      if (!norm(g.text.zh).includes(norm(c.text.zh)))
        err(g.id, 'commitments', `「${c.text.zh}」 not in the goal text`);
    }
  }
  const goalsOnly = goalsBlock.replace(/^\d\..+?。\s*$/gm, '');
  for (const n of numbersIn(goalsOnly)) {
    if (!n.values.some((v) => nums.has(v))) {
      err(
        'goals',
        'targets',
        `figure ${n.raw} (「${context(goalsOnly, n.at)}」) of 建设目标 is not a target`,
      );
    }
  }
  // Tasks.
  const tasks = parseTasks(text);
  const mine = plan.taskGroups.flatMap((g) => g.tasks.map((task) => ({ task, group: g })));
  if (tasks.length !== mine.length)
    err(undefined, 'taskGroups', `the plan has ${tasks.length} tasks, content ${mine.length}`);
  for (const ref of tasks) {
    const hit = mine.find((m) => m.task.number === ref.number);
    const id = `task-${ref.number}`;
    if (!hit) {
      err(id, 'taskGroups', `task ${ref.number} 「${ref.title}」 is missing`);
      continue;
    }
    if (norm(hit.task.title.zh) !== norm(ref.title)) err(id, 'title.zh', `plan title is 「${ref.title}」`);
    if (hit.group.number !== ref.group)
      err(id, 'group', `belongs to group ${ref.group} 「${ref.groupTitle}」`);
    if (norm(hit.group.title.zh) !== norm(ref.groupTitle))
      err(id, 'group.title.zh', `plan group title is 「${ref.groupTitle}」`);
    const body = norm(ref.body);
    for (const sentence of hit.task.summary.zh.split('。')) {
      if (sentence && !body.includes(norm(sentence)))
        err(id, 'summary.zh', `「${sentence.slice(0, 20)}…」 is not in the task text`);
    }
    const units = unitsIn(ref.body);
    compareUnits(out, id, 'leadUnits', hit.task.leadUnits, units.lead);
    compareUnits(out, id, 'assistingUnits', hit.task.assistingUnits, units.assist);
  }
  // Safeguards.
  const sg = parseSafeguards(text);
  if (sg.length !== plan.safeguards.length)
    err(undefined, 'safeguards', `the plan has ${sg.length} safeguard measures`);
  sg.forEach((ref, i) => {
    const s = plan.safeguards[i];
    const id = `safeguard-${i + 1}`;
    if (!s) return;
    if (norm(s.title.zh) !== norm(ref.title)) err(id, 'title.zh', `plan title is 「${ref.title}」`);
    if (!norm(ref.body).includes(norm(s.summary.zh))) err(id, 'summary.zh', 'not verbatim plan text');
    const units = unitsIn(ref.body);
    compareUnits(out, id, 'leadUnits', s.leadUnits, units.lead);
    compareUnits(out, id, 'assistingUnits', s.assistingUnits, units.assist);
  });
  return out;
}

// ---------------------------------------------------------------- facilities
function checkFacilities(inputs: ContentInputs, parks: ParkContent[] | null): CheckFinding[] {
  const out: CheckFinding[] = [];
  if (inputs.facilities === undefined) {
    out.push({
      level: 'warning',
      file: FAC,
      message: 'facilities.geojson not built (npx tsx scripts/build-facilities.ts)',
    });
    return out;
  }
  const fac = FacilitiesSchema.safeParse(inputs.facilities);
  const facIdOf = (p: Path) => {
    const f = (inputs.facilities as { features?: Json[] })?.features?.[p[1] as number];
    return isObj(f) && isObj(f.properties) && typeof f.properties.id === 'string'
      ? f.properties.id
      : undefined;
  };
  // Precision notes ({ zh, en }; required for approximate positions), named precisionNote.zh / .en.
  const rawFeatures = (inputs.facilities as { features?: Json[] })?.features;
  for (const [i, f] of (Array.isArray(rawFeatures) ? rawFeatures : []).entries()) {
    const props = isObj(f) && isObj(f.properties) ? f.properties : undefined;
    out.push(
      ...precisionNoteFindings(FAC, facIdOf(['features', i]) ?? `#${i}`, props?.precisionNote, {
        required: props?.precision === 'approximate',
        requiredBecause: 'approximate position needs a note',
      }),
    );
  }
  if (!fac.success) {
    const issues = fac.error.issues.filter((i) => !isPrecisionNoteIssue(i.path));
    if (issues.length) out.push(...zodFindings({ issues } as z.ZodError, FAC, facIdOf, false));
    return out;
  }
  const unplaced = UnplacedFacilitiesSchema.safeParse(inputs.unplaced ?? []);
  if (!unplaced.success) {
    out.push(
      ...zodFindings(
        unplaced.error,
        UNPLACED,
        (p) => {
          const u = (inputs.unplaced as Json[])?.[p[0] as number];
          return isObj(u) && typeof u.id === 'string' ? u.id : undefined;
        },
        false,
      ),
    );
    return out;
  }
  const ids = new Map<string, string>();
  const itemIds = new Set(parks?.flatMap((p) => allItems(p).map((i) => i.id)) ?? []);
  const itemFacilities = new Map(
    parks?.flatMap((p) => allItems(p).map((i) => [i.id, i.facilityIds ?? []] as const)) ?? [],
  );
  const itemPark = new Map(parks?.flatMap((p) => allItems(p).map((i) => [i.id, p.id] as const)) ?? []);
  const add = (id: string, file: string, parkId: ParkId, refs: string[] | undefined) => {
    if (ids.has(id))
      out.push({
        level: 'error',
        file,
        featureId: id,
        field: 'id',
        message: `duplicate id (also in ${ids.get(id)})`,
      });
    ids.set(id, file);
    (refs ?? []).forEach((r, k) => {
      if (parks && !itemIds.has(r)) {
        out.push({
          level: 'error',
          file,
          featureId: id,
          field: `itemIds[${k}]`,
          message: `unknown supporting item ${r}`,
        });
      } else if (parks && !itemFacilities.get(r)?.includes(id)) {
        out.push({
          level: 'error',
          file,
          featureId: id,
          field: `itemIds[${k}]`,
          message: `item ${r} does not list ${id} in its facilityIds`,
        });
      } else if (parks && itemPark.get(r) !== parkId) {
        out.push({
          level: 'error',
          file,
          featureId: id,
          field: `itemIds[${k}]`,
          message: `item ${r} belongs to ${itemPark.get(r)}`,
        });
      }
    });
  };
  for (const f of fac.data.features) {
    const p = f.properties;
    add(p.id, FAC, p.parkId, p.itemIds);
    if (p.precision !== 'located' && p.precision !== 'approximate') {
      out.push({
        level: 'error',
        file: FAC,
        featureId: p.id,
        field: 'precision',
        message: 'facilities are located or approximate',
      });
    }
  }
  for (const u of unplaced.data) add(u.id, UNPLACED, u.parkId, u.itemIds);
  // Content → facility links.
  for (const park of parks ?? []) {
    for (const [c, list] of Object.entries(park.supporting)) {
      (list ?? []).forEach((it, j) => {
        (it.facilityIds ?? []).forEach((fid, k) => {
          if (!ids.has(fid)) {
            out.push({
              level: 'error',
              file: PARKS,
              featureId: park.id,
              field: `supporting.${c}[${j}].facilityIds[${k}]`,
              message: `facility ${fid} is neither in ${FAC} nor in ${UNPLACED}`,
            });
          }
        });
      });
    }
  }
  // Distance to the park outline.
  if (inputs.parkOutlines === undefined) {
    out.push({
      level: 'info',
      file: FAC,
      message: 'parks.geojson not found: distance of approximate facilities to their park not checked',
    });
  } else {
    const outlines = new Map<string, z.infer<typeof AreaGeometrySchema>>();
    const feats = (inputs.parkOutlines as { features?: Json[] })?.features ?? [];
    for (const f of feats) {
      if (!isObj(f) || !isObj(f.properties)) continue;
      const g = AreaGeometrySchema.safeParse(f.geometry);
      if (g.success && typeof f.properties.id === 'string') outlines.set(f.properties.id, g.data);
    }
    for (const f of fac.data.features) {
      const p = f.properties;
      const outline = outlines.get(p.parkId);
      if (!outline) continue;
      const km = Math.max(
        0,
        pointToPolygonDistance(f.geometry.coordinates.slice(0, 2), outline, { units: 'kilometers' }),
      );
      if (p.precision === 'approximate' && km > APPROX_MAX_KM) {
        out.push({
          level: 'error',
          file: FAC,
          featureId: p.id,
          field: 'geometry',
          message: `approximate facility is ${km.toFixed(2)} km from park ${p.parkId} (max ${APPROX_MAX_KM} km)`,
        });
      } else if (p.precision === 'located' && km > 5) {
        out.push({
          level: 'warning',
          file: FAC,
          featureId: p.id,
          field: 'geometry',
          message: `located facility is ${km.toFixed(1)} km from park ${p.parkId}`,
        });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- entry points
export function checkContent(inputs: ContentInputs): CheckFinding[] {
  const out: CheckFinding[] = [];
  const parkId = parkIdOf(inputs.parks);
  out.push(...checkBilingual(inputs.parks, PARKS, parkId));
  const parks = ParksContentSchema.safeParse(inputs.parks);
  if (!parks.success) out.push(...zodFindings(parks.error, PARKS, parkId, true));
  out.push(...checkBilingual(inputs.plan, PLAN, () => undefined));
  const plan = PlanContentSchema.safeParse(inputs.plan);
  if (!plan.success) out.push(...zodFindings(plan.error, PLAN, () => undefined, true));

  if (parks.success) out.push(...checkParkStructure(parks.data));
  if (inputs.planText === null) {
    out.push({
      level: 'info',
      file: PARKS,
      message: 'plan text not found (PLAN_TEXT): completeness check skipped',
    });
  } else {
    const sections = parseParkSections(inputs.planText);
    if (sections.length !== 10) {
      out.push({
        level: 'error',
        file: PARKS,
        message: `found ${sections.length} park sections in the plan text, expected 10`,
      });
    }
    if (parks.success) {
      for (const [i, p] of parks.data.entries()) out.push(...checkParkAgainstPlan(p, sections[i]));
    }
    if (plan.success) out.push(...checkPlanAgainstText(plan.data, inputs.planText));
  }
  out.push(...checkFacilities(inputs, parks.success ? parks.data : null));
  return out;
}

function readJson(file: string): unknown {
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
}

export function loadInputs(geodataDir: string): ContentInputs {
  const planPath = process.env.PLAN_TEXT ? path.resolve(process.env.PLAN_TEXT) : DEFAULT_PLAN_TEXT;
  return {
    parks: readJson(path.join(geodataDir, 'content', PARKS)),
    plan: readJson(path.join(geodataDir, 'content', PLAN)),
    facilities: readJson(path.join(geodataDir, FAC)),
    unplaced: readJson(path.join(geodataDir, UNPLACED)),
    parkOutlines: readJson(path.join(geodataDir, 'parks.geojson')),
    planText: fs.existsSync(planPath) ? fs.readFileSync(planPath, 'utf8') : null,
  };
}

const check: DataCheck = (geodataDir) => {
  const inputs = loadInputs(geodataDir);
  const missing: CheckFinding[] = [];
  if (inputs.parks === undefined)
    missing.push({ level: 'error', file: PARKS, message: 'content/parks.json is missing' });
  if (inputs.plan === undefined)
    missing.push({ level: 'error', file: PLAN, message: 'content/plan.json is missing' });
  if (missing.length) return missing;
  return checkContent(inputs);
};
export default check;
