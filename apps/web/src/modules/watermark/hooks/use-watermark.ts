import { useEffect } from 'react';
import { watermarkText } from '@duban/domain';
import { watermarkTile } from '../utils/watermark-tile';

export const WATERMARK_TEST_ID = 'page-watermark';

/** Fixed over the whole page, above everything, letting every click through, printed with the page. */
function styleFor(text: string): string {
  return [
    'position: fixed',
    'inset: 0',
    'z-index: 2147483000',
    'pointer-events: none',
    `background-image: ${watermarkTile(text)}`,
    'background-repeat: repeat',
    'print-color-adjust: exact',
    '-webkit-print-color-adjust: exact',
  ].join('; ');
}

/** Checks the day again this often, so a page left open overnight shows the new date. */
const REFRESH_MS = 60_000;

/**
 * 防泄漏: while `label` is set (the tenant has the watermark on), tiles "name（username） date" over the
 * page. The node is put back if something removes it or changes its look (a MutationObserver on the
 * body and on the node), so it does not go away by accident — nor by a casual deletion in the browser's
 * tools; it is a deterrent on screenshots, not a lock.
 */
export function useWatermark(label: string | null | undefined): void {
  useEffect(() => {
    if (!label) return;
    const node = document.createElement('div');
    node.setAttribute('aria-hidden', 'true');
    node.dataset.testid = WATERMARK_TEST_ID;
    let text = watermarkText(label, new Date());
    const paint = () => {
      node.setAttribute('style', styleFor(text));
      node.dataset.text = text;
    };
    paint();
    document.body.appendChild(node);
    const observer = new MutationObserver(() => {
      if (node.parentNode !== document.body) document.body.appendChild(node);
      if (node.getAttribute('style') !== styleFor(text) || node.dataset.text !== text || node.hidden) {
        node.hidden = false;
        paint();
      }
    });
    observer.observe(document.body, { childList: true });
    observer.observe(node, { attributes: true });
    const timer = window.setInterval(() => {
      const now = watermarkText(label, new Date());
      if (now !== text) {
        text = now;
        paint();
      }
    }, REFRESH_MS);
    return () => {
      observer.disconnect();
      window.clearInterval(timer);
      node.remove();
    };
  }, [label]);
}
