export const CSRF_COOKIE = 'duban_csrf';

/** The double-submit CSRF token the server set at sign-in (a readable cookie; the session cookie is not). */
export function readCsrfToken(cookie: string = document.cookie): string | null {
  for (const part of cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === CSRF_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return null;
}
