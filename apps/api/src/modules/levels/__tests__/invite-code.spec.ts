import { inviteCodeHash, newInviteCode, normalizeInviteCode } from '../invite-code.js';

describe('invitation codes', () => {
  it('are three groups of four unambiguous characters, different each time', () => {
    const codes = new Set(Array.from({ length: 200 }, () => newInviteCode()));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
  });

  it('are read back from how people type or paste them', () => {
    expect(normalizeInviteCode('k7qm 3xhd p9ta')).toBe('K7QM-3XHD-P9TA');
    expect(normalizeInviteCode(' K7QM-3XHD-P9TA ')).toBe('K7QM-3XHD-P9TA');
    expect(normalizeInviteCode('https://duban.example.gov.cn/settings?tab=levels&code=K7QM-3XHD-P9TA')).toBe(
      'K7QM-3XHD-P9TA',
    );
  });

  it('refuse what cannot be a code (wrong length, ambiguous characters)', () => {
    expect(normalizeInviteCode('K7QM-3XHD')).toBeNull();
    expect(normalizeInviteCode('K7QM-3XHD-P9T0')).toBeNull();
    expect(normalizeInviteCode('')).toBeNull();
  });

  it('are stored as a hash that differs per code', () => {
    expect(inviteCodeHash('K7QM-3XHD-P9TA')).toMatch(/^[0-9a-f]{64}$/);
    expect(inviteCodeHash('K7QM-3XHD-P9TA')).not.toBe(inviteCodeHash('K7QM-3XHD-P9TB'));
  });
});
