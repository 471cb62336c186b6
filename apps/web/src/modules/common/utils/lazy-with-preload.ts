import { createElement, lazy, type ComponentType } from 'react';

/**
 * React.lazy that draws its component at once when the code has already arrived (preloaded, or
 * asked for by an earlier render). Plain lazy always suspends on its first render, showing the
 * fallback and then holding the reveal (React throttles revealed fallbacks by 300 ms): a layout, the
 * page inside it and the page's table cost a phone three of those one after the other.
 */
export function lazyWithPreload<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  let loaded: ComponentType<P> | undefined;
  // Set before React.lazy's own callback runs (same promise, earlier `then`): once the lazy version
  // could render, this one is used, so the component is never mounted twice.
  const preload = () =>
    load().then((module) => {
      loaded = module.default;
      return module;
    });
  const Lazy = lazy(preload);
  const Component = (props: P) => createElement(loaded ?? Lazy, props);
  return Object.assign(Component, { preload });
}
