import { describe, expect, it } from 'vitest';
import { ProblemError, call, isNetworkProblem, toProblem, type Problem } from './problems.ts';

/** Every way a call can fail reaches the page as the problem the server gave, and only a request without an answer as a lost connection. */
const refusal: Problem = { type: 'about:blank', title: 'The signature does not verify.', status: 422, code: 'draw.bad_signature' };

describe('toProblem', () => {
  it.each([
    ['a problem body', refusal],
    ['what call() throws for a problem', new ProblemError(refusal)],
  ])('keeps the server\'s answer from %s', (_, error) => {
    expect(toProblem(error)).toEqual(refusal);
    expect(isNetworkProblem(toProblem(error))).toBe(false);
  });

  it.each([
    ['a fetch TypeError', new TypeError('Failed to fetch')],
    ['anything else', 'boom'],
  ])('reads %s as a lost connection', (_, error) => {
    expect(isNetworkProblem(toProblem(error))).toBe(true);
  });

  it('is what a page shows after call() rejects', async () => {
    const failing = call(Promise.resolve({ error: refusal, response: new Response(null, { status: 422 }) }));
    await expect(failing).rejects.toBeInstanceOf(ProblemError);
    expect(toProblem(await failing.catch((e: unknown) => e))).toEqual(refusal);
  });
});
