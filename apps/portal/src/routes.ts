import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { t } from './i18n';
import type { Role } from './session/session';

export interface PortalRoute {
  path: string;
  title: string;
  /** Who sees it; the API refuses the others anyway. Empty: every signed-in user. */
  roles: Role[];
  page: LazyExoticComponent<ComponentType>;
  /** Shown in the phone's bottom bar. */
  tab?: boolean;
  /** Not listed in the menu (a detail page). */
  hidden?: boolean;
}

const MANAGERS: Role[] = ['ADMIN_BKD', 'OPERATOR_OPD'];
const DECIDERS: Role[] = ['ATASAN', 'OPERATOR_OPD', 'ADMIN_BKD'];

/** Every page of the portal, each loaded when first opened so a phone downloads only what it shows. */
export const ROUTES: PortalRoute[] = [
  { path: '/', title: t.nav.home, roles: [], page: lazy(() => import('./pages/home')), tab: true },
  { path: '/presensi', title: t.nav.checkIn, roles: [], page: lazy(() => import('./pages/check-in')), tab: true },
  { path: '/kehadiran', title: t.nav.attendance, roles: [], page: lazy(() => import('./pages/attendance')), tab: true },
  { path: '/pengajuan', title: t.nav.requests, roles: [], page: lazy(() => import('./pages/requests')), tab: true },
  { path: '/aktivitas', title: t.nav.activities, roles: [], page: lazy(() => import('./pages/trk/activities')), tab: true },
  { path: '/nilai-kinerja', title: t.nav.score, roles: [], page: lazy(() => import('./pages/trk/score')) },
  { path: '/target', title: t.nav.targets, roles: [], page: lazy(() => import('./pages/trk/targets')) },
  { path: '/profil', title: t.nav.profile, roles: [], page: lazy(() => import('./pages/profile')) },
  { path: '/persetujuan', title: t.nav.approvals, roles: DECIDERS, page: lazy(() => import('./pages/approvals')) },
  { path: '/verifikasi', title: t.nav.verification, roles: DECIDERS, page: lazy(() => import('./pages/trk/verification')) },
  { path: '/skp', title: t.nav.skp, roles: DECIDERS, page: lazy(() => import('./pages/trk/skp')) },
  { path: '/tim', title: t.nav.team, roles: ['ATASAN'], page: lazy(() => import('./pages/team')) },
  { path: '/pegawai', title: t.nav.employees, roles: MANAGERS, page: lazy(() => import('./pages/employees')) },
  { path: '/pegawai/:nip', title: t.nav.employees, roles: MANAGERS, page: lazy(() => import('./pages/employee-detail')), hidden: true },
  { path: '/impor', title: t.nav.imports, roles: MANAGERS, page: lazy(() => import('./pages/imports')) },
  { path: '/lokasi', title: t.nav.locations, roles: MANAGERS, page: lazy(() => import('./pages/locations')) },
  { path: '/katalog', title: t.nav.catalogue, roles: MANAGERS, page: lazy(() => import('./pages/trk/catalogue')) },
  { path: '/aturan', title: t.nav.rules, roles: ['ADMIN_BKD'], page: lazy(() => import('./pages/rules')) },
  { path: '/tutup-bulan', title: t.nav.months, roles: ['ADMIN_BKD'], page: lazy(() => import('./pages/month-close')) },
  { path: '/rekap', title: t.nav.recap, roles: MANAGERS, page: lazy(() => import('./pages/recap')) },
  { path: '/akun', title: t.nav.accounts, roles: ['ADMIN_BKD'], page: lazy(() => import('./pages/accounts')) },
  { path: '/audit', title: t.nav.audit, roles: ['ADMIN_BKD'], page: lazy(() => import('./pages/audit')) },
  { path: '/kata-sandi', title: t.nav.password, roles: [], page: lazy(() => import('./pages/change-password')), hidden: true },
];

export const allowed = (route: PortalRoute, roles: Role[]) => route.roles.length === 0 || route.roles.some((role) => roles.includes(role));
