import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, useState } from 'react';
import { createMockClient } from '../test/mock-client';
import { turnableScreen } from '../test/phone-screen';
import { Providers } from './app';

/** Counts its mounts and keeps what was typed, as an open form does. */
function Page({ mounts }: { mounts: { count: number } }) {
  const [text, setText] = useState('');
  useEffect(() => {
    mounts.count += 1;
  }, [mounts]);
  return <input aria-label="工作进展" value={text} onChange={(e) => setText(e.target.value)} />;
}

describe('the providers around the app', () => {
  it('keeps the page mounted, with what was typed, when the screen turns across the phone breakpoint', async () => {
    const screenTurn = turnableScreen();
    try {
      const mounts = { count: 0 };
      const { client } = createMockClient({});
      render(
        <Providers client={client}>
          <Page mounts={mounts} />
        </Providers>,
      );
      await userEvent.type(screen.getByLabelText('工作进展'), '已开设专栏');
      act(() => screenTurn.turn(true));
      act(() => screenTurn.turn(false));
      act(() => screenTurn.turn(true));
      expect(screen.getByLabelText('工作进展')).toHaveValue('已开设专栏');
      expect(mounts.count).toBe(1);
    } finally {
      screenTurn.restore();
    }
  });
});
