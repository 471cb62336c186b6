import { render, screen, waitFor } from '@testing-library/react';
import { Modal, theme } from 'antd';
import { createMockClient } from '../../../test/mock-client';
import { mediaAnswering } from '../../../test/phone-screen';
import { Providers } from '../../../app/app';
import { prefersReducedMotion, withMotionPreference } from './use-reduced-motion';

/** Media queries answer as a system set to reduce motion (`reduce`), or not, optionally also as a phone. */
function motionPreference(reduce: boolean, phone = false): () => void {
  return mediaAnswering(
    (query) => (reduce && /prefers-reduced-motion: reduce/.test(query)) || (phone && /max-width: 767px/.test(query)),
  );
}

/** Prints the antd tokens the app's providers give a page. */
function Tokens() {
  const { token } = theme.useToken();
  return (
    <output aria-label="tokens">
      {JSON.stringify({ motion: token.motion, mid: token.motionDurationMid, height: token.controlHeight })}
    </output>
  );
}

function renderApp(children: React.ReactNode) {
  const { client } = createMockClient({});
  return render(<Providers client={client}>{children}</Providers>);
}

const tokens = () => JSON.parse(screen.getByLabelText('tokens').textContent ?? '{}');

describe('prefers-reduced-motion (WCAG 2.3.3)', () => {
  it('turns antd’s motion off, keeping the phone’s controls, when the system asks for less motion', () => {
    const restore = motionPreference(true, true);
    try {
      renderApp(<Tokens />);
      expect(tokens()).toEqual({ motion: false, mid: '0s', height: 44 });
    } finally {
      restore();
    }
  });

  it('keeps antd’s motion as most users see it otherwise', () => {
    const restore = motionPreference(false);
    try {
      renderApp(<Tokens />);
      expect(tokens()).toEqual({ motion: true, mid: '0.2s', height: 32 });
    } finally {
      restore();
    }
  });

  it('opens a dialog without its zoom only under the preference', async () => {
    for (const reduce of [false, true]) {
      const restore = motionPreference(reduce);
      // Every class the dialog carries while it opens: rc-motion's zoom steps (`ant-zoom-appear-active`
      // while it zooms; a dialog without motion passes only through the step that places it).
      const seen = new Set<string>();
      const observer = new MutationObserver((records) => {
        for (const record of records)
          if (record.target instanceof Element && record.target.classList.contains('ant-modal'))
            seen.add(record.target.className);
      });
      observer.observe(document.body, { attributes: true, attributeFilter: ['class'], subtree: true });
      try {
        const { unmount } = renderApp(
          <Modal open title="上报进展">
            内容
          </Modal>,
        );
        const dialog = () => document.querySelector('.ant-modal')?.className ?? '';
        if (reduce) await waitFor(() => expect(dialog()).not.toMatch(/ant-zoom/));
        else await waitFor(() => expect(dialog()).toMatch(/ant-zoom-appear-active/));
        expect([...seen].some((name) => /ant-zoom-appear-active/.test(name))).toBe(!reduce);
        unmount();
      } finally {
        observer.disconnect();
        restore();
      }
    }
  });

  it('draws ECharts at once under the preference, the option untouched otherwise', () => {
    const option = { series: [] };
    let restore = motionPreference(true);
    try {
      expect(prefersReducedMotion()).toBe(true);
      expect(withMotionPreference(option)).toEqual({ series: [], animation: false });
    } finally {
      restore();
    }
    restore = motionPreference(false);
    try {
      expect(withMotionPreference(option)).toBe(option);
    } finally {
      restore();
    }
  });
});
