// opencc-js ships its character dictionaries as untyped ESM modules ("a b|c d|…" strings).
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
