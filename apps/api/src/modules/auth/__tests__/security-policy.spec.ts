import { checkSecurityPolicy } from '../security-policy-check.js';
import { DEFAULT_SECURITY_POLICY, passwordExpired, passwordProblem } from '../security-policy.js';
import { readablePassword } from '../password.js';
import { sessionEnded, sessionNeedsTouch } from '../session-lifetime.js';

const strict = { ...DEFAULT_SECURITY_POLICY, passwordMinLength: 12, passwordMinClasses: 4 };

describe('password rules', () => {
  it('keeps today’s rule by default: 8 characters with letters and digits', () => {
    expect(passwordProblem('abc12345')).toBeNull();
    expect(passwordProblem('abc1234')).toBe('密码至少 8 位');
    expect(passwordProblem('abcdefgh')).toBe('密码须同时包含字母和数字');
    expect(passwordProblem('ABCDEFGH!')).toBe('密码须同时包含字母和数字');
  });

  it('applies the tenant’s length and character classes', () => {
    expect(passwordProblem('Abcdefgh123', strict)).toBe('密码至少 12 位');
    expect(passwordProblem('Abcdefgh1234', strict)).toBe('密码须至少包含大写字母、小写字母、数字、特殊字符中的 4 种');
    expect(passwordProblem('Abcdefgh123!', strict)).toBeNull();
    expect(passwordProblem('abcdefgh123!', { ...strict, passwordMinClasses: 3 })).toBeNull();
  });

  it('refuses a password that contains the username', () => {
    expect(passwordProblem('wangli2026!', DEFAULT_SECURITY_POLICY, 'WangLi')).toBe('密码不能包含用户名');
    expect(passwordProblem('wangli2026!', DEFAULT_SECURITY_POLICY, 'zhang')).toBeNull();
  });

  it('makes one-time passwords that pass the strictest policy', () => {
    for (let i = 0; i < 50; i++) {
      const p = readablePassword({ passwordMinLength: 16, passwordMinClasses: 4 });
      expect(p).toHaveLength(16);
      expect(passwordProblem(p, { passwordMinLength: 16, passwordMinClasses: 4 })).toBeNull();
    }
    expect(readablePassword()).toMatch(/^[A-Za-z2-9]{12}$/);
  });

  it('expires a password by its age, never when the policy says 0', () => {
    const now = new Date('2026-12-06T12:00:00Z');
    const day = 24 * 3600 * 1000;
    expect(passwordExpired(new Date(now.getTime() - 90 * day), { passwordMaxAgeDays: 90 }, now)).toBe(true);
    expect(passwordExpired(new Date(now.getTime() - 89 * day), { passwordMaxAgeDays: 90 }, now)).toBe(false);
    expect(passwordExpired(new Date(now.getTime() - 900 * day), { passwordMaxAgeDays: 0 }, now)).toBe(false);
  });

  it('validates a submitted policy with Chinese messages', () => {
    expect(checkSecurityPolicy({ ...DEFAULT_SECURITY_POLICY })).toEqual(DEFAULT_SECURITY_POLICY);
    expect(() => checkSecurityPolicy({ ...DEFAULT_SECURITY_POLICY, passwordMinLength: 6 })).toThrow(
      '密码最小长度应为 8 到 64 之间的整数',
    );
    expect(() => checkSecurityPolicy({ ...DEFAULT_SECURITY_POLICY, passwordHistory: 1.5 })).toThrow(/历史密码/);
    expect(() =>
      checkSecurityPolicy({ ...DEFAULT_SECURITY_POLICY, sessionIdleMinutes: 120, sessionMaxHours: 1 }),
    ).toThrow('无操作自动退出时间不能长于会话最长有效时间');
  });
});

describe('session lifetime', () => {
  const at = (minutes: number) => new Date(Date.UTC(2026, 11, 6, 8, 0) + minutes * 60_000);
  const session = { createdAt: at(0), lastSeenAt: at(0), expiresAt: at(12 * 60) };
  const policy = { sessionIdleMinutes: 30, sessionMaxHours: 12 };

  it('lives while used, ends after the idle limit', () => {
    expect(sessionEnded(session, policy, at(29))).toBeNull();
    expect(sessionEnded(session, policy, at(30))).toBe('SESSION_IDLE');
    expect(sessionEnded({ ...session, lastSeenAt: at(100) }, policy, at(120))).toBeNull();
  });

  it('ends at the absolute lifetime however busy, and a tightened policy applies at once', () => {
    const busy = { ...session, lastSeenAt: at(12 * 60 - 1) };
    expect(sessionEnded(busy, policy, at(12 * 60))).toBe('SESSION_EXPIRED');
    expect(sessionEnded({ ...session, lastSeenAt: at(59) }, { ...policy, sessionMaxHours: 1 }, at(60))).toBe(
      'SESSION_EXPIRED',
    );
    expect(sessionEnded({ ...session, lastSeenAt: at(10) }, { ...policy, sessionIdleMinutes: 5 }, at(15))).toBe(
      'SESSION_IDLE',
    );
  });

  it('writes the last activity at most once a minute', () => {
    expect(sessionNeedsTouch({ lastSeenAt: at(0) }, new Date(at(0).getTime() + 59_000))).toBe(false);
    expect(sessionNeedsTouch({ lastSeenAt: at(0) }, at(1))).toBe(true);
  });
});
