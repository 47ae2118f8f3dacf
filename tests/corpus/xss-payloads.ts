/**
 * XSS corpus (QUALITY-BAR R1): markup and script that must stay inert text wherever imported data is
 * shown (popups, lists, the feature table, the legend, layer names, reports, exports). Every payload
 * calls `window.__xss(<n>)` if it ever runs; a test's init script defines __xss to record the hit.
 */

const call = (n: number) => `window.__xss(${n})`;

/** Payloads by number; number n calls window.__xss(n). */
export const XSS_PAYLOADS: string[] = [
  `<img src=x onerror="${call(0)}">`,
  `<svg onload="${call(1)}">`,
  `<details open ontoggle="${call(2)}">`,
  `<a href="javascript:${call(3)}">click</a>`,
  `"><script>${call(4)}</script>`,
  `<iframe srcdoc="<script>parent.${call(5)}</script>"></iframe>`,
  `<template><img src=x onerror="${call(6)}"></template>`,
  `<style>@import 'javascript:${call(7)}';</style>`,
  `<div style="background:url(javascript:${call(8)})">x</div>`,
  `<body onload="${call(9)}">`,
  `<input autofocus onfocus="${call(10)}">`,
  `<video><source onerror="${call(11)}"></video>`,
  `<audio src=x onerror="${call(12)}">`,
  `<marquee onstart="${call(13)}">x</marquee>`,
  `'><img src=x onerror=${call(14)}>`,
  `</textarea><script>${call(15)}</script>`,
  `</title><svg/onload=${call(16)}>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${call(17)}">`,
  `<object data="javascript:${call(18)}"></object>`,
  `<embed src="javascript:${call(19)}">`,
  `<form><button formaction="javascript:${call(20)}">x</button></form>`,
  `<svg><animate onbegin="${call(21)}" attributeName=x dur=1s>`,
  `<svg><a xlink:href="javascript:${call(22)}"><text x=20 y=20>x</text></a></svg>`,
  `<img src="x\`onerror=${call(23)}\`">`,
  `javascript:${call(24)}`,
  `{{constructor.constructor('${call(25)}')()}}`,
  `\${${call(26)}}`,
  `<select autofocus onfocus="${call(27)}">`,
  `<link rel=stylesheet href="javascript:${call(28)}">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${call(29)}">`,
  `<img src=x onerror=eval(atob('${btoaAscii(call(30))}'))>`,
  `<svg><script>${call(31)}</script></svg>`,
  `<isindex type=image src=1 onerror=${call(32)}>`,
  `<div onpointerover="${call(33)}" style="position:fixed;inset:0">x</div>`,
  `&lt;img src=x onerror=${call(34)}&gt;`,
  `<scr<script>ipt>${call(35)}</scr</script>ipt>`,
];

function btoaAscii(s: string): string {
  return btoa(s);
}

/** Payloads that can be a file name (no path separators) with an extension. */
export const XSS_FILE_NAMES: string[] = XSS_PAYLOADS.filter((p) => !/[/\\]/.test(p))
  .slice(0, 12)
  .map((p, i) => `${p}${i % 2 ? '.geojson' : '.json'}`);

/** Names to rename an imported layer to. */
export const XSS_LAYER_NAMES: string[] = XSS_PAYLOADS.slice(0, 10);

/**
 * A FeatureCollection of points in central Guangzhou carrying every payload as a property key, a
 * property value, the feature name and the feature id.
 */
export function xssGeoJSON(): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: XSS_PAYLOADS.map((p, i) => ({
      type: 'Feature',
      id: p,
      geometry: { type: 'Point', coordinates: [113.3 + (i % 6) * 0.01, 23.1 + Math.floor(i / 6) * 0.01] },
      properties: { name: p, [p]: p, description: p, [`k${i}`]: `<b>${p}</b>` },
    })),
  };
}

/** The same as CSV: payloads as header cells and values (quoted as Excel would). */
export function xssCsv(): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const header = ['name', 'lng', 'lat', ...XSS_PAYLOADS.slice(0, 8)].map(q).join(',');
  const rows = XSS_PAYLOADS.map((p, i) =>
    [
      p,
      String(113.3 + (i % 6) * 0.01),
      String(23.1 + Math.floor(i / 6) * 0.01),
      ...XSS_PAYLOADS.slice(0, 8).map(() => p),
    ]
      .map(q)
      .join(','),
  );
  return `${header}\r\n${rows.join('\r\n')}\r\n`;
}
