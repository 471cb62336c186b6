import { accountManagerRefusal, heldRoles, holdsBusinessRole, roleGrantRefusal } from './admin-duties.js';

const SYSTEM = ['OFFICE_ADMIN'] as const;
const SECURITY = ['SECURITY_ADMIN'] as const;
const BOTH = ['OFFICE_ADMIN', 'SECURITY_ADMIN'] as const;

describe('三员分立 rules', () => {
  it('adds the security role only to an office admin holding it', () => {
    expect(heldRoles('OFFICE_ADMIN', true)).toEqual(['OFFICE_ADMIN', 'SECURITY_ADMIN']);
    expect(heldRoles('OFFICE_ADMIN', false)).toEqual(['OFFICE_ADMIN']);
    expect(heldRoles('OFFICE_STAFF', true)).toEqual(['OFFICE_STAFF']);
    expect(holdsBusinessRole(['SECURITY_AUDITOR'])).toBe(false);
    expect(holdsBusinessRole(['SECURITY_ADMIN'])).toBe(false);
    expect(holdsBusinessRole(BOTH)).toBe(true);
  });

  it('leaves the 三员 roles to the security admin and the business roles to the system admin', () => {
    expect(roleGrantRefusal(SYSTEM, false, ['OFFICE_STAFF'], ['SECURITY_AUDITOR'])).toMatch('须由安全管理员办理');
    expect(roleGrantRefusal(SYSTEM, false, ['OFFICE_STAFF'], ['OFFICE_ADMIN'])).toMatch('须由安全管理员办理');
    expect(roleGrantRefusal(SYSTEM, false, ['OFFICE_ADMIN'], ['OFFICE_STAFF'])).toMatch('须由安全管理员办理');
    expect(roleGrantRefusal(SYSTEM, false, ['UNIT_LIAISON'], ['UNIT_LEADER'])).toBeNull();
    expect(roleGrantRefusal(SECURITY, false, ['OFFICE_STAFF'], ['SECURITY_AUDITOR'])).toBeNull();
    expect(roleGrantRefusal(SECURITY, false, ['OFFICE_ADMIN'], [...BOTH])).toBeNull();
    expect(roleGrantRefusal(SECURITY, false, ['UNIT_LIAISON'], ['UNIT_LEADER'])).toMatch('由系统管理员设置');
    expect(roleGrantRefusal(BOTH, false, ['UNIT_LIAISON'], ['SECURITY_ADMIN'])).toBeNull();
  });

  it('never combines the auditor, and nobody changes their own roles', () => {
    expect(roleGrantRefusal(BOTH, false, ['OFFICE_STAFF'], ['SECURITY_AUDITOR', 'OFFICE_ADMIN'])).toMatch('不能兼任');
    expect(roleGrantRefusal(BOTH, true, [...BOTH], ['SECURITY_AUDITOR'])).toMatch('不能修改自己的角色');
    expect(roleGrantRefusal(SECURITY, true, [...SECURITY], [...SECURITY])).toBeNull();
    expect(roleGrantRefusal(SECURITY, false, ['UNIT_LIAISON'], ['SECURITY_ADMIN', 'UNIT_LIAISON'])).toMatch(
      '只能兼任系统管理员',
    );
  });

  it("gives the security roles' accounts to the security admin and the rest to the system admin", () => {
    expect(accountManagerRefusal(SYSTEM, ['SECURITY_AUDITOR'])).toMatch('由安全管理员管理');
    expect(accountManagerRefusal(SYSTEM, [...BOTH])).toMatch('由安全管理员管理');
    expect(accountManagerRefusal(SECURITY, ['SECURITY_AUDITOR'])).toBeNull();
    expect(accountManagerRefusal(SECURITY, ['UNIT_LIAISON'])).toMatch('由系统管理员管理');
    expect(accountManagerRefusal(SYSTEM, ['UNIT_LIAISON'])).toBeNull();
    expect(accountManagerRefusal(['SECURITY_AUDITOR'], ['UNIT_LIAISON'])).not.toBeNull();
  });
});
