// This page's strings load with it (kept out of the first-paint bundle).
import '../../i18n/page-messages.ts';
import { Suspense } from 'react';
import { Link } from 'react-router-dom';
import { ErrorBoundary } from '../../app/ErrorBoundary.tsx';
import { loadParkContent, loadPlanContent } from '../../data/content.ts';
import type { PlanContent } from '../../data/content-schema.ts';
import { loadParks } from '../../data/geodata.ts';
import type { Bilingual } from '../../data/schemas.ts';
import { useDataset } from '../../data/use-dataset.ts';
import { SIX_IN_ONE_ELEMENTS } from '../../data/vocabulary.ts';
import { useLang } from '../../i18n/use-lang.ts';
import { useViewState } from '../../url/use-view-state.ts';
import { hrefForState } from '../../url/view-state.ts';
import { targetValueText } from '../parks/ParkContentSections.tsx';
import { summariseParks } from '../parks/park-summaries.ts';
import { revenueTargetOf } from './park-targets.ts';

function Units({ label, units }: { label: string; units: Bilingual[] }) {
  const { b, lang } = useLang();
  if (units.length === 0) return null;
  return (
    <p className="units">
      <span className="units__label">{label}</span> {units.map((u) => b(u)).join(lang === 'zh' ? '、' : ', ')}
    </p>
  );
}

