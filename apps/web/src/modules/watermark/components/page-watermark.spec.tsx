import { render, waitFor } from '@testing-library/react';
import { WATERMARK_TEST_ID } from '../hooks/use-watermark';
import { contrastRatio, over, WATERMARK_ALPHA } from '../utils/watermark-tile';
import { PageWatermark } from './page-watermark';

const node = () => document.querySelector<HTMLElement>(`[data-testid="${WATERMARK_TEST_ID}"]`);

describe('PageWatermark', () => {
  afterEach(() => vi.useRealTimers());

  it('tiles the name, username and Shanghai date over the page without taking clicks', () => {
    vi.useFakeTimers({ now: new Date('2026-12-06T17:30:00Z'), toFake: ['Date'] });
    const { unmount } = render(<PageWatermark label="王主任（ban-admin）" />);
    const mark = node()!;
    expect(mark.parentElement).toBe(document.body);
    expect(mark.dataset.text).toBe('王主任（ban-admin） 2026-12-07');
    expect(mark.style.pointerEvents).toBe('none');
    expect(mark.style.position).toBe('fixed');
    expect(decodeURIComponent(mark.style.backgroundImage)).toContain('王主任（ban-admin） 2026-12-07');
    expect(mark.getAttribute('aria-hidden')).toBe('true');
    unmount();
    expect(node()).toBeNull();
  });

  it('draws nothing while the tenant has it off', () => {
    render(<PageWatermark label={null} />);
    expect(node()).toBeNull();
  });

  it('comes back when its node is removed or its style is changed', async () => {
    const { unmount } = render(<PageWatermark label="李四（lisi）" />);
    node()!.remove();
    await waitFor(() => expect(node()).not.toBeNull());
    node()!.style.display = 'none';
    await waitFor(() => expect(node()!.style.display).toBe(''));
    node()!.hidden = true;
    await waitFor(() => expect(node()!.hidden).toBe(false));
    unmount();
  });

  it('keeps the page text readable (WCAG AA: 4.5:1 for the body text over the darkest watermark)', () => {
    const white = [255, 255, 255];
    const tinted = over([0, 0, 0], WATERMARK_ALPHA, white);
    // Ant Design's body text: rgba(0, 0, 0, 0.88) on the page.
    const text = over([0, 0, 0], 0.88, tinted);
    expect(contrastRatio(text, tinted)).toBeGreaterThan(4.5);
    // And faint: the watermark itself stays well below the contrast of text.
    expect(contrastRatio(tinted, white)).toBeLessThan(1.3);
  });
});
