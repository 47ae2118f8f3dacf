/**
 * The public GCJ-02 ("Mars coordinates") formula, used only to *detect* GCJ-02 data presented as
 * WGS-84 (the data check) — the build never converts: it reads WGS-84 reference files only.
 * Krasovsky ellipsoid a = 6 378 245 m, e² = 0.00669342162296594323. Outside China the offset is 0.
 */
import type { Position } from 'geojson';

const A = 6378245;
const EE = 0.006693421622965943; // e² of the Krasovsky ellipsoid, 0.00669342162296594323

function outOfChina(lng: number, lat: number): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function transformLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}

function transformLng(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

/** WGS-84 → GCJ-02 (forward formula). */
export function wgs84ToGcj02(p: Position): Position {
  const lng = p[0]!;
  const lat = p[1]!;
  if (outOfChina(lng, lat)) return [lng, lat];
  let dLat = transformLat(lng - 105, lat - 35);
  let dLng = transformLng(lng - 105, lat - 35);
  const radLat = (lat / 180) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  dLng = (dLng * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lng + dLng, lat + dLat];
}

/** GCJ-02 → WGS-84 by fixed-point inversion of the forward formula (to < 1e-9°). */
export function gcj02ToWgs84(p: Position): Position {
  let [lng, lat] = [p[0]!, p[1]!];
  for (let i = 0; i < 30; i++) {
    const g = wgs84ToGcj02([lng, lat]);
    const dx = g[0]! - p[0]!;
    const dy = g[1]! - p[1]!;
    lng -= dx;
    lat -= dy;
    if (Math.abs(dx) < 1e-10 && Math.abs(dy) < 1e-10) break;
  }
  return [lng, lat];
}
