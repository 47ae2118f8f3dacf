import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { countKmlPositions, parseKml, parseKmz } from './kml.ts';

const u8 = (s: string) => new TextEncoder().encode(s);
const doc = `<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>塔</name><ExtendedData><Data name="kind"><value>landmark</value></Data></ExtendedData><Point><coordinates>113.3191,23.109</coordinates></Point></Placemark>
<Placemark><name>area</name><Polygon><outerBoundaryIs><LinearRing><coordinates>113.3,23.1 113.31,23.1 113.31,23.11 113.3,23.1</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
</Document></kml>`;

describe('KML', () => {
  it('reads placemarks with their data, without a DOM', () => {
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
    const r = parseKml(u8(doc));
    expect(r.features.map((f) => f.geometry?.type)).toEqual(['Point', 'Polygon']);
    expect(r.features[0]?.properties).toMatchObject({ name: '塔', kind: 'landmark' });
  });
  it('refuses broken XML and non-KML XML', () => {
    expect(parseKml(u8(doc.slice(0, 200))).reasons[0]?.code).toBe('invalid-xml');
    expect(parseKml(u8('<gpx></gpx>')).reasons[0]?.code).toBe('invalid-xml');
  });
  it('reads the doc.kml of a KMZ', () => {
    const kmz = zipSync({ 'files/icon.png': new Uint8Array(8), 'doc.kml': u8(doc) });
    expect(parseKmz(kmz).features).toHaveLength(2);
  });

  it('counts positions on the text before building a DOM', () => {
    expect(countKmlPositions(doc, 100)).toBe(5);
    const huge = `<kml><Document><Placemark><LineString><coordinates>${'113.3,23.1 '.repeat(30)}</coordinates></LineString></Placemark></Document></kml>`;
    expect(countKmlPositions(huge, 100)).toBe(30);
  });
});
