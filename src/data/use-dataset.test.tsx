import { Suspense } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { track, useDataset } from './use-dataset.ts';

function Reader({ load }: { load: () => Promise<string> }) {
  return <p>{useDataset(load)}</p>;
}

const page = (load: () => Promise<string>) =>
  renderToStaticMarkup(
    <Suspense fallback={<p>waiting</p>}>
      <Reader load={load} />
    </Suspense>,
  );

/** Lets the promise callbacks that track() attached run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('useDataset', () => {
  it('renders a load the preloader has seen settle in the first pass, without the fallback', async () => {
    const parks = track(Promise.resolve('ten parks'));
    await settle();
    expect(page(() => parks)).toBe('<p>ten parks</p>');
  });

  it('suspends on a load nobody tracked, even one already resolved (what React does with use())', async () => {
    const parks = Promise.resolve('ten parks');
    await settle();
    expect(page(() => parks)).toBe('<p>waiting</p>');
  });

  it('throws a tracked failure to the nearest error boundary', async () => {
    const broken = track(Promise.reject(new Error('parks.geojson: 404')));
    await settle();
    // (Outside a Suspense boundary: server rendering turns an error inside one into its fallback.)
    expect(() => renderToStaticMarkup(<Reader load={() => broken} />)).toThrow('parks.geojson: 404');
  });
});