function ParksAtAGlance() {
  const tr = useLang();
  const { t, b, n } = tr;
  const { state } = useViewState();
  const parks = summariseParks(useDataset(loadParks));
  const content = useDataset(loadParkContent);
  return (
    <section className="plan-section" aria-labelledby="glance-heading">
      <h2 id="glance-heading">{t('plan.parksTable')}</h2>
      <div className="table-scroll">
        <table className="data-table" data-testid="parks-glance">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('parks.heading')}</th>
              <th scope="col">{t('parks.district')}</th>
              <th scope="col">{t('parks.stated')}</th>
              <th scope="col">{t('parks.computed')}</th>
              <th scope="col">{t('plan.revenueTarget')}</th>
              <th scope="col">{t('plan.outputDensity')}</th>
              <th scope="col">{t('plan.sixScore')}</th>
            </tr>
          </thead>
          <tbody>
            {parks.map((park) => {
              const c = content.find((x) => x.id === park.id);
              const revenue = c ? revenueTargetOf(c) : null;
              const six = c ? SIX_IN_ONE_ELEMENTS.filter((e) => c.sixInOne[e].named).length : null;
              return (
                <tr key={park.id}>
                  <td className="num">{park.properties.planOrder}</td>
                  <th scope="row">
                    <Link
                      to={hrefForState({ ...state, page: { kind: 'atlas', parkId: park.id }, camera: null })}
                    >
                      {b(park.properties.shortName)}
                    </Link>
                  </th>
                  <td>{b(park.properties.district)}</td>
                  <td className="num">{n(park.properties.statedAreaKm2)}</td>
                  <td className="num">{park.measures ? n(park.measures.areaKm2) : '—'}</td>
                  <td>{revenue ? `${targetValueText(revenue, tr)} (${revenue.year ?? '—'})` : '—'}</td>
                  <td className="num">
                    {revenue && revenue.unit.zh === '亿元'
                      ? `${n(revenue.value / park.properties.statedAreaKm2, 0)} ${b(revenue.unit)}/${t('units.km2')}`
                      : '—'}
                  </td>
                  <td className="num">{six === null ? '—' : `${six}/6`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function PlanBody({ plan }: { plan: PlanContent }) {
  const tr = useLang();
  const { t, b } = tr;
  return (
    <article className="plan-page" aria-labelledby="plan-title">
      <header className="plan-section">
        <h2 id="plan-title" className="plan-page__title">
          {b(plan.title)}
        </h2>
        <dl className="facts facts--inline">
          <div>
            <dt>{t('plan.documentNumber')}</dt>
            <dd>{plan.documentNumber}</dd>
          </div>
          <div>
            <dt>{t('plan.issuer')}</dt>
            <dd>{b(plan.issuer)}</dd>
          </div>
          <div>
            <dt>{t('plan.issued')}</dt>
            <dd>
              <time dateTime={plan.issuedDate}>{plan.issuedDate}</time>
            </dd>
          </div>
          <div>
            <dt>{t('plan.published')}</dt>
            <dd>
              <time dateTime={plan.publishedDate}>{plan.publishedDate}</time>
            </dd>
          </div>
        </dl>
        <p>{b(plan.purpose)}</p>
      </header>
      <section className="plan-section" aria-labelledby="approach-heading">
        <h2 id="approach-heading">{t('plan.approach')}</h2>
        <p>{b(plan.overallApproach)}</p>
        <h3>{t('plan.model')}</h3>
        <ol className="model">
          {plan.sixInOne.map((e) => (
            <li key={e.element}>{b(e.name)}</li>
          ))}
        </ol>
      </section>
      <section className="plan-section" aria-labelledby="goals-heading">
        <h2 id="goals-heading">{t('plan.goals')}</h2>
        <p>{b(plan.overallGoal)}</p>
        {plan.goals.map((goal, i) => (
          <div key={goal.id} className="plan-goal">
            <h3>
              {i + 1}. {b(goal.title)}
            </h3>
            <p>{b(goal.text)}</p>
            {goal.targets.length > 0 ? (
              <ul className="chips">
                {goal.targets.map((target) => (
                  <li key={target.id} className="chip chip--target">
                    {b(target.metric)}: {targetValueText(target, tr)}
                    {target.scope ? ` · ${b(target.scope)}` : ''}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ))}
        <h3>{t('plan.firstBatch')}</h3>
        <p>{b(plan.firstBatch)}</p>
      </section>
      <ParksAtAGlance />
      <section className="plan-section" aria-labelledby="tasks-heading">
        <h2 id="tasks-heading">{t('plan.tasks')}</h2>
        {plan.taskGroups.map((group) => (
          <div key={group.number} className="task-group">
            <h3>
              ({group.number}) {b(group.title)}
            </h3>
            <ol className="tasks" start={group.tasks[0]?.number}>
              {group.tasks.map((task) => (
                <li key={task.number} value={task.number} data-task={task.number}>
                  <h4>{b(task.title)}</h4>
                  <p>{b(task.summary)}</p>
                  {task.clauses?.length ? (
                    task.clauses.map((clause) => (
                      <div key={clause.summary.zh} className="task-clause">
                        <p>{b(clause.summary)}</p>
                        <Units label={t('plan.leadUnits')} units={clause.leadUnits} />
                        <Units label={t('plan.assistingUnits')} units={clause.assistingUnits} />
                      </div>
                    ))
                  ) : (
                    <>
                      <Units label={t('plan.leadUnits')} units={task.leadUnits} />
                      <Units label={t('plan.assistingUnits')} units={task.assistingUnits} />
                    </>
                  )}
                </li>
              ))}
            </ol>
          </div>
        ))}
      </section>
      <section className="plan-section" aria-labelledby="safeguards-heading">
        <h2 id="safeguards-heading">{t('plan.safeguards')}</h2>
        {plan.safeguards.map((s) => (
          <div key={s.number}>
            <h3>
              ({s.number}) {b(s.title)}
            </h3>
            <p>{b(s.summary)}</p>
            <Units label={t('plan.leadUnits')} units={s.leadUnits} />
            <Units label={t('plan.assistingUnits')} units={s.assistingUnits} />
          </div>
        ))}
        <p className="muted">
          {t('plan.source')}: <span>{plan.sourceUrl}</span>
        </p>
      </section>
    </article>
  );
}

function LoadedPlan() {
  const plan = useDataset(loadPlanContent);
  return <PlanBody plan={plan} />;
}

/** The plan page: the whole programme — goals, the model, the 20 tasks and the safeguards. */
export function PlanPage() {
  const { t } = useLang();
  return (
    <div className="page-scroll">
      <ErrorBoundary fallback={(message) => <p role="alert">{message}</p>}>
        <Suspense fallback={<p className="muted">{t('plan.loading')}</p>}>
          <LoadedPlan />
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}
