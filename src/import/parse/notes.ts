/**
 * Report lines of the importer, in zh-CN and English, each with a stable `code` that tests and the UI
 * key on. Messages never embed file content (names, values): only counts and our own words, so a
 * hostile file cannot put text into a report.
 */
import type { ReportNote } from '../types.ts';

const note = (code: string, zh: string, en: string): ReportNote => ({ code, zh, en });

/** Codes whose presence means the file was changed to make it usable (outcome `repaired`). */
export const REPAIR_CODES: ReadonlySet<string> = new Set([
  'ring-closed',
  'latlng-swapped',
  'epsg3857-converted',
  'features-dropped',
  'rows-dropped',
]);

export const notes = {
  // ---- rejections ----
  fileTooLarge: (bytes: number, max: number) =>
    note(
      'file-too-large',
      `文件过大（${mb(bytes)} MB，上限 ${mb(max)} MB）。请先用桌面 GIS 工具切成 PMTiles 再打开。`,
      `File too large (${mb(bytes)} MB, limit ${mb(max)} MB). Convert it to PMTiles with a desktop tool first.`,
    ),
  emptyFile: () => note('empty-file', '文件为空。', 'The file is empty.'),
  binaryContent: () =>
    note(
      'binary-content',
      '文件是二进制数据，不是可识别的地理数据格式。',
      'The file is binary data, not a recognised geodata format.',
    ),
  notADataFile: (kind: string) =>
    note(
      'not-a-data-file',
      `文件实际是 ${kind}，不是地理数据。`,
      `The file is actually ${kind}, not geodata.`,
    ),
  unknownFormat: () =>
    note(
      'unknown-format',
      '无法识别文件格式（支持 GeoJSON、CSV、KML/KMZ、Shapefile 压缩包、xlsx）。',
      'Unrecognised format (GeoJSON, CSV, KML/KMZ, zipped Shapefile and xlsx are supported).',
    ),
  tooDeep: (max: number) =>
    note('too-deep', `JSON 嵌套超过 ${max} 层，已拒绝。`, `JSON nested deeper than ${max} levels: refused.`),
  invalidJson: () =>
    note(
      'invalid-json',
      'JSON 无法解析（可能被截断或含非法值）。',
      'The JSON cannot be parsed (truncated or invalid values).',
    ),
  wrongType: () =>
    note(
      'wrong-type',
      'GeoJSON 的 type 不是 FeatureCollection、Feature 或几何类型。',
      'The GeoJSON `type` is not FeatureCollection, Feature or a geometry type.',
    ),
  tooManyFeatures: (n: number, max: number) =>
    note('too-many-features', `要素过多（${n}，上限 ${max}）。`, `Too many features (${n}, limit ${max}).`),
  tooManyVertices: (max: number) =>
    note('too-many-vertices', `坐标点超过 ${max} 个，已拒绝。`, `More than ${max} positions: refused.`),
  zipBomb: (max: number) =>
    note(
      'zip-bomb',
      `压缩包解压后超过 ${mb(max)} MB，已拒绝（疑似压缩炸弹）。`,
      `The archive expands beyond ${mb(max)} MB: refused (zip bomb?).`,
    ),
  badZip: () => note('bad-zip', '压缩包已损坏或不是 zip 文件。', 'The archive is damaged or not a zip file.'),
  invalidXml: () => note('invalid-xml', 'KML 的 XML 无法解析。', 'The KML is not well-formed XML.'),
  kmzNoKml: () => note('kmz-no-kml', 'KMZ 中没有 .kml 文件。', 'The KMZ holds no .kml file.'),
  shapefileMissingShp: () =>
    note('shapefile-missing-shp', '压缩包中没有 .shp 文件。', 'The zip holds no .shp file.'),
  shapefileUnreadable: () =>
    note('shapefile-unreadable', 'Shapefile 无法读取。', 'The Shapefile cannot be read.'),
  xlsxUnreadable: () => note('xlsx-unreadable', 'Excel 文件无法读取。', 'The Excel file cannot be read.'),
  noCoordinateColumns: () =>
    note(
      'no-coordinate-columns',
      '未找到经度/纬度列，请在列映射中选择。',
      'No longitude/latitude columns found: choose them in the column mapping.',
    ),
  noFeatures: () => note('no-features', '文件中没有可用的要素。', 'The file holds no usable features.'),
  unreadable: () => note('unreadable', '文件无法读取。', 'The file cannot be read.'),
  // ---- repairs ----
  ringClosed: (n: number) =>
    note('ring-closed', `${n} 个未闭合的环已自动闭合。`, `${n} unclosed ring(s) closed.`),
  latLngSwapped: () =>
    note(
      'latlng-swapped',
      '经纬度顺序颠倒，已交换为 [经度, 纬度]。',
      'Latitude and longitude were swapped: reordered to [lng, lat].',
    ),
  epsg3857Converted: () =>
    note(
      'epsg3857-converted',
      '坐标为 Web 墨卡托（EPSG:3857）米制，已转换为 WGS-84 经纬度。',
      'Coordinates were Web Mercator (EPSG:3857) metres: converted to WGS-84 degrees.',
    ),
  featuresDropped: (n: number, why: 'coords' | 'geometry' | 'range') =>
    note(
      'features-dropped',
      `${n} 个要素被跳过（${why === 'coords' ? '坐标为空、非数字或字符串' : why === 'range' ? '坐标超出范围' : '几何无效或缺失'}）。`,
      `${n} feature(s) skipped (${why === 'coords' ? 'null, NaN or text coordinates' : why === 'range' ? 'coordinates out of range' : 'invalid or missing geometry'}).`,
    ),
  rowsDropped: (n: number) =>
    note('rows-dropped', `${n} 行没有有效坐标，已跳过。`, `${n} row(s) without valid coordinates skipped.`),
  // ---- information ----
  bomStripped: () => note('bom-stripped', '已去除字节顺序标记（BOM）。', 'Byte-order mark (BOM) removed.'),
  encodingGbk: () => note('encoding-gbk', '文件以 GBK 编码读取。', 'The file was read as GBK.'),
  selfIntersection: (n: number) =>
    note(
      'self-intersection',
      `${n} 个面自相交（如“蝴蝶结”形），保留原样。`,
      `${n} polygon(s) self-intersect (e.g. bow-tie): kept as they are.`,
    ),
  duplicateIds: (n: number) =>
    note('duplicate-ids', `${n} 个要素 id 重复。`, `${n} feature id(s) are duplicated.`),
  formulaCells: (n: number) =>
    note(
      'formula-cells',
      `${n} 个单元格是公式（如 =HYPERLINK），按文本保留。`,
      `${n} cell(s) hold formulas (e.g. =HYPERLINK): kept as text.`,
    ),
  datumConverted: (from: string) =>
    note(
      'datum-converted',
      `坐标已从 ${from} 转换为 WGS-84。`,
      `Coordinates converted from ${from} to WGS-84.`,
    ),
  kinksSkipped: () =>
    note('kinks-skipped', '面过大，未检查自相交。', 'Polygons too large: self-intersection not checked.'),
} as const;

function mb(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}
