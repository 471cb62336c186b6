/**
 * The key a unit name as written is remembered and grouped by: the same name whatever its width,
 * spacing or quotes (（大数据局） and (大数据局) are one name).
 */
export function unitNameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/[“”"'‘’《》]/gu, '');
}
