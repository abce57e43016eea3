import { describe, expect, it } from 'vitest';
import { csat, emptyCounts, indicators, nps, perThousand, share, wilson } from './indicators.ts';

describe('Wilson intervals', () => {
  // Reference values: Newcombe (1998), Table I, and R's prop.test(correct = FALSE).
  it.each([
    ['81 of 263 (Newcombe\'s example)', 81, 263, { low: 0.2553, high: 0.3662 }],
    ['15 of 148', 15, 148, { low: 0.0624, high: 0.1605 }],
    ['0 of 10 still has a width', 0, 10, { low: 0, high: 0.2775 }],
    ['10 of 10 too', 10, 10, { low: 0.7225, high: 1 }],
  ] as const)('%s', (_rule, k, n, expected) => {
    expect(wilson(k, n)).toEqual(expected);
  });
});

describe('indicators from counts', () => {
  it.each([
    ['CSAT is the share of 4 and 5', csat({ csatN: 200, csatTop2: 182 }), { value: 0.91, n: 200, publishable: true }],
    ['a group of 9 is withheld everywhere', csat({ csatN: 9, csatTop2: 9 }), { value: null, withheld: 'small_group' }],
    ['a group of 10 to 29 is shown but not published', csat({ csatN: 12, csatTop2: 6 }), { value: 0.5, publishable: false }],
    ['NPS is promoters minus detractors, in points', nps({ npsN: 100, promoters: 60, detractors: 15 }), { value: 45, n: 100 }],
    ['complaints per thousand pilgrims', perThousand(3, 1500), { value: 2, complaints: 3, pilgrims: 1500 }],
    ['a response rate over invitations', share(45, 150), { value: 0.3, n: 150 }],
  ] as const)('%s', (_rule, figure, expected) => {
    expect(figure).toMatchObject(expected);
  });

  it('gives NPS an interval that holds its value', () => {
    const v = nps({ npsN: 100, promoters: 60, detractors: 15 });
    expect(v.value).toBe(45);
    // se = sqrt((0.6 + 0.15 − 0.45²) / 100) = 0.0740; 45 ± 1.96 × 7.40 points
    expect(v).toMatchObject({ low: 30.5, high: 59.5 });
  });

  it('withholds medians of fewer than ten complaints', () => {
    expect(indicators({ ...emptyCounts(), complaints: 9, medianFirstAnswerMinutes: 30 }).medianFirstAnswerMinutes).toBeNull();
    expect(indicators({ ...emptyCounts(), complaints: 10, medianFirstAnswerMinutes: 30 }).medianFirstAnswerMinutes).toBe(30);
  });
});
