import {
  ApartmentOutlined,
  AuditOutlined,
  BellOutlined,
  CalendarOutlined,
  ClusterOutlined,
  DashboardOutlined,
  ExportOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FundOutlined,
  HomeOutlined,
  ProfileOutlined,
  SafetyOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TableOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { AUDITOR_ROLES, type Role } from '../../auth/utils/roles';

export interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
  roles: Role[];
  /** A count shown beside the entry: work waiting there for this person. */
  count?: 'leaderQueue';
}

/** The menu: each role sees the pages it can use, in the order of its day. */
export const NAV_ITEMS: NavItem[] = [
  { path: '/office', label: '工作台', icon: <DashboardOutlined />, roles: ['OFFICE_ADMIN', 'OFFICE_STAFF'] },
  { path: '/plans', label: '工作要点', icon: <FileTextOutlined />, roles: ['OFFICE_ADMIN', 'OFFICE_STAFF'] },
  { path: '/ledger', label: '台账', icon: <TableOutlined />, roles: ['OFFICE_ADMIN', 'OFFICE_STAFF', 'LEADERSHIP'] },
  { path: '/unit', label: '我的任务', icon: <HomeOutlined />, roles: ['UNIT_LIAISON', 'UNIT_LEADER'] },
  {
    path: '/unit/approvals',
    label: '待审批报送',
    icon: <AuditOutlined />,
    roles: ['UNIT_LEADER'],
    count: 'leaderQueue',
  },
  { path: '/unit/coordination', label: '牵头协调', icon: <ProfileOutlined />, roles: ['UNIT_LIAISON', 'UNIT_LEADER'] },
  { path: '/leadership', label: '总览', icon: <FundOutlined />, roles: ['LEADERSHIP'] },
  {
    path: '/reviews',
    label: '回头看',
    icon: <FileSearchOutlined />,
    roles: ['OFFICE_ADMIN', 'OFFICE_STAFF', 'LEADERSHIP'],
  },
  {
    path: '/scorecard',
    label: '考核',
    icon: <TrophyOutlined />,
    roles: ['OFFICE_ADMIN', 'OFFICE_STAFF', 'LEADERSHIP'],
  },
  {
    path: '/levels',
    label: '下级落实',
    icon: <ApartmentOutlined />,
    roles: ['OFFICE_ADMIN', 'OFFICE_STAFF', 'LEADERSHIP'],
  },
  {
    path: '/levels/from-upper',
    label: '上级催办',
    icon: <BellOutlined />,
    roles: ['OFFICE_ADMIN', 'OFFICE_STAFF', 'LEADERSHIP'],
  },
  { path: '/documents', label: '文档导出', icon: <ExportOutlined />, roles: ['OFFICE_ADMIN', 'OFFICE_STAFF'] },
  { path: '/calendar', label: '工作日历', icon: <CalendarOutlined />, roles: ['OFFICE_ADMIN', 'OFFICE_STAFF'] },
  { path: '/directory/units', label: '单位名录', icon: <ClusterOutlined />, roles: ['OFFICE_ADMIN', 'OFFICE_STAFF'] },
  { path: '/directory/users', label: '账号管理', icon: <TeamOutlined />, roles: ['OFFICE_ADMIN', 'SECURITY_ADMIN'] },
  { path: '/security', label: '安全管理', icon: <SafetyOutlined />, roles: ['SECURITY_ADMIN'] },
  { path: '/settings', label: '系统设置', icon: <SettingOutlined />, roles: ['OFFICE_ADMIN', 'OFFICE_STAFF'] },
  { path: '/audit', label: '安全审计', icon: <SafetyCertificateOutlined />, roles: AUDITOR_ROLES },
  {
    path: '/notifications',
    label: '通知',
    icon: <BellOutlined />,
    roles: ['OFFICE_ADMIN', 'OFFICE_STAFF', 'UNIT_LIAISON', 'UNIT_LEADER', 'LEADERSHIP'],
  },
];

/** The entries of every role held (a system admin who is also the security admin sees both). */
export function navItemsFor(roles: readonly Role[]): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.some((r) => roles.includes(r)));
}

/** The menu entry a path belongs to: the longest matching prefix. */
export function selectedNavPath(items: NavItem[], pathname: string): string | undefined {
  return items
    .filter((item) => pathname === item.path || pathname.startsWith(item.path + '/'))
    .sort((a, b) => b.path.length - a.path.length)[0]?.path;
}
