import { describe, expect, it } from 'vitest';
import {
  type BriefingMessage,
  type BriefingPosition,
  parseBriefingMessage,
  SyncPeer,
} from './briefing-channel.ts';

const at = (slide: number, extra: Partial<BriefingPosition> = {}): BriefingPosition => ({
  deck: null,
  slide,
  blanked: false,
  lang: 'zh',
  ...extra,
});

/** Delivers every message to every other peer until the network is quiet (as BroadcastChannel would). */
function deliver(
  peers: SyncPeer[],
  first: BriefingMessage | null,
  positions: Map<SyncPeer, BriefingPosition>,
) {
  const queue: { from: SyncPeer | null; message: BriefingMessage }[] = [];
  if (first) queue.push({ from: peers.find((p) => p.id === first.sender) ?? null, message: first });
  while (queue.length > 0) {
    const item = queue.shift();
    if (!item) break;
    for (const peer of peers) {
      if (peer === item.from) continue;
      const { adopt, reply } = peer.receive(item.message);
      if (adopt) {
        positions.set(peer, adopt);
        // Adopting changes the window, whose effect reports it: that must not echo.
        expect(peer.local(adopt)).toBeNull();
      }
      if (reply) queue.push({ from: peer, message: reply });
    }
  }
}

describe('parseBriefingMessage', () => {
  it('accepts the protocol and drops anything else', () => {
    const good = { v: 1, type: 'position', sender: 'a', rev: 3, position: at(4, { lang: 'both' }) };
    expect(parseBriefingMessage(good)).toEqual(good);
    expect(parseBriefingMessage({ v: 1, type: 'hello', sender: 'b' })).toEqual({
      v: 1,
      type: 'hello',
      sender: 'b',
    });
    for (const bad of [
      null,
      'next',
      { ...good, v: 2 },
      { ...good, type: 'eval' },
      { ...good, rev: Number.NaN },
      { ...good, rev: -1 },
      { ...good, position: at(0) },
      { ...good, position: at(2.5) },
      { ...good, position: { ...at(2), lang: 'fr' } },
      { ...good, position: { ...at(2), deck: '<script>' } },
      { ...good, position: { ...at(2), blanked: 'yes' } },
      { ...good, sender: 'x'.repeat(65) },
    ]) {
      expect(parseBriefingMessage(bad)).toBeNull();
    }
  });

  it('keeps only the known fields of a position', () => {
    const parsed = parseBriefingMessage({
      v: 1,
      type: 'position',
      sender: 'a',
      rev: 1,
      position: { ...at(2), extra: '<img onerror=alert(1)>' },
    });
    expect(parsed?.type === 'position' && Object.keys(parsed.position).sort()).toEqual([
      'blanked',
      'deck',
      'lang',
      'slide',
    ]);
  });
});

describe('SyncPeer', () => {
  it('lets either window drive, without echoes', () => {
    const audience = new SyncPeer('a');
    const presenter = new SyncPeer('p');
    const positions = new Map([
      [audience, at(3)],
      [presenter, at(3)],
    ]);
    audience.start(at(3));
    presenter.start(at(3));
    deliver([audience, presenter], presenter.local(at(4)), positions);
    expect(positions.get(audience)).toEqual(at(4));
    deliver([audience, presenter], audience.local(at(4, { blanked: true })), positions);
    expect(positions.get(presenter)).toEqual(at(4, { blanked: true }));
    deliver([audience, presenter], presenter.local(at(4, { blanked: true, lang: 'en' })), positions);
    expect(positions.get(audience)).toEqual(at(4, { blanked: true, lang: 'en' }));
  });

  it('a window that joins takes the position of the one already open', () => {
    const audience = new SyncPeer('a');
    audience.start(at(1));
    audience.local(at(7));
    const presenter = new SyncPeer('p');
    presenter.start(at(1));
    const positions = new Map<SyncPeer, BriefingPosition>();
    deliver([audience, presenter], { v: 1, type: 'hello', sender: 'p' }, positions);
    expect(positions.get(presenter)).toEqual(at(7));
    expect(positions.has(audience)).toBe(false);
  });

  it('two fresh windows agree on the first one', () => {
    const audience = new SyncPeer('z');
    audience.start(at(5));
    const presenter = new SyncPeer('a');
    presenter.start(at(1));
    const positions = new Map<SyncPeer, BriefingPosition>();
    deliver([audience, presenter], { v: 1, type: 'hello', sender: 'a' }, positions);
    expect(positions.get(presenter)).toEqual(at(5));
  });

  it('simultaneous changes end on one position in both windows', () => {
    const a = new SyncPeer('a');
    const b = new SyncPeer('b');
    a.start(at(3));
    b.start(at(3));
    const fromA = a.local(at(4));
    const fromB = b.local(at(2));
    const positions = new Map([
      [a, at(4)],
      [b, at(2)],
    ]);
    // Both messages cross in flight.
    for (const [peer, message] of [
      [b, fromA],
      [a, fromB],
    ] as const) {
      if (!message) throw new Error('expected a message');
      const { adopt } = peer.receive(message);
      if (adopt) positions.set(peer, adopt);
    }
    expect(positions.get(a)).toEqual(positions.get(b));
  });

  it('ignores its own messages and stale ones', () => {
    const a = new SyncPeer('a');
    a.start(at(1));
    const own = a.local(at(2));
    if (!own) throw new Error('expected a message');
    expect(a.receive(own)).toEqual({ adopt: null, reply: null });
    a.local(at(3));
    expect(a.receive({ v: 1, type: 'position', sender: 'b', rev: 1, position: at(9) }).adopt).toBeNull();
  });
});
