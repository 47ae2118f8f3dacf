/** The plan's content for one park, section by section (goals, location, industries, six-in-one, supporting). */
import type { ParkContent, Quantity, Target } from '../../data/content-schema.ts';
import { SIX_IN_ONE_ELEMENTS, SUPPORTING_CATEGORIES } from '../../data/vocabulary.ts';
import { INDUSTRY_TAG_NAMES } from '../../i18n/industry-tags.ts';
import { type Translator, useLang } from '../../i18n/use-lang.ts';

function quantityText(q: Quantity, tr: Translator): string {
  const range = q.valueMax !== undefined ? `${tr.n(q.value)}–${tr.n(q.valueMax)}` : tr.n(q.value);
  const qualifier = q.qualifier ? `${tr.t(`qualifier.${q.qualifier}`)} ` : '';
  const label = q.label ? `${tr.b(q.label)}: ` : '';
  return `${label}${qualifier}${range} ${tr.b(q.unit)}`;
}

export function targetValueText(target: Target, tr: Translator): string {
  const qualifier = target.qualifier ? `${tr.t(`qualifier.${target.qualifier}`)} ` : '';
  return `${qualifier}${tr.n(target.value)} ${tr.b(target.unit)}`;
}

export function GoalsSection({ content }: { content: ParkContent }) {
  const tr = useLang();
  const { t, b } = tr;
  const { targets, milestones } = content.goals;
  return (
    <section className="park-panel__section" aria-labelledby="goals-heading">
      <h3 id="goals-heading">{t('content.goals')}</h3>
      <p>{b(content.goals.summary)}</p>
      {targets.length > 0 ? (
        <table className="data-table" data-testid="targets-table">
          <caption className="visually-hidden">{t('content.targets')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('content.metric')}</th>
              <th scope="col">{t('content.value')}</th>
              <th scope="col">{t('content.year')}</th>
            </tr>
          </thead>
          <tbody>
            {targets.map((target) => (
              <tr key={target.id}>
                <th scope="row">
                  {b(target.metric)}
                  {target.scope ? <span className="muted"> · {b(target.scope)}</span> : null}
                </th>
                <td className="num">{targetValueText(target, tr)}</td>
                <td className="num">{target.year ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {milestones && milestones.length > 0 ? (
        <>
          <h4>{t('content.milestones')}</h4>
          <ul className="milestones">
            {milestones.map((m) => (
              <li key={m.id}>
                <time dateTime={m.date}>{m.date}</time> {b(m.text)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export function OperatorSection({ content }: { content: ParkContent }) {
  const { t, b } = useLang();
  return (
    <dl className="facts">
      {content.coordinatingUnit ? (
        <div>
          <dt>{t('content.coordinatingUnit')}</dt>
          <dd>{b(content.coordinatingUnit)}</dd>
        </div>
      ) : null}
      {content.operator !== undefined ? (
        <div>
          <dt>{t('content.operator')}</dt>
          <dd>{content.operator ? b(content.operator) : t('content.operatorNone')}</dd>
        </div>
      ) : null}
    </dl>
  );
}

export function LocationSection({ content }: { content: ParkContent }) {
  const { t, b, n, lang } = useLang();
  const { location } = content;
  return (
    <section className="park-panel__section" aria-labelledby="location-heading">
      <h3 id="location-heading">{t('content.location')}</h3>
      <blockquote className="plan-quote" lang="zh-CN">
        {location.text.zh}
      </blockquote>
      {lang === 'en' ? <p className="plan-quote__translation">{location.text.en}</p> : null}
      {location.limits.length > 0 ? (
        <ul className="limits">
          {location.limits.map((limit) => (
            <li key={`${limit.side}-${limit.name.zh}`}>
              <span className="limits__side">{t(`side.${limit.side}`)}</span> {b(limit.name)}
            </li>
          ))}
        </ul>
      ) : null}
      {location.phases && location.phases.length > 0 ? (
        <>
          <h4>{t('content.phases')}</h4>
          <ul className="limits">
            {location.phases.map((phase) => (
              <li key={phase.name.zh}>
                <strong>{b(phase.name)}</strong> · {n(phase.areaKm2)} {t('units.km2')}
                {phase.limits?.length
                  ? ` · ${phase.limits.map((l) => `${t(`side.${l.side}`)} ${b(l.name)}`).join(lang === 'zh' ? '，' : '; ')}`
                  : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export function LeadIndustriesSection({ content }: { content: ParkContent }) {
  const { t, b } = useLang();
  return (
    <section className="park-panel__section" aria-labelledby="industries-heading">
      <h3 id="industries-heading">{t('content.leadIndustries')}</h3>
      <p>{b(content.leadIndustriesText)}</p>
      <ul className="chips">
        {content.leadIndustries.map((industry) => (
          <li
            key={industry.id}
            className="chip"
            title={industry.tags.map((tag) => b(INDUSTRY_TAG_NAMES[tag])).join(' · ')}
          >
            {b(industry.name)}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function SixInOneSection({ content }: { content: ParkContent }) {
  const { t, b } = useLang();
  const namedCount = SIX_IN_ONE_ELEMENTS.filter((e) => content.sixInOne[e].named).length;
  return (
    <section className="park-panel__section" aria-labelledby="six-heading">
      <h3 id="six-heading">
        {t('content.sixInOne')} <span className="muted">{namedCount} / 6</span>
      </h3>
      <ul className="scorecard" data-testid="six-in-one">
        {SIX_IN_ONE_ELEMENTS.map((element) => {
          const entry = content.sixInOne[element];
          return (
            <li key={element} className={`scorecard__cell${entry.named ? ' is-named' : ''}`}>
              <span className="scorecard__mark" aria-hidden="true">
                {entry.named ? '✓' : '–'}
              </span>
              <span className="scorecard__name">{t(`six.${element}`)}</span>
              <span className="visually-hidden">
                {entry.named ? t('content.sixInOne.named') : t('content.sixInOne.notNamed')}
              </span>
              <span className="scorecard__note">{b(entry.note)}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function SupportingSection({
  content,
  onShowFacility,
}: {
  content: ParkContent;
  onShowFacility?: (id: string) => void;
}) {
  const tr = useLang();
  const { t, b } = tr;
  const categories = SUPPORTING_CATEGORIES.filter((c) => (content.supporting[c]?.length ?? 0) > 0);
  return (
    <section className="park-panel__section" aria-labelledby="supporting-heading">
      <h3 id="supporting-heading">{t('content.supporting')}</h3>
      {categories.map((category) => (
        <div key={category} className="supporting-group" data-category={category}>
          <h4>{t(`category.${category}`)}</h4>
          <ul>
            {content.supporting[category]?.map((item) => (
              <li key={item.id} data-item-id={item.id}>
                {b(item.text)}
                {item.quantities?.length ? (
                  <span className="muted">
                    {' '}
                    ({item.quantities.map((q) => quantityText(q, tr)).join('; ')})
                  </span>
                ) : null}
                {onShowFacility && item.facilityIds?.length ? (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onShowFacility(item.facilityIds?.[0] ?? '')}
                  >
                    {t('content.facilities.showOnMap')}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
