import { act, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { lazyWithPreload } from './lazy-with-preload';

const Page = ({ name }: { name: string }) => <p>页面 {name}</p>;

describe('lazyWithPreload', () => {
  it('draws a component whose code has arrived in the first render, without the fallback', async () => {
    const LazyPage = lazyWithPreload(() => Promise.resolve({ default: Page }));
    await LazyPage.preload();
    render(
      <Suspense fallback={<p>加载中</p>}>
        <LazyPage name="甲" />
      </Suspense>,
    );
    // Synchronously: no act() flush, no waiting.
    expect(screen.getByText('页面 甲')).toBeInTheDocument();
    expect(screen.queryByText('加载中')).toBeNull();
  });

  it('suspends like React.lazy while the code is still on its way', async () => {
    let arrive!: () => void;
    const LazyPage = lazyWithPreload(
      () => new Promise<{ default: typeof Page }>((resolve) => (arrive = () => resolve({ default: Page }))),
    );
    render(
      <Suspense fallback={<p>加载中</p>}>
        <LazyPage name="乙" />
      </Suspense>,
    );
    expect(screen.getByText('加载中')).toBeInTheDocument();
    await act(async () => arrive());
    expect(await screen.findByText('页面 乙')).toBeInTheDocument();
  });
});
