/**
 * What the renderer does for locking while someone is signed in. The core owns the idle timer; the
 * renderer only tells it that a person is still there (`session.touch`), and offers the lock
 * shortcut. Neither is a security boundary: a renderer that stopped touching just locks sooner.
 */
import { useEffect, useRef } from 'react';
import { call } from './api';

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel'] as const;
const MAX_TOUCH_INTERVAL_MS = 30_000;

/** Often enough that the core never locks under an active user, seldom enough to be no traffic. */
function touchIntervalMs(idleLockSeconds: number): number {
  return Math.min(MAX_TOUCH_INTERVAL_MS, (idleLockSeconds * 1000) / 3);
}

/**
 * Reports keyboard, pointer and wheel activity with `session.touch`, at most once per interval.
 * `idleLockSeconds` null means nobody is signed in: nothing is reported. `onLocked` runs when the
 * core answers that the session is locked already, so the screen can follow at once.
 */
export function useActivityReporter(idleLockSeconds: number | null, onLocked: () => void): void {
  const onLockedRef = useRef(onLocked);
  useEffect(() => {
    onLockedRef.current = onLocked;
  }, [onLocked]);

  useEffect(() => {
    if (idleLockSeconds === null) return;
    let interval = touchIntervalMs(idleLockSeconds);
    let lastSent = 0;
    const onActivity = () => {
      const now = Date.now();
      if (now - lastSent < interval) return;
      lastSent = now;
      void call('session.touch', {}).then((result) => {
        // The policy may have changed since sign-in; the core's answer is the current one.
        if (result.ok) interval = touchIntervalMs(result.value.idleLockSeconds);
        else if (result.error.code === 'LOCKED' || result.error.code === 'UNAUTHENTICATED') onLockedRef.current();
      });
    };
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, { capture: true, passive: true });
    return () => {
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, { capture: true });
    };
  }, [idleLockSeconds]);
}

export function isMacPlatform(): boolean {
  const platform =
    (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform ?? navigator.platform;
  return /mac/i.test(platform);
}

/** The shortcut as aria-keyshortcuts spells it. */
export function lockShortcut(): string {
  return isMacPlatform() ? 'Meta+L' : 'Control+L';
}

/** Ctrl+L (Cmd+L on a Mac) anywhere in the window locks Kluis while `enabled`. */
export function useLockShortcut(enabled: boolean, onLock: () => void): void {
  const onLockRef = useRef(onLock);
  useEffect(() => {
    onLockRef.current = onLock;
  }, [onLock]);

  useEffect(() => {
    if (!enabled) return;
    const mac = isMacPlatform();
    const onKeyDown = (event: KeyboardEvent) => {
      const modifier = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
      if (!modifier || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'l') return;
      event.preventDefault();
      onLockRef.current();
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [enabled]);
}
