/**
 * The basemaps a user can put under the atlas, as data: the embedded offline one (always there)
 * and online raster tile services in WGS-84 / Web Mercator. Pure functions, no MapLibre.
 *
 * Services in GCJ-02 (AMap/Gaode, Tencent) or BD-09 (Baidu) are not offered and are refused as
 * custom URLs: a raster tile cannot be re-projected, so everything would sit 300–600 m off.
 * Tianditu is CGCS2000, within a metre of WGS-84.
 */
import type { Bilingual } from '../data/schemas.ts';
import type { BasemapId, Lang } from '../url/view-state.ts';

/** One raster tile layer, drawn under the atlas's own layers. */
export interface RasterTileLayer {
  /** Tile URL templates with {z}/{x}/{y} (several hosts serve the same tiles). */
  tiles: string[];
  tileSize: 256 | 512;
  maxzoom: number;
}

export interface OnlineBasemap {
  id: Exclude<BasemapId, 'embedded'>;
  /** Base tiles first, then any annotation (label) overlay. */
  layers: RasterTileLayer[];
  attribution: Bilingual;
  termsUrl: string | null;
}

/** Origins the online basemaps load from; the Content-Security-Policy admits these (and no others). */
export const TILE_PROVIDER_ORIGINS = [
  'https://tile.openstreetmap.org',
  ...Array.from({ length: 8 }, (_, i) => `https://t${i}.tianditu.gov.cn`),
] as const;

const TIANDITU_HOSTS = Array.from({ length: 8 }, (_, i) => `https://t${i}.tianditu.gov.cn`);

/** A Tianditu WMTS layer in Web Mercator ("_w") as XYZ templates across its eight hosts. */
function tianditu(layer: string, key: string): RasterTileLayer {
  const query =
    `SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w` +
    `&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(key)}`;
  return { tiles: TIANDITU_HOSTS.map((h) => `${h}/${layer}_w/wmts?${query}`), tileSize: 256, maxzoom: 18 };
}

const TIANDITU_ATTRIBUTION: Bilingual = {
  zh: '天地图 © 国家地理信息公共服务平台',
  en: 'Tianditu © National Platform for Common GeoSpatial Information Services',
};

export type BasemapResolution =
  | { kind: 'embedded' }
  | { kind: 'online'; basemap: OnlineBasemap }
  /** The basemap needs something only this device can hold (a key, a URL) and it has none. */
  | { kind: 'unavailable'; reason: 'needs-key' | 'needs-url' };

export interface DeviceBasemapSettings {
  tiandituKey: string | null;
  customUrl: string | null;
}

/** What to draw for a basemap choice, in a language (Tianditu's labels come in zh or en). */
export function resolveBasemap(id: BasemapId, lang: Lang, device: DeviceBasemapSettings): BasemapResolution {
  switch (id) {
    case 'embedded':
      return { kind: 'embedded' };
    case 'osm':
      return {
        kind: 'online',
        basemap: {
          id,
          layers: [{ tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'], tileSize: 256, maxzoom: 19 }],
          attribution: { zh: '© OpenStreetMap 贡献者', en: '© OpenStreetMap contributors' },
          termsUrl: 'https://operations.osmfoundation.org/policies/tiles/',
        },
      };
    case 'tianditu-vec':
    case 'tianditu-img': {
      const key = device.tiandituKey?.trim();
      if (!key) return { kind: 'unavailable', reason: 'needs-key' };
      const base = id === 'tianditu-vec' ? 'vec' : 'img';
      // Annotation layers: cva/cia in Chinese, eva/eia in English.
      const labels = `${lang === 'zh' ? 'c' : 'e'}${id === 'tianditu-vec' ? 'va' : 'ia'}`;
      return {
        kind: 'online',
        basemap: {
          id,
          layers: [tianditu(base, key), tianditu(labels, key)],
          attribution: TIANDITU_ATTRIBUTION,
          termsUrl: 'https://www.tianditu.gov.cn/about/contact.html?type=2',
        },
      };
    }
    case 'custom': {
      const checked = device.customUrl ? checkCustomTileUrl(device.customUrl) : null;
      if (!checked?.ok) return { kind: 'unavailable', reason: 'needs-url' };
      return {
        kind: 'online',
        basemap: {
          id,
          layers: [{ tiles: [checked.template], tileSize: 256, maxzoom: 19 }],
          attribution: { zh: `自定义底图：${checked.host}`, en: `Custom basemap: ${checked.host}` },
          termsUrl: null,
        },
      };
    }
  }
}

/** Hosts of web-map services whose tiles are in GCJ-02 or BD-09. */
const OFFSET_DATUM_HOSTS: { pattern: RegExp; datum: 'GCJ-02' | 'BD-09' }[] = [
  { pattern: /(^|\.)(autonavi|amap|gaode)\.com$/i, datum: 'GCJ-02' },
  { pattern: /(^|\.)(map\.qq|gtimg|qq)\.com$/i, datum: 'GCJ-02' },
  { pattern: /(^|\.)(baidu|bdimg|bdstatic)\.com$/i, datum: 'BD-09' },
];

export type CustomUrlProblem =
  | 'not-http'
  | 'no-placeholders'
  | 'offset-datum'
  | 'unsafe-characters'
  | 'too-long'
  | 'not-a-url';

export type CustomUrlCheck =
  | { ok: true; template: string; host: string }
  | { ok: false; problem: CustomUrlProblem; datum?: 'GCJ-02' | 'BD-09' };

const MAX_URL_LENGTH = 2000;

/**
 * Checks a user's XYZ tile URL template. Refused: anything but http(s), no {z}/{x}/{y}, markup or
 * quote characters (never needed in a tile URL, always suspicious), and GCJ-02/BD-09 services.
 */
export function checkCustomTileUrl(input: string): CustomUrlCheck {
  const text = input.trim();
  if (text.length > MAX_URL_LENGTH) return { ok: false, problem: 'too-long' };
  if (/[<>"'`\s\\]/.test(text)) return { ok: false, problem: 'unsafe-characters' };
  let url: URL;
  try {
    // The placeholders are not valid in a host name; swap them out to parse.
    url = new URL(text.replace(/\{[a-z]\}/g, '0'));
  } catch {
    return { ok: false, problem: 'not-a-url' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'not-http' };
  if (url.username || url.password) return { ok: false, problem: 'unsafe-characters' };
  const offset = OFFSET_DATUM_HOSTS.find((h) => h.pattern.test(url.hostname));
  if (offset) return { ok: false, problem: 'offset-datum', datum: offset.datum };
  if (!['{z}', '{x}', '{y}'].every((p) => text.includes(p))) return { ok: false, problem: 'no-placeholders' };
  return { ok: true, template: text, host: url.host };
}

/** Removes API keys and tokens from text that may reach the screen or a log (e.g. a tile URL in an error). */
export function redactKeys(text: string): string {
  return text.replace(/([?&](?:tk|key|token|access_token|apikey|api_key)=)[^&#\s"')]*/gi, '$1…');
}
