import { assessControls, type AssessmentState } from './assessment.js';

const level3: AssessmentState = {
  policy: {
    passwordMinLength: 10,
    passwordMinClasses: 3,
    passwordHistory: 5,
    passwordMaxAgeDays: 90,
    sessionIdleMinutes: 30,
    sessionMaxHours: 12,
    twoFactorRoles: ['OFFICE_ADMIN', 'SECURITY_ADMIN', 'SECURITY_AUDITOR'],
    watermark: true,
  },
  lockout: { failures: 5, minutes: 15 },
  twoFactorPending: 0,
  duties: { systemAdmins: 1, securityAdmins: 1, auditors: 1, combined: 0 },
  oneTimePasswords: 0,
  unusedAccounts: 0,
  unusedDays: 90,
  chain: { ok: true, verified: 12, pending: 0, breakSeq: null, checkedAt: new Date('2026-12-06T10:00:00Z') },
  oldestAuditAt: new Date('2026-11-06T10:00:00Z'),
  retentionDays: 180,
  secrets: { count: 2, plain: 0, staleKey: 0, newestKeyId: 'k1' },
  passwordHashes: [{ algorithm: 'pbkdf2-sm3', count: 3 }],
  backup: { nightly: true, ageHours: 7 },
};

const byKey = (state: AssessmentState) => Object.fromEntries(assessControls(state).map((c) => [c.key, c]));

describe('assessControls', () => {
  it('meets every control of a tenant configured for level 3, with no reason given', () => {
    const controls = assessControls(level3);
    expect(controls.filter((c) => c.status !== 'MET')).toEqual([]);
    expect(controls.every((c) => c.why === null && c.setting && c.evidence)).toBe(true);
    expect(byKey(level3)['audit-retention'].setting).toContain('现存最早记录 30 天前');
  });

  it.each([
    ['password-expiry', { policy: { ...level3.policy, passwordMaxAgeDays: 0 } }, '密码有效期未启用'],
    ['password-expiry', { policy: { ...level3.policy, passwordMaxAgeDays: 180 } }, '长于 90 天'],
    ['password-complexity', { policy: { ...level3.policy, passwordMinClasses: 2 } }, '至少 3 类'],
    ['session-timeout', { policy: { ...level3.policy, sessionIdleMinutes: 60 } }, '长于 30 分钟'],
    ['two-factor', { policy: { ...level3.policy, twoFactorRoles: ['SECURITY_AUDITOR' as const] } }, '政务公开办'],
    ['watermark', { policy: { ...level3.policy, watermark: false } }, '水印未开启'],
    [
      'separation-of-duties',
      { duties: { systemAdmins: 1, securityAdmins: 1, auditors: 0, combined: 1 } },
      '安全审计员',
    ],
    ['unused-accounts', { unusedAccounts: 3 }, '闲置账号应及时停用'],
    ['audit-chain', { chain: { ...level3.chain, ok: false, breakSeq: 7 } }, '被删除或改动'],
    ['backup', { backup: { nightly: true, ageHours: 72 } }, '超过 48 小时'],
    ['secrets-sm4', { secrets: { count: 2, plain: 1, staleKey: 1, newestKeyId: 'k1' } }, '明文'],
    ['backup', { backup: { nightly: true, ageHours: null } }, '尚无备份'],
  ] as [string, Partial<AssessmentState>, string][])('%s is not met when weakened (%#)', (key, change, why) => {
    const control = byKey({ ...level3, ...change })[key];
    expect(control.status).toBe('NOT_MET');
    expect(control.why).toContain(why);
  });

  it('says where a broken chain breaks, and counts what waits for two-factor', () => {
    const c = byKey({ ...level3, chain: { ...level3.chain, ok: false, breakSeq: 7 }, twoFactorPending: 2 });
    expect(c['audit-chain'].setting).toBe('校验未通过：第 7 条起链接断开');
    expect(c['audit-hmac-sm3'].status).toBe('NOT_MET');
    expect(c['two-factor'].setting).toContain('2 个账号尚未绑定');
  });

  it('marks what level 3 does not require but a 密评 assessor may ask as advisory', () => {
    const c = byKey({
      ...level3,
      passwordHashes: [{ algorithm: 'argon2id', count: 4 }],
      secrets: { count: 2, plain: 0, staleKey: 1, newestKeyId: 'k2' },
      backup: { nightly: false, ageHours: null },
    });
    expect(c['password-hash']).toMatchObject({ status: 'ADVISORY', setting: 'argon2id 4 个' });
    expect(c['secrets-sm4']).toMatchObject({ status: 'ADVISORY', setting: expect.stringContaining('1 项仍用旧密钥') });
    expect(c.backup.status).toBe('ADVISORY');
  });
});
