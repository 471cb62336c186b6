import { ActionKey, fileActionKey } from './action-key';

describe('action keys', () => {
  it('keeps one key across retries of an action until it is renewed', () => {
    const action = new ActionKey();
    const first = action.get();
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(action.get()).toBe(first);
    action.renew();
    expect(action.get()).not.toBe(first);
  });

  it('gives the same chosen file the same key, and another file (even with equal bytes) its own', () => {
    const file = new File(['截图'], 'a.png');
    const again = new File(['截图'], 'a.png');
    expect(fileActionKey(file)).toBe(fileActionKey(file));
    expect(fileActionKey(again)).not.toBe(fileActionKey(file));
  });
});
