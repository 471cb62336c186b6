import { watermarkLabel, watermarkText } from './watermark.js';

describe('watermark text', () => {
  it('names the person with the username and the day in Shanghai', () => {
    const label = watermarkLabel({ displayName: '王主任', username: 'ban-admin' });
    expect(label).toBe('王主任（ban-admin）');
    // 17:30 UTC is already the next day in Shanghai.
    expect(watermarkText(label, new Date('2026-12-06T17:30:00Z'))).toBe('王主任（ban-admin） 2026-12-07');
    expect(watermarkText(label, new Date('2026-12-06T15:59:00Z'))).toBe('王主任（ban-admin） 2026-12-06');
  });
});
