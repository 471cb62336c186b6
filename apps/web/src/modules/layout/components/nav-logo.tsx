import { Link } from 'react-router';

/** The product's name at the top of the menu, leading home. */
export function NavLogo() {
  return (
    <Link
      to="/"
      style={{
        display: 'block',
        height: 56,
        lineHeight: '56px',
        color: '#fff',
        fontSize: 18,
        fontWeight: 600,
        textAlign: 'center',
        letterSpacing: 4,
      }}
    >
      督办
    </Link>
  );
}
