/** Types for the parts of shpjs 6 the importer uses (the package ships none). */
declare module 'shpjs' {
  /** Geometries of a .shp, reprojected to WGS-84 when a .prj (WKT) is given. */
  export function parseShp(
    shp: ArrayBuffer | ArrayBufferView,
    prj?: string | ArrayBufferView | false,
  ): GeoJSON.Geometry[];
  /** Records of a .dbf, decoded with the .cpg's code page when given. */
  export function parseDbf(
    dbf: ArrayBuffer | ArrayBufferView,
    cpg?: string | ArrayBufferView,
  ): Record<string, unknown>[];
  export function combine(parts: [GeoJSON.Geometry[], Record<string, unknown>[]?]): GeoJSON.FeatureCollection;
  const getShapefile: (base: unknown) => Promise<GeoJSON.FeatureCollection | GeoJSON.FeatureCollection[]>;
  export default getShapefile;
}
