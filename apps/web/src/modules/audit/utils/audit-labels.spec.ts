import { describe, expect, it } from 'vitest';
import { actionLabel, entityLabel } from './audit-labels';

describe('audit labels', () => {
  it('names known actions and objects in Chinese and shows unknown codes as they are', () => {
    expect(actionLabel('sign_in')).toBe('登录');
    expect(actionLabel('task.close')).toBe('task.close');
    expect(entityLabel('download')).toBe('文件');
    expect(entityLabel('review_item')).toBe('review_item');
  });
});
