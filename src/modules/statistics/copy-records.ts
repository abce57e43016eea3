import { CopyBinaryWriter, pgDays } from '../../db/copy-binary.ts';
import { modeNames } from './domain/records.ts';
import type { SimulatedSeason } from './domain/simulate.ts';

/** Records to a chunk of the load's COPY: about 1.3 MB of tuples. */
export const RECORDS_PER_CHUNK = 10_000;
const FIELDS = 15;

/**
 * Records `from` to `to` as tuples of COPY's binary format, in `recordColumns`
 * order then `recorded_at` (an ISO timestamp): the same values as
 * `copyChunkOf`'s text, which PostgreSQL reads markedly faster (no uuid, date
 * or timestamp to parse).
 */
export function binaryChunkOf(s: SimulatedSeason, from: number, to: number, recordedAt: string, writer = new CopyBinaryWriter((to - from) * 140)): Uint8Array<ArrayBuffer> {
  const { nationalities: nat, ports, key } = s;
  const days = s.days.map(pgDays);
  const at = Date.parse(recordedAt);
  if (Number.isNaN(at)) throw new Error(`not a timestamp: ${recordedAt}`);
  for (let i = from; i < to; i++) {
    const mode = s.mode[i]!;
    const dp = s.departurePort[i]!;
    writer.row(FIELDS);
    writer.text(s.season);
    writer.uuid(key[i * 4]!, key[i * 4 + 1]!, key[i * 4 + 2]!, key[i * 4 + 3]!);
    writer.text('simulator');
    writer.null();
    writer.text(s.residence[i] ? 'domestic' : 'foreign');
    writer.text(nat[s.nationality[i]!]!);
    writer.text(s.gender[i] ? 'female' : 'male');
    writer.int2(s.age[i]!);
    if (mode) {
      writer.text(modeNames[mode]!);
      writer.text(ports[s.port[i]! - 1]!);
    } else {
      writer.null();
      writer.null();
    }
    writer.date(days[s.arrivalDay[i]!]!);
    writer.bool(s.makkahRoute[i] === 1);
    if (dp) {
      writer.text(ports[dp - 1]!);
      writer.date(days[s.departureDay[i]!]!);
    } else {
      writer.null();
      writer.null();
    }
    writer.timestamptz(at);
  }
  return writer.take();
}

/** Records `from` to `to` in binary chunks of `RECORDS_PER_CHUNK`. */
export function* binaryChunks(s: SimulatedSeason, from: number, to: number, recordedAt: string): Generator<Uint8Array<ArrayBuffer>> {
  const writer = new CopyBinaryWriter(RECORDS_PER_CHUNK * 140);
  for (let at = from; at < to; at += RECORDS_PER_CHUNK) yield binaryChunkOf(s, at, Math.min(to, at + RECORDS_PER_CHUNK), recordedAt, writer);
}
