import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Slide } from './deck-schema.ts';
import { slideProblems } from './deck-schema.ts';
import { SlideCaption } from './SlideCaption.tsx';

const bad: Slide = {
  id: 'bad',
  title: { zh: '坏页', en: 'Bad slide' },
  points: [{ zh: '<img src=x onerror=alert(1)>', en: '<script>alert(1)</script>' }],
  camera: { lng: 200, lat: 23, zoom: 30, bearing: 0, pitch: 0 },
  layers: ['parks', 'no-such-layer'],
  parks: ['no-such-park'],
};

describe('slide caption', () => {
  it('shows a placeholder naming every problem instead of the slide', () => {
    const html = renderToStaticMarkup(<SlideCaption slide={bad} problems={slideProblems(bad)} mode="en" />);
    expect(html).toContain('data-testid="brief-problem"');
    expect(html).toContain('Unknown park: “no-such-park”');
    expect(html).toContain('Unknown layer: “no-such-layer”');
    expect(html).toContain('Camera out of range: lng = 200');
    expect(html).toContain('Camera out of range: zoom = 30');
    expect(html).not.toContain('Bad slide');
  });

  it('shows both languages side by side, and deck text as text only', () => {
    const ok = { ...bad, camera: null, layers: ['parks'], parks: [] };
    const html = renderToStaticMarkup(<SlideCaption slide={ok} problems={[]} mode="both" />);
    expect(html).toContain('坏页');
    expect(html).toContain('Bad slide');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
  });
});
