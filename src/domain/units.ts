/**
 * Branded unit types and conversions. A brand costs nothing at runtime; it stops a value in
 * metres from being passed where kilometres are expected (and a [lat, lng] pair from passing as
 * a {@link LngLat}) unless the caller converts on purpose.
 */

declare const brand: unique symbol;
/** A number tagged with the unit it is measured in. */
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** A length in metres. */
export type Metres = Brand<number, 'm'>;
/** A length in kilometres. */
export type Kilometres = Brand<number, 'km'>;
/** An area in square metres. */
export type SquareMetres = Brand<number, 'm2'>;
/** An area in square kilometres. */
export type SquareKilometres = Brand<number, 'km2'>;
/** An area in hectares (1 ha = 10,000 m²). */
export type Hectares = Brand<number, 'ha'>;
/** An area in 亩 (mu), the Chinese land unit: 1 mu = 2000/3 m² ≈ 666.6667 m². */
export type Mu = Brand<number, 'mu'>;
/** Money in 亿元 (10⁸ CNY). */
export type YiYuan = Brand<number, 'yi-yuan'>;
/** Output density in 亿元 per km². */
export type YiYuanPerKm2 = Brand<number, 'yi-yuan-per-km2'>;
/** A fraction 0–1. */
export type Share = Brand<number, 'share'>;

/** A WGS-84 position, degrees: [longitude, latitude] (GeoJSON order). */
export type LngLat = readonly [lng: number, lat: number];
/** A WGS-84 bounding box, degrees: [minLng, minLat, maxLng, maxLat]. */
export type BBox = readonly [minLng: number, minLat: number, maxLng: number, maxLat: number];

/** Square metres in one 亩 (mu): 1 mu = 1/15 ha = 2000/3 m². */
export const SQUARE_METRES_PER_MU = 2000 / 3;
/**
 * Mean Earth radius used by every distance in this module, metres (IUGG mean radius R₁, the value
 * Turf uses as `earthRadius`). Great-circle (haversine) distances use this sphere.
 */
export const EARTH_RADIUS_M = 6371008.8;

/** Tags a number as metres. */
export const metres = (value: number): Metres => value as Metres;
/** Tags a number as kilometres. */
export const kilometres = (value: number): Kilometres => value as Kilometres;
/** Tags a number as square metres. */
export const squareMetres = (value: number): SquareMetres => value as SquareMetres;
/** Tags a number as square kilometres. */
export const squareKilometres = (value: number): SquareKilometres => value as SquareKilometres;
/** Tags a number as 亿元. */
export const yiYuan = (value: number): YiYuan => value as YiYuan;
/** Tags a number as a share 0–1. */
export const share = (value: number): Share => value as Share;
/** Builds a {@link LngLat} from longitude and latitude in degrees. */
export const lngLat = (lng: number, lat: number): LngLat => [lng, lat];

/** Metres → kilometres. */
export const metresToKm = (m: Metres): Kilometres => (m / 1000) as Kilometres;
/** Kilometres → metres. */
export const kmToMetres = (km: Kilometres): Metres => (km * 1000) as Metres;
/** Square metres → square kilometres. */
export const m2ToKm2 = (m2: SquareMetres): SquareKilometres => (m2 / 1e6) as SquareKilometres;
/** Square kilometres → square metres. */
export const km2ToM2 = (km2: SquareKilometres): SquareMetres => (km2 * 1e6) as SquareMetres;
/** Square kilometres → hectares (1 km² = 100 ha). */
export const km2ToHa = (km2: SquareKilometres): Hectares => (km2 * 100) as Hectares;
/** Square kilometres → 亩 (1 km² = 1500 mu exactly, since 1 mu = 2000/3 m²). */
export const km2ToMu = (km2: SquareKilometres): Mu => ((km2 * 1e6) / SQUARE_METRES_PER_MU) as Mu;
/** 亩 → square kilometres. */
export const muToKm2 = (mu: Mu): SquareKilometres => ((mu * SQUARE_METRES_PER_MU) / 1e6) as SquareKilometres;
