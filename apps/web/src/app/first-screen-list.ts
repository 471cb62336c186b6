/**
 * The liaison's first task cards the server drew into the page (apps/api/src/common/first-screen-tasks.ts):
 * links that work before the app's code has arrived. React's first render empties #root, and the app's
 * own list comes a little later (its data, then its render): dropped with #root, the cards would vanish
 * and come back. So before the first render the first screen that holds them moves out of #root to the
 * same place over the page, and stays until the app's list is drawn beneath it (releaseServerList).
 * Moved within one task, before any frame, it neither flashes nor shifts; taken away, nothing under it
 * moves either, since the app's page never flowed around it.
 */

const LIST = '[data-first-screen-list]';

/** The opening's length (first-load-link.ts's HELD_FOR_MS): the app's list is drawn well within it. */
const HELD_AT_MOST_MS = 15_000;

let held: HTMLElement | null = null;
let watcher: MutationObserver | null = null;

/** Keeps the server-drawn cards on screen over the app's first renders (called once, before the first). */
export function holdServerList(doc: Document = document): void {
  const root = doc.getElementById('root');
  const screen = root?.querySelector(LIST)?.closest<HTMLElement>('[data-first-screen]');
  if (!root || !screen) return;
  const { scrollX, scrollY } = doc.defaultView ?? { scrollX: 0, scrollY: 0 };
  Object.assign(screen.style, { position: 'absolute', top: '0', left: '0', width: '100%', zIndex: '1000' });
  doc.body.appendChild(screen);
  doc.defaultView?.scrollTo(scrollX, scrollY);
  held = screen;
  // A tap on a card once the app runs opens the task in the app (its drawer), not by loading the page again.
  screen.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a[href]');
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
      return;
    event.preventDefault();
    const href = link.getAttribute('href')!;
    releaseServerList();
    doc.defaultView?.history.pushState(null, '', href);
    doc.defaultView?.dispatchEvent(new PopStateEvent('popstate'));
  });
  // Anywhere but the liaison's home (a redirect to sign in, a link followed) the cards are not the page.
  watcher = new MutationObserver(() => {
    if (doc.defaultView?.location.pathname !== '/unit') releaseServerList();
  });
  watcher.observe(root, { childList: true, subtree: true });
  // However the app fares (an error drawn by its boundary), the cards do not outstay the opening.
  doc.defaultView?.setTimeout(releaseServerList, HELD_AT_MOST_MS);
}

/** The app's own list (or its empty or error state) is drawn: the server's cards go. */
export function releaseServerList(): void {
  watcher?.disconnect();
  watcher = null;
  held?.remove();
  held = null;
}

/** Whether server-drawn cards are still over the page (tests). */
export const holdingServerList = () => held !== null;
