/** Whether this browser can create a WebGL2 context (MapLibre 6 needs it). Checked before loading the map chunk. */
export function hasWebGL2(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return canvas.getContext('webgl2') !== null;
  } catch {
    return false;
  }
}
