import { describe, expect, it } from 'vitest';
import { actionLabel, describeRecord, entityLabel } from './audit-labels';

describe('audit labels', () => {
  it('names known actions and objects in Chinese and shows unknown codes as they are', () => {
    expect(actionLabel('sign_in')).toBe('登录');
    expect(actionLabel('task.close')).toBe('task.close');
    expect(entityLabel('download')).toBe('文件');
    expect(entityLabel('review_item')).toBe('review_item');
  });

  it('says why a sign-in failed, what was exported with which filters, and the raw values otherwise', () => {
    expect(
      describeRecord({ action: 'sign_in', after: JSON.stringify({ reason: 'wrong password', username: 'admin' }) }),
    ).toBe('失败原因：密码错误（用户名 admin）');
    expect(describeRecord({ action: 'sign_in', after: JSON.stringify({ via: 'sso' }) })).toBe('统一身份认证登录');
    expect(
      describeRecord({
        action: 'sign_in',
        after: JSON.stringify({ reason: 'wrong second factor', username: 'admin' }),
      }),
    ).toBe('失败原因：动态验证码错误或已使用过（用户名 admin）');
    expect(describeRecord({ action: 'session.timeout', note: 'SESSION_IDLE' })).toBe('长时间未操作，自动退出');
    expect(
      describeRecord({
        action: 'export',
        after: JSON.stringify({ route: '/exports/ledger.xlsx', file: '台账.xlsx', filters: { light: 'RED' } }),
      }),
    ).toBe('文件“台账.xlsx”；筛选条件：light=RED');
    expect(describeRecord({ action: 'update', before: '{"a":1}', after: '{"a":2}', note: '改' })).toBe(
      '原：{"a":1}\n新：{"a":2}\n说明：改',
    );
  });
});
