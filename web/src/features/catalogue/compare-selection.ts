import { useEffect, useState } from 'react';

const KEY = 'manasik.compare';
export const COMPARE_MAX = 5;

function read(): string[] {
  try {
    const value = JSON.parse(sessionStorage.getItem(KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((v) => typeof v === 'string').slice(0, COMPARE_MAX) : [];
  } catch {
    return [];
  }
}

/** The packages a visitor ticked for comparison, kept for the browser tab. */
export function useCompareSelection() {
  const [ids, setIds] = useState<string[]>(read);
  useEffect(() => sessionStorage.setItem(KEY, JSON.stringify(ids)), [ids]);
  return {
    ids,
    has: (id: string) => ids.includes(id),
    toggle: (id: string) => setIds((cur) => (cur.includes(id) ? cur.filter((x) => x !== id) : cur.length < COMPARE_MAX ? [...cur, id] : cur)),
    remove: (id: string) => setIds((cur) => cur.filter((x) => x !== id)),
  };
}
