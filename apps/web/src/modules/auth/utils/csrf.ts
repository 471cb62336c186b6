export const CSRF_COOKIE = 'duban_csrf';
/** Over HTTPS the server prefixes its cookies with __Host- (bound to this exact origin). */
const CSRF_COOKIES = [CSRF_COOKIE, `__Host-${CSRF_COOKIE}`];

/** The double-submit CSRF token the server set at sign-in (a readable cookie; the session cookie is not). */
export function readCsrfToken(cookie: string = document.cookie): string | null {
  for (const part of cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (CSRF_COOKIES.includes(name)) return decodeURIComponent(rest.join('='));
  }
  return null;
}
