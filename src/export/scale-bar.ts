/**
 * A map scale bar for a static image of the map (the handout and the saved PNG), where MapLibre's own
 * control is not drawn. Web Mercator with MapLibre's 512-pixel tiles: one CSS pixel covers
 * EARTH_CIRCUMFERENCE_M · cos(lat) / (512 · 2^zoom) metres on the ground at latitude `lat`.
 */
const EARTH_CIRCUMFERENCE_M = 40_075_016.686;

/** Ground metres per CSS pixel at the map's centre. */
export function metresPerPixel(lat: number, zoom: number): number {
  return (EARTH_CIRCUMFERENCE_M * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}

export interface ScaleBar {
  lengthM: number;
  widthPx: number;
  /** "500 m", "2 km". */
  label: string;
}

/** The longest 1-2-5 round length whose bar fits in `maxWidthPx` image pixels. */
export function scaleBar(metresPerImagePixel: number, maxWidthPx: number): ScaleBar | null {
  if (!(metresPerImagePixel > 0) || !Number.isFinite(metresPerImagePixel) || !(maxWidthPx > 0)) return null;
  const maxM = metresPerImagePixel * maxWidthPx;
  const magnitude = 10 ** Math.floor(Math.log10(maxM));
  const lengthM = [5, 2, 1].map((f) => f * magnitude).find((m) => m <= maxM) ?? magnitude;
  return {
    lengthM,
    widthPx: lengthM / metresPerImagePixel,
    label: lengthM >= 1000 ? `${lengthM / 1000} km` : `${lengthM} m`,
  };
}
