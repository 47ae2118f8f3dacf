/** The measure tools' figures as text in the reader's language (units from src/domain/measure.ts). */
import type { AreaMeasure, DistanceMeasure } from '../../domain/measure.ts';
import type { Translator } from '../../i18n/use-lang.ts';

export interface FigureLine {
  unit: 'm' | 'km' | 'm2' | 'ha' | 'mu' | 'km2';
  text: string;
}

const sig = (value: number): number => (value >= 100 ? 0 : value >= 10 ? 1 : value >= 1 ? 2 : 3);

/** A length in km (3 significant-ish decimals) and in whole metres, the larger unit first from 1 km. */
export function distanceLines(tr: Translator, m: DistanceMeasure): FigureLine[] {
  const km: FigureLine = { unit: 'km', text: `${tr.n(m.lengthKm, sig(m.lengthKm))} ${tr.t('units.km')}` };
  const metres: FigureLine = {
    unit: 'm',
    text: `${tr.n(m.lengthM, m.lengthM < 10 ? 1 : 0)} ${tr.t('units.m')}`,
  };
  return m.lengthM >= 1000 ? [km, metres] : [metres, km];
}

/** An area in km², ha, 亩 and m², the most readable unit first. */
export function areaLines(tr: Translator, m: AreaMeasure): FigureLine[] {
  const lines: FigureLine[] = [
    { unit: 'km2', text: `${tr.n(m.areaKm2, sig(m.areaKm2) + 1)} ${tr.t('units.km2')}` },
    { unit: 'ha', text: `${tr.n(m.areaHa, sig(m.areaHa))} ${tr.t('units.ha')}` },
    { unit: 'mu', text: `${tr.n(m.areaMu, sig(m.areaMu))} ${tr.t('units.mu')}` },
    { unit: 'm2', text: `${tr.n(m.areaM2, 0)} m²` },
  ];
  return m.areaKm2 >= 1 ? lines : [lines[1]!, lines[2]!, lines[3]!, lines[0]!];
}

/** A perimeter or length as one figure: m below 1 km, km above. */
export function lengthText(tr: Translator, metres: number): string {
  return metres < 1000
    ? `${tr.n(metres, 0)} ${tr.t('units.m')}`
    : `${tr.n(metres / 1000, sig(metres / 1000))} ${tr.t('units.km')}`;
}
