import { useEffect, useRef } from 'react';

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

/**
 * Calls `onIdle` once nobody has used the window for `minutes` (keys, the mouse, scrolling), measured on the
 * monotonic timer — a duration, not a time of day, so neither the machine's clock nor the core's moves it. While
 * `paused` (meeting mode: the screen is in use though nobody touches it) the time counts as activity.
 */
export function useIdle(minutes: number, paused: boolean, onIdle: () => void): void {
  const last = useRef(0);
  const callback = useRef(onIdle);
  useEffect(() => {
    callback.current = onIdle;
  }, [onIdle]);
  useEffect(() => {
    last.current = performance.now();
    const seen = () => void (last.current = performance.now());
    for (const type of ACTIVITY) window.addEventListener(type, seen, { capture: true, passive: true });
    const timer = setInterval(() => {
      if (paused) return seen();
      if (performance.now() - last.current >= minutes * 60_000) callback.current();
    }, 5_000);
    return () => {
      for (const type of ACTIVITY) window.removeEventListener(type, seen, { capture: true });
      clearInterval(timer);
    };
  }, [minutes, paused]);
}
