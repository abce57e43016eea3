import type { PermitWindow } from './types.ts';

/**
 * A window's availability as the API words and colours it: the words always
 * (a colour-blind pilgrim reads them, a screen reader says them), the colour
 * beside them as a border and a mark, never alone.
 */
export function AvailabilityBadge({ window: w }: { window: Pick<PermitWindow, 'state' | 'text' | 'colour'> }) {
  return (
    <span className={`avail avail-${w.state}`} style={{ color: w.colour, borderColor: w.colour }}>
      <span className="avail-mark" aria-hidden="true" style={{ background: w.colour }} />
      {w.text}
    </span>
  );
}
