/**
 * A tile protocol of the atlas's own — `<name>://<id>[/<revision>]/<z>/<x>/<y>` — answered by a
 * loader that can be swapped: imported layers (tiles cut in the import worker) and PMTiles archives
 * (tiles read by range requests) each have one. MapLibre's protocols are global, so each is
 * registered once, through the injected addProtocol (the unit tests pass their own), and later
 * calls only change the loader. A URL of any other shape, or a tile asked for before there is a
 * loader, gets an empty tile: an empty ArrayBuffer is a valid, empty vector tile.
 */
import type { AddProtocolAction } from 'maplibre-gl';

/** Reads one tile: MVT bytes, or null for an empty tile. Aborted when MapLibre drops the tile. */
export type TileLoader = (
  id: string,
  z: number,
  x: number,
  y: number,
  signal?: AbortSignal,
) => Promise<ArrayBuffer | null>;

export interface TileAddress {
  id: string;
  z: number;
  x: number;
  y: number;
}

export interface TileProtocol {
  /** The tile a URL names, or null when it is not one of this protocol's tile URLs. */
  parse(url: string): TileAddress | null;
  /** Points the protocol at `loader`, registering it with MapLibre the first time. */
  setLoader(loader: TileLoader, addProtocol: (name: string, action: AddProtocolAction) => void): void;
}

/**
 * @param name protocol name, e.g. `atlas-import`
 * @param idPattern regular-expression source the id must match in full (ids are ours: no
 *   slashes, no dots, so no path tricks)
 * @param revisioned whether a revision segment follows the id (it changes the URL, and so busts
 *   MapLibre's tile cache, when the features change; the loader does not need it)
 */
export function tileProtocol(name: string, idPattern: string, revisioned: boolean): TileProtocol {
  const url = new RegExp(`^${name}://(${idPattern})${revisioned ? '/\\d+' : ''}/(\\d+)/(\\d+)/(\\d+)$`);
  let loader: TileLoader | null = null;
  let registered = false;
  const parse = (tileUrl: string): TileAddress | null => {
    const m = url.exec(tileUrl);
    return m ? { id: m[1]!, z: Number(m[2]), x: Number(m[3]), y: Number(m[4]) } : null;
  };
  return {
    parse,
    setLoader(next, addProtocol) {
      loader = next;
      if (registered) return;
      registered = true;
      addProtocol(name, async (params, abort) => {
        const tile = parse(params.url);
        if (!tile || !loader) return { data: new ArrayBuffer(0) };
        return { data: (await loader(tile.id, tile.z, tile.x, tile.y, abort.signal)) ?? new ArrayBuffer(0) };
      });
    },
  };
}
