import { afterEach, describe, expect, it } from 'vitest';
import { holdingServerList, holdServerList, releaseServerList } from './first-screen-list';

/** The page as the server sends it to a liaison: the frame in #root with the task cards in it. */
function serverPage() {
  document.body.innerHTML = `<div id="root"><div data-first-screen="frame"><div inert>header</div>
    <section data-first-screen-list><a class="fs-card" href="/unit?task=t1">(一) 要点</a></section></div></div>`;
  window.history.replaceState(null, '', '/unit');
}

describe('the server-drawn task cards over the app’s first renders', () => {
  afterEach(() => releaseServerList());

  it('keeps the cards out of #root, where the first render would drop them, until the app’s list is drawn', () => {
    serverPage();
    holdServerList();
    expect(document.getElementById('root')!.children).toHaveLength(0);
    const held = document.querySelector<HTMLElement>('body > [data-first-screen=frame]')!;
    expect(held.style.position).toBe('absolute');
    expect(held.querySelector('a')!.getAttribute('href')).toBe('/unit?task=t1');
    expect(holdingServerList()).toBe(true);
    releaseServerList();
    expect(document.querySelector('[data-first-screen]')).toBeNull();
    expect(holdingServerList()).toBe(false);
  });

  it('leaves a page without the cards alone (another page, the plain frame)', () => {
    document.body.innerHTML = `<div id="root"><div data-first-screen="frame"><div inert>header</div></div></div>`;
    holdServerList();
    expect(document.querySelector('#root > [data-first-screen=frame]')).not.toBeNull();
    expect(holdingServerList()).toBe(false);
  });

  it('opens a tapped card in the app once it runs, instead of loading the page again', () => {
    serverPage();
    holdServerList();
    const routed: string[] = [];
    const onPop = () => routed.push(window.location.pathname + window.location.search);
    window.addEventListener('popstate', onPop);
    const link = document.querySelector<HTMLAnchorElement>('[data-first-screen-list] a')!;
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    link.dispatchEvent(click);
    window.removeEventListener('popstate', onPop);
    expect(click.defaultPrevented).toBe(true);
    expect(routed).toEqual(['/unit?task=t1']);
    expect(holdingServerList()).toBe(false);
  });

  it('lets the cards go when the app leaves the liaison’s home', async () => {
    serverPage();
    holdServerList();
    window.history.pushState(null, '', '/login');
    document.getElementById('root')!.appendChild(document.createElement('main'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(holdingServerList()).toBe(false);
  });
});
