/**
 * Whether this browser has WebGL2 at all (MapLibre 6 needs it). Deliberately only a feature
 * check: creating a probe context costs hundreds of milliseconds under software rendering, and
 * MapLibre creates its own anyway — a browser that has the API but cannot give a context is
 * caught when the map is constructed (MapView reports it and the fallback is shown).
 */
export function hasWebGL2(): boolean {
  return typeof window !== 'undefined' && typeof window.WebGL2RenderingContext === 'function';
}
