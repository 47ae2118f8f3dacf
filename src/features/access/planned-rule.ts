import { PLANNED_STATION_MAX_DISTANCE_M } from '../../domain/proximity.ts';
import type { Translator } from '../../i18n/use-lang.ts';

/** "none within 10 km" / "10 公里内无规划站点": the distance comes from the rule's constant. */
export function noPlannedWithin(tr: Translator): string {
  return tr.t('promises.noPlannedWithin', { km: tr.n(PLANNED_STATION_MAX_DISTANCE_M / 1000, 0) });
}
