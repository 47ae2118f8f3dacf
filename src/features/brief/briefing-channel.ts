/**
 * Keeps the audience window and the presenter window of one briefing in step, so either can drive.
 *
 * The windows share the whole briefing position (deck, slide, blanked, language mode) rather than
 * commands such as "next": a command applied by both sides would step twice, and a window that
 * joins late needs the position anyway. Every local change is stamped with a revision one above
 * any revision seen; a peer adopts a received position only if its (revision, sender) stamp is
 * newer than the one it holds. Two windows changing at the same moment therefore both end on the
 * same position (the higher sender id wins the tie) instead of swapping places.
 *
 * Messages from the channel are checked before use: any same-origin page can post to it.
 */

import { type BriefLangMode, BRIEF_LANG_MODES as LANG_MODES } from './briefing-state.ts';

export interface BriefingPosition {
  /** An imported deck's id; null = the default deck. */
  deck: string | null;
  /** 1-based. */
  slide: number;
  blanked: boolean;
  lang: BriefLangMode;
}

export const BRIEFING_CHANNEL_NAME = 'gz-atlas-briefing';
export const BRIEFING_PROTOCOL_VERSION = 1;

export type BriefingMessage =
  /** A window opened: peers answer with their position. */
  | { v: 1; type: 'hello'; sender: string }
  | { v: 1; type: 'position'; sender: string; rev: number; position: BriefingPosition };

function isPosition(value: unknown): value is BriefingPosition {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return (
    (p.deck === null || (typeof p.deck === 'string' && /^[a-z0-9-]{1,64}$/.test(p.deck))) &&
    typeof p.slide === 'number' &&
    Number.isInteger(p.slide) &&
    p.slide >= 1 &&
    p.slide <= 10_000 &&
    typeof p.blanked === 'boolean' &&
    typeof p.lang === 'string' &&
    (LANG_MODES as readonly string[]).includes(p.lang)
  );
}

/** The message, if `data` is a well-formed message of this protocol; otherwise null. */
export function parseBriefingMessage(data: unknown): BriefingMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  if (m.v !== BRIEFING_PROTOCOL_VERSION || typeof m.sender !== 'string' || m.sender.length > 64) return null;
  if (m.type === 'hello') return { v: 1, type: 'hello', sender: m.sender };
  if (m.type === 'position' && typeof m.rev === 'number' && Number.isSafeInteger(m.rev) && m.rev >= 0) {
    if (!isPosition(m.position)) return null;
    const { deck, slide, blanked, lang } = m.position;
    return { v: 1, type: 'position', sender: m.sender, rev: m.rev, position: { deck, slide, blanked, lang } };
  }
  return null;
}

export function samePosition(a: BriefingPosition, b: BriefingPosition): boolean {
  return a.deck === b.deck && a.slide === b.slide && a.blanked === b.blanked && a.lang === b.lang;
}

/** The pure sync logic of one window (no channel, no React: unit-tested on its own). */
export class SyncPeer {
  private rev = 0;
  private holder: string;
  private held: BriefingPosition | null = null;

  constructor(readonly id: string) {
    this.holder = id;
  }

  /**
   * The position the window opened on. It is not announced: a window that has changed nothing yet
   * adopts the position of any window already open (a presenter window joins the briefing).
   */
  start(position: BriefingPosition): void {
    this.held = position;
  }

  /** The window's position changed (a key, a click, a navigation): the message to send, if any. */
  local(position: BriefingPosition): BriefingMessage | null {
    // A position this peer just adopted from a message is not news to the others.
    if (this.held && samePosition(this.held, position)) return null;
    this.rev += 1;
    this.holder = this.id;
    this.held = position;
    return { v: 1, type: 'position', sender: this.id, rev: this.rev, position };
  }

  /** A message arrived: what to adopt and what to answer. */
  receive(message: BriefingMessage): { adopt: BriefingPosition | null; reply: BriefingMessage | null } {
    if (message.sender === this.id) return { adopt: null, reply: null };
    if (message.type === 'hello') {
      const reply: BriefingMessage | null = this.held
        ? { v: 1, type: 'position', sender: this.holder, rev: this.rev, position: this.held }
        : null;
      return { adopt: null, reply };
    }
    const untouched = this.rev === 0 && this.holder === this.id;
    const newer =
      untouched || message.rev > this.rev || (message.rev === this.rev && message.sender > this.holder);
    if (!newer) return { adopt: null, reply: null };
    this.rev = message.rev;
    this.holder = message.sender;
    const changed = !this.held || !samePosition(this.held, message.position);
    this.held = message.position;
    return { adopt: changed ? message.position : null, reply: null };
  }
}

export interface BriefingChannel {
  /** Report this window's position (sent only when it is news). */
  publish: (position: BriefingPosition) => void;
  close: () => void;
}

/**
 * Opens the channel for this window: `onAdopt` is called with a position another window set.
 * Without BroadcastChannel (old browsers) the briefing still works, just unsynchronised.
 */
export function openBriefingChannel(
  initial: BriefingPosition,
  onAdopt: (position: BriefingPosition) => void,
): BriefingChannel {
  if (typeof BroadcastChannel === 'undefined') return { publish: () => {}, close: () => {} };
  const peer = new SyncPeer(`${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`);
  peer.start(initial);
  const channel = new BroadcastChannel(BRIEFING_CHANNEL_NAME);
  channel.onmessage = (event: MessageEvent) => {
    const message = parseBriefingMessage(event.data);
    if (!message) return;
    const { adopt, reply } = peer.receive(message);
    if (reply) channel.postMessage(reply);
    if (adopt) onAdopt(adopt);
  };
  channel.postMessage({ v: 1, type: 'hello', sender: peer.id } satisfies BriefingMessage);
  return {
    publish: (position) => {
      const message = peer.local(position);
      if (message) channel.postMessage(message);
    },
    close: () => channel.close(),
  };
}
