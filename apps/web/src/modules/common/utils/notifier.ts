/**
 * A tiny bridge between code outside React (the Apollo links) and antd's context-aware message API,
 * which only exists inside <App>. The shell registers the real implementation on mount.
 */
export interface Notifier {
  error(text: string): void;
  success(text: string): void;
}

let current: Notifier = {
  error: (text) => console.error(text),
  success: () => undefined,
};

export function setNotifier(next: Notifier) {
  current = next;
}

export const notify: Notifier = {
  error: (text) => current.error(text),
  success: (text) => current.success(text),
};

/** `message`: why the server ended the session (shown on the way to sign-in), else the usual words. */
type SignedOutHandler = (message?: string) => void;
let onSignedOut: SignedOutHandler = () => {
  if (!window.location.pathname.startsWith('/login')) window.location.assign('/login');
};

/** The router registers a handler so an expired session lands on /login without a full reload. */
export function setSignedOutHandler(handler: SignedOutHandler) {
  onSignedOut = handler;
}

export function signedOut(message?: string) {
  onSignedOut(message);
}
