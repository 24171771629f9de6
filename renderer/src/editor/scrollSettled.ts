/**
 * Scrolls a place in the body into view and keeps at it for a few frames. Chunks off screen skip
 * layout (content-visibility) and stand at an estimated height; the first scroll lays out the
 * chunks it lands among, which moves the place it aimed at (a find match at the end of a
 * 10,000-block article ended up 2,000 px below the window).
 */
export function scrollIntoViewSettled(target: () => Element | null | undefined, frames = 6): void {
  const attempt = (left: number) => {
    const el = target();
    if (!el?.isConnected) return;
    const box = el.getBoundingClientRect();
    if (box.top >= 0 && box.bottom <= window.innerHeight && left < frames) return;
    el.scrollIntoView({ block: 'center' });
    if (left > 0) requestAnimationFrame(() => attempt(left - 1));
  };
  attempt(frames);
}
