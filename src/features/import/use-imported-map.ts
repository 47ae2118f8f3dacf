/**
 * What the map needs of the user's imported layers: their styles and revisions, a tile loader, and
 * the popup and fit requests. Part of the map area (first paint), so it only reads the small imports
 * store; the import service (and its worker) load on first use — or at once when this device has
 * stored layers to restore.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ImportTileLoader } from '../../map/imported-layers.ts';
import type { Lang } from '../../url/view-state.ts';
import { hasStoredLayers, useImports } from './imports-store.ts';

const service = () => import('./import-service.ts');

const importTileLoader: ImportTileLoader = (layerId, z, x, y) =>
  service().then((m) => m.importTile(layerId, z, x, y));

export function useImportedMap() {
  const layers = useImports((s) => s.layers);
  const revisions = useImports((s) => s.revisions);
  const popup = useImports((s) => s.popup);
  const fitRequest = useImports((s) => s.fit);
  const [popupRequest, setPopupRequest] = useState<{
    lngLat: { lng: number; lat: number };
    render: (lang: Lang) => HTMLElement;
    revision: number;
  } | null>(null);

  useEffect(() => {
    if (hasStoredLayers()) void service().then((m) => m.restoreLayers());
  }, []);

  const importedLayers = useMemo(
    () =>
      layers.map((l) => ({ id: l.id, style: l.style, visible: l.visible, revision: revisions[l.id] ?? 0 })),
    [layers, revisions],
  );

  // A picked feature's full properties come from the worker; its popup is built from text nodes only.
  useEffect(() => {
    if (!popup) return;
    let cancelled = false;
    void service()
      .then((m) => m.featurePopup(popup.layerId, popup.index))
      .then((render) => {
        if (!cancelled && render) setPopupRequest({ lngLat: popup.lngLat, render, revision: popup.revision });
      });
    return () => {
      cancelled = true;
    };
  }, [popup]);

  const onPickImported = useCallback(
    (layerId: string, index: number, lngLat: { lng: number; lat: number }) => {
      useImports.setState((s) => ({
        popup: { layerId, index, lngLat, revision: (s.popup?.revision ?? 0) + 1 },
      }));
    },
    [],
  );

  return { importedLayers, importTileLoader, onPickImported, popupRequest, fitRequest };
}
