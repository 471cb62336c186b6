import { withSearchParams } from './search-params';

describe('withSearchParams', () => {
  it('sets, replaces and removes the given parameters and keeps the others', () => {
    const params = new URLSearchParams('plan=p1&task=t1&q=公开');
    const next = withSearchParams(params, { task: null, light: 'RED', year: 2026, q: '', plan: 'p2', unit: undefined });
    expect(Object.fromEntries(next)).toEqual({ plan: 'p2', light: 'RED', year: '2026' });
    // The page's own params are not changed in place.
    expect(params.toString()).toBe(new URLSearchParams('plan=p1&task=t1&q=公开').toString());
  });
});
