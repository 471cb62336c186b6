import { appendPage } from './append-page';

describe('appendPage', () => {
  it('puts the next page after the rows shown, keeping the newest page info', () => {
    const prev = { list: { nodes: [1, 2], totalCount: 5, pageInfo: { endCursor: 'b', hasNextPage: true } } };
    const next = { list: { nodes: [3, 4], totalCount: 5, pageInfo: { endCursor: 'd', hasNextPage: true } } };
    expect(appendPage('list')(prev, { fetchMoreResult: next })).toEqual({ list: { nodes: [1, 2, 3, 4], totalCount: 5, pageInfo: { endCursor: 'd', hasNextPage: true } } });
  });
});
