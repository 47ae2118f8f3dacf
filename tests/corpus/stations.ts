/**
 * A handful of real Guangzhou metro stations, copied from geodata/stations.geojson (WGS-84, ids as
 * there). Chosen far from their neighbours (≥ 750 m) so a point placed ~120 m from one has it as its
 * unambiguous nearest station. Used by the import fixtures and the datum-guard tests.
 */
export interface CorpusStation {
  id: string;
  name: string;
  nameEn: string;
  lngLat: [number, number];
}

export const STATIONS: CorpusStation[] = [
  { id: 'st-gongyuanqian', name: '公园前', nameEn: 'Gongyuanqian', lngLat: [113.258989, 23.128125] },
  {
    id: 'st-tianhekeyunzhan',
    name: '天河客运站',
    nameEn: 'Tianhe Coach Terminal',
    lngLat: [113.338532, 23.173724],
  },
  { id: 'st-kexuecheng', name: '科学城', nameEn: 'Science City', lngLat: [113.44377, 23.168168] },
  { id: 'st-huangpuxingang', name: '黄埔新港', nameEn: 'Huangpu New Port', lngLat: [113.519585, 23.055115] },
  {
    id: 'st-daxuechengbei',
    name: '大学城北',
    nameEn: 'Higher Education Mega Center N.',
    lngLat: [113.380284, 23.06047],
  },
  {
    id: 'st-guangzhounanzhan',
    name: '广州南站',
    nameEn: 'Guangzhou South Railway Station',
    lngLat: [113.264495, 22.991508],
  },
  { id: 'st-jiahewanggang', name: '嘉禾望岗', nameEn: 'Jiahewanggang', lngLat: [113.283886, 23.240079] },
  { id: 'st-baiyundadaobei', name: '白云大道北', nameEn: 'Baiyundadaobei', lngLat: [113.292112, 23.224762] },
];
