import { describe, expect, it } from 'vitest';
import { lintSource } from './lint-architecture.ts';

describe('architecture lint', () => {
  it('flags HTML sinks', () => {
    expect(lintSource('src/x.ts', 'el.innerHTML = name;')).toHaveLength(1);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the sample is source text that holds a template literal
    expect(lintSource('src/x.ts', 'popup.setHTML(`<b>${p.name}</b>`)')).toHaveLength(1);
    expect(lintSource('src/x.tsx', '<div dangerouslySetInnerHTML={{ __html: s }} />')).toHaveLength(1);
    expect(lintSource('src/x.ts', 'el.textContent = name;')).toEqual([]);
  });

  it('keeps src/domain free of React and MapLibre', () => {
    expect(lintSource('src/domain/a.ts', "import { useState } from 'react';")).toHaveLength(1);
    expect(lintSource('src/domain/a.ts', "import type { Map } from 'maplibre-gl';")).toHaveLength(1);
    expect(lintSource('src/domain/a.ts', "import { x } from '../map/ids.ts';")).toHaveLength(1);
    expect(lintSource('src/domain/a.ts', "import area from '@turf/area';")).toEqual([]);
    expect(lintSource('src/map/a.ts', "import { Map } from 'maplibre-gl';")).toEqual([]);
  });
});
