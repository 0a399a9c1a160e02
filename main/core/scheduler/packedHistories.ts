// Review histories as a few typed arrays, for handing to a worker thread: posting CardHistory objects clones every
// answer object on the sending thread (tens of milliseconds at ~50,000 answers), while these buffers are
// transferred without a copy. Packing and unpacking give back the same numbers (days and instants are integers, far
// inside a double's exact range; qualities 0–5), so a replay of the unpacked histories is the replay of the originals.
import type { Quality } from '../../contract/api';
import type { CardHistory } from './evaluate';
import type { LoggedAnswer } from './replay';

export interface PackedHistories {
  cardIds: string[];
  /** Card i's answers are at [ends[i-1] (0 for the first card), ends[i]). */
  ends: Uint32Array;
  quality: Uint8Array;
  reviewedAt: Float64Array;
  day: Float64Array;
}

export function packHistories(histories: readonly CardHistory[]): PackedHistories {
  let n = 0;
  for (const h of histories) n += h.answers.length;
  const packed: PackedHistories = {
    cardIds: histories.map((h) => h.cardId),
    ends: new Uint32Array(histories.length),
    quality: new Uint8Array(n),
    reviewedAt: new Float64Array(n),
    day: new Float64Array(n),
  };
  let k = 0;
  histories.forEach((h, i) => {
    for (const a of h.answers) {
      packed.quality[k] = a.quality;
      packed.reviewedAt[k] = a.reviewedAt;
      packed.day[k] = a.day;
      k++;
    }
    packed.ends[i] = k;
  });
  return packed;
}

export function unpackHistories({ cardIds, ends, quality, reviewedAt, day }: PackedHistories): CardHistory[] {
  let k = 0;
  return cardIds.map((cardId, i) => {
    const answers: LoggedAnswer[] = [];
    for (; k < ends[i]; k++) answers.push({ quality: quality[k] as Quality, reviewedAt: reviewedAt[k], day: day[k] });
    return { cardId, answers };
  });
}

/** The buffers to transfer with a posted PackedHistories. */
export const packedBuffers = (p: PackedHistories): ArrayBuffer[] => [p.ends.buffer, p.quality.buffer, p.reviewedAt.buffer, p.day.buffer] as ArrayBuffer[];
