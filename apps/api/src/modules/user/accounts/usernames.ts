import { pinyinPro } from '../../../common/heavy-libraries.js';

const MAX_BASE = 40;

/** 张晓明 → zhangxiaoming; letters and digits of a name written in Latin are kept as they are. */
export function pinyinOf(text: string): string {
  return pinyinPro()
    .pinyin(text, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, MAX_BASE);
}

/** 省发展和改革委员会 → sfzhggwyh: the initials, short enough to type, for unit-based names. */
export function initialsOf(text: string): string {
  return pinyinPro()
    .pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 12);
}

/**
 * A free username for a person: the pinyin of the name, or when the name gives none, the unit's
 * initials and a role suffix (lly 联络员, ld 领导); a number follows when it is taken (zhangsan2).
 * `taken` holds lower-cased names and is extended with the one returned.
 */
export function suggestUsername(
  displayName: string,
  unitName: string | null,
  roleSuffix: string,
  taken: Set<string>,
): string {
  let base = pinyinOf(displayName);
  if (base.length < 2) base = `${initialsOf(unitName ?? '') || 'user'}-${roleSuffix}`;
  if (/^[0-9]/.test(base)) base = `u${base}`;
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
  taken.add(name);
  return name;
}
