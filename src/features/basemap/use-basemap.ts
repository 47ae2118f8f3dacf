import { useMemo } from 'react';
import { type BasemapResolution, resolveBasemap } from '../../map/basemaps.ts';
import { useDeviceSettings } from '../../state/device-settings.ts';
import { useViewPart } from '../../url/use-view-state.ts';

/** The basemap the URL asks for, resolved with this device's key or URL and the UI language. */
export function useBasemap(): BasemapResolution {
  const id = useViewPart((v) => v.basemap);
  const lang = useViewPart((v) => v.lang);
  const tiandituKey = useDeviceSettings((s) => s.tiandituKey);
  const customUrl = useDeviceSettings((s) => s.customUrl);
  return useMemo(
    () => resolveBasemap(id, lang, { tiandituKey, customUrl }),
    [id, lang, tiandituKey, customUrl],
  );
}
