import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseShapefileZip } from './shapefile.ts';

const fixture = new Uint8Array(
  readFileSync(path.resolve(import.meta.dirname, '../../../tests/fixtures/import/sites-shp.zip')),
);

describe('zipped Shapefile', () => {
  it('decodes attributes with the .cpg', () => {
    const r = parseShapefileZip(fixture);
    expect(r.features).toHaveLength(6);
    expect(r.features[0]?.properties?.station).toBe('公园前');
  });
  it('honours a code page named the ArcGIS way', () => {
    const parts = unzipSync(fixture);
    parts['sites.cpg'] = strToU8('65001');
    expect(parseShapefileZip(zipSync(parts)).features[0]?.properties?.station).toBe('公园前');
  });
  it('reprojects with the .prj', () => {
    const parts = unzipSync(fixture);
    // Same numbers declared as Web Mercator: they land near (0°, 0°), proving the .prj is applied.
    parts['sites.prj'] = strToU8(
      'PROJCS["WGS 84 / Pseudo-Mercator",GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Mercator_1SP"],PARAMETER["central_meridian",0],PARAMETER["scale_factor",1],PARAMETER["false_easting",0],PARAMETER["false_northing",0],UNIT["metre",1],AUTHORITY["EPSG","3857"]]',
    );
    const [lng] = (
      (parseShapefileZip(zipSync(parts)).features[0] as GeoJSON.Feature).geometry as GeoJSON.Point
    ).coordinates as [number, number];
    expect(Math.abs(lng)).toBeLessThan(0.01);
  });
  it('says when the .shp is missing', () => {
    const parts = unzipSync(fixture);
    delete parts['sites.shp'];
    expect(parseShapefileZip(zipSync(parts)).reasons[0]?.code).toBe('shapefile-missing-shp');
  });
});
