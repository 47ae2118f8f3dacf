/**
 * What each key does in the briefing: the keys presentation clickers send (PageUp/PageDown, arrows)
 * and the usual presenter shortcuts. A pure mapping so it can be tested without a page.
 */
export type BriefAction =
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'digit'; digit: number }
  | { type: 'enter' }
  | { type: 'exit' }
  | { type: 'fullscreen' }
  | { type: 'language' }
  | { type: 'blank' }
  | { type: 'resume' }
  | { type: 'backspace' };

/** `key` is KeyboardEvent.key; null = a key the briefing does not use. */
export function keyToAction(key: string): BriefAction | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
    case ' ':
    case 'Spacebar':
      return { type: 'next' };
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return { type: 'previous' };
    case 'Home':
      return { type: 'first' };
    case 'End':
      return { type: 'last' };
    case 'Enter':
      return { type: 'enter' };
    case 'Escape':
    case 'Esc':
      return { type: 'exit' };
    case 'Backspace':
      return { type: 'backspace' };
    case 'f':
    case 'F':
      return { type: 'fullscreen' };
    case 'l':
    case 'L':
      return { type: 'language' };
    case 'b':
    case 'B':
    case '.':
      return { type: 'blank' };
    case 'a':
    case 'A':
      return { type: 'resume' };
  }
  if (key.length === 1 && key >= '0' && key <= '9') return { type: 'digit', digit: Number(key) };
  return null;
}

/** True for a key event typed into a form field, which the briefing must leave alone. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['button', 'checkbox', 'radio', 'range', 'submit', 'reset'].includes(type);
}
