import { describe, expect, it } from 'vitest';
import { binaryChunkOf, binaryChunks } from './copy-records.ts';
import { recordColumns, valuesOf } from './domain/records.ts';
import { generateSimulation } from './simulation.ts';

const marginals = JSON.stringify({ seasons: [{
  season: '1446H', gregorianYear: 2025, total: 23456, residence: { foreign: 21000, domestic: 2456 }, gender: { male: 12456, female: 11000 },
  foreignByRegion: { arab: 5000, asia: 12000, africa: 3500, europeAmericasOceania: 500 }, foreignByArrival: { air: 20000, land: 900, sea: 100 }, makkahRoute: 3000,
}] });
const season = generateSimulation('1446H', marginals, 3).season;
const recordedAt = '2026-05-01T08:00:00.123Z';

/** Reads tuples of COPY's binary format back into `recordColumns` values then `recorded_at`, as the table's types decode them. */
function decode(bytes: Uint8Array): unknown[][] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const day = (n: number) => new Date(Date.UTC(2000, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  const rows: unknown[][] = [];
  let at = 0;
  while (at < bytes.length) {
    const fields = view.getInt16(at);
    at += 2;
    const row: unknown[] = [];
    for (let f = 0; f < fields; f++) {
      const length = view.getInt32(at);
      at += 4;
      if (length < 0) {
        row.push(null);
        continue;
      }
      const field = bytes.subarray(at, at + length);
      const column = [...recordColumns, 'recorded_at'][f];
      if (column === 'person_key') row.push(Buffer.from(field).toString('hex').replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-'));
      else if (column === 'age') row.push(view.getInt16(at));
      else if (column === 'makkah_route') row.push(field[0] === 1);
      else if (column === 'arrival_date' || column === 'departure_date') row.push(day(view.getInt32(at)));
      else if (column === 'recorded_at') row.push(new Date(Date.UTC(2000, 0, 1) + Number(view.getBigInt64(at) / 1000n)).toISOString());
      else row.push(new TextDecoder().decode(field));
      at += length;
    }
    rows.push(row);
  }
  return rows;
}

describe('the load\'s binary COPY tuples', () => {
  it('hold every record\'s values exactly, as the text and the CSV do', () => {
    const rows = decode(binaryChunkOf(season, 0, season.count, recordedAt));
    expect(rows.length).toBe(season.count);
    rows.forEach((row, i) => expect(row).toEqual([...valuesOf(season, i), recordedAt]));
  });

  it('come in chunks of 10,000 records that together are the same bytes, the same for the same seed', () => {
    const chunks = [...binaryChunks(season, 0, season.count, recordedAt)];
    expect(chunks.map((c) => decode(c).length)).toEqual([10_000, 10_000, 3456]);
    const whole = Buffer.concat(chunks);
    expect(whole.equals(binaryChunkOf(season, 0, season.count, recordedAt))).toBe(true);
    const again = generateSimulation('1446H', marginals, 3).season;
    expect(Buffer.concat([...binaryChunks(again, 0, again.count, recordedAt)]).equals(whole)).toBe(true);
  });
});
