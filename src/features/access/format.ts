import type { Translator } from '../../i18n/use-lang.ts';

/** A distance in metres as "850 m" below 1 km and "12.3 km" above, in the reader's language. */
export function formatDistanceM(tr: Translator, distanceM: number): string {
  if (!Number.isFinite(distanceM)) return '—';
  if (distanceM < 1000) return `${tr.n(Math.round(distanceM / 10) * 10, 0)} ${tr.t('units.m')}`;
  return `${tr.n(distanceM / 1000, distanceM < 10_000 ? 2 : 1)} ${tr.t('units.km')}`;
}

/** A share 0–1 as a percentage. */
export function formatShare(tr: Translator, share: number): string {
  return `${tr.n(share * 100, 0)}%`;
}
