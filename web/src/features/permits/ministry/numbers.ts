import { hhmm, minutesOf } from '../saudi-time.ts';

/** What was typed in a number field, as an integer; NaN otherwise, so the shared schema names the field. */
export function int(text: string): number {
  const western = text.trim().replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
  return /^\d+$/.test(western) ? Number(western) : Number.NaN;
}

/** Opening hours typed as "00:00-06:00, 21:00-24:00" (Saudi time), as minutes after midnight. */
export function parseHours(text: string): { from: number; to: number }[] {
  return text.split(/[,،]/).map((part) => part.trim()).filter(Boolean).map((part) => {
    const [a = '', b = ''] = part.split(/[-–]/);
    return { from: minutesOf(a), to: minutesOf(b) };
  });
}

export const hoursText = (hours: { from: number; to: number }[]) => hours.map((h) => `${hhmm(h.from)}-${hhmm(h.to)}`).join(', ');
