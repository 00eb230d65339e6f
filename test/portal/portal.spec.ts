import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createInSiap, waitFor } from '@app/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildPortal } from '../../scripts/platform/portal-build';
import { ADMIN, PASSWORD, PEOPLE, seedPeople, startRunningPlatform, type RunningPlatform } from '../platform/running-platform';
import { ARTIFACTS, auditPage, launchChromium, phoneContext, type AxeViolation } from '@app/testing/browser';

/** The BKD office in Palu, its 100 m geofence, and a point 2 km north of it. */
const OFFICE = { latitude: -0.8917, longitude: 119.8707 };
const FAR_AWAY = { latitude: OFFICE.latitude + 0.018, longitude: OFFICE.longitude };
/** A new analyst of Bidang Mutasi (atasan: the Kabid), whose account is not yet active. */
const NEWCOMER = { nip: '199104202016031003', unitCode: 'BKD-MUTASI', positionCode: 'BKD-ANALIS' };
const NEW_PASSWORD = 'Pegawai-Baru-2026';

/** The next Monday and Tuesday after today in WITA: working days for an annual leave request. */
function nextWeekStart(): [string, string] {
  const today = new Date(Date.now() + 8 * 3_600_000);
  const monday = new Date(today);
  monday.setUTCDate(today.getUTCDate() + ((8 - today.getUTCDay()) % 7 || 7));
  const tuesday = new Date(monday);
  tuesday.setUTCDate(monday.getUTCDate() + 1);
  return [monday.toISOString().slice(0, 10), tuesday.toISOString().slice(0, 10)];
}

describe('the staff portal in Chromium', () => {
  let platform: RunningPlatform;
  let browser: Browser;
  let portalDir: string;
  let adminToken: string;
  const contexts: BrowserContext[] = [];
  /** The page a test ended on: its screenshot is kept, to see what a failed step saw. */
  let last: Page | null = null;
  const violations: Record<string, AxeViolation[]> = {};

  async function openAs(nip: string, password: string, position = OFFICE): Promise<Page> {
    const context = await phoneContext(browser, platform.gatewayUrl, position);
    contexts.push(context);
    const page = await watched(await context.newPage());
    await page.goto('/');
    await page.getByLabel('NIP').fill(nip);
    await page.getByLabel('Kata sandi').fill(password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Beranda' }).waitFor();
    return page;
  }
  /** Errors the page's scripts threw or logged: none is expected anywhere. */
  let pageErrors: string[] = [];
  async function watched(page: Page): Promise<Page> {
    last = page;
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      // A refused request is a console error in Chromium; the tests check those answers themselves.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) pageErrors.push(`${page.url()}: ${message.text()}`);
    });
    return page;
  }

  /** Through the menu, as a user would: on a phone it opens from the bar first. */
  async function go(page: Page, name: string) {
    const menu = page.getByRole('button', { name: 'Menu' });
    if (await menu.isVisible()) await menu.click();
    await page.locator('nav#menu').getByRole('link', { name, exact: true }).click();
  }
  /** Screenshots at both widths, and no serious or critical axe violation on the page. */
  async function audit(page: Page, name: string) {
    violations[name] = await auditPage(page, name);
    const found = violations[name].map((v) => `${v.impact} ${v.id} (${v.help}) at ${v.nodes.length} elements, e.g. ${v.nodes[0]?.target.join(' ')}`);
    expect({ page: name, violations: found }).toEqual({ page: name, violations: [] });
  }

  beforeAll(async () => {
    portalDir = buildPortal({ outDir: fs.mkdtempSync(path.join(os.tmpdir(), 'portal-dist-')), say: () => undefined });
    platform = await startRunningPlatform({ PORTAL_DIR: portalDir });
    adminToken = (await platform.login(ADMIN.nip, ADMIN.password)).accessToken;
    await seedPeople(platform, adminToken);
    await createInSiap((route, body) => platform.call('POST', route, body, adminToken), { units: [], positions: [], people: { baru: NEWCOMER } });
    await waitFor(async () => (await platform.databases.gateway.query('SELECT 1 FROM account WHERE nip = $1', [NEWCOMER.nip])).rowCount === 1, 'account');
    await waitFor(async () => (await platform.databases.kmob.query('SELECT 1 FROM employee WHERE nip = $1', [NEWCOMER.nip])).rowCount === 1, 'K-Mob copy');
    const office = await platform.call('PUT', '/api/v1/kmob/locations/BKD', { locations: [{ name: 'Kantor BKD', ...OFFICE, radiusMeters: 100 }] }, adminToken);
    expect(office.status).toBe(200);
    browser = await launchChromium();
  }, 240_000);

  afterEach(async () => {
    const name = (expect.getState().currentTestName ?? 'test').replace(/[^\w]+/g, '-').slice(-80);
    await last?.screenshot({ path: path.join(ARTIFACTS, `akhir-${name}.png`), fullPage: true }).catch(() => undefined);
    last = null;
    const errors = pageErrors;
    pageErrors = [];
    expect(errors).toEqual([]);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await platform?.close();
    fs.rmSync(portalDir, { recursive: true, force: true });
  });

  it('serves the portal with hashed assets cached for a year and the app shell never cached', async () => {
    const shell = await fetch(`${platform.gatewayUrl}/presensi`);
    expect(shell.status).toBe(200);
    expect(shell.headers.get('cache-control')).toBe('no-cache');
    const html = await shell.text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    const script = await fetch(`${platform.gatewayUrl}${asset}`, { headers: { 'accept-encoding': 'br' } });
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(script.headers.get('content-encoding')).toBe('br');
    expect((await fetch(`${platform.gatewayUrl}/assets/tidak-ada.js`)).status).toBe(404);
    expect((await fetch(`${platform.gatewayUrl}/api/v1/tidak-ada`)).headers.get('content-type')).toMatch(/json/);
  });

  it('lets a new employee activate their account with the one-time code and log in', async () => {
    const code = (await platform.call('POST', `/api/v1/auth/accounts/${NEWCOMER.nip}/activation`, undefined, adminToken)).body.code;
    const context = await phoneContext(browser, platform.gatewayUrl, OFFICE);
    contexts.push(context);
    const page = await watched(await context.newPage());
    await page.goto('/');
    await audit(page, 'masuk');
    await page.getByRole('link', { name: 'Pertama kali? Aktivasi akun' }).click();
    await page.getByLabel('NIP').fill(NEWCOMER.nip);
    await page.getByLabel('Kode aktivasi').fill(code);
    await page.getByLabel('Kata sandi baru').fill(NEW_PASSWORD);
    await audit(page, 'aktivasi');
    await page.getByRole('button', { name: 'Aktivasi akun' }).click();
    await page.getByText('Akun aktif. Silakan masuk dengan kata sandi baru.').waitFor();
    await page.getByLabel('NIP').fill(NEWCOMER.nip);
    await page.getByLabel('Kata sandi').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Beranda' }).waitFor();
    await page.getByRole('main').getByText('Pegawai baru').waitFor();
    await audit(page, 'pegawai-beranda');
  });

  it('refuses a check-in 2 km from the office with the distance, and accepts one inside it with a selfie', async () => {
    const page = await openAs(NEWCOMER.nip, NEW_PASSWORD, FAR_AWAY);
    await go(page, 'Presensi');
    await page.getByRole('button', { name: 'Buka kamera untuk swafoto' }).click();
    await page.getByRole('button', { name: 'Ambil swafoto' }).click(); // enabled once the preview runs
    await page.getByRole('img', { name: 'Swafoto' }).waitFor();
    await page.getByRole('button', { name: 'Presensi masuk' }).click();
    const refusal = page.getByRole('alert');
    await refusal.getByText('Presensi ditolak').waitFor();
    expect(await refusal.textContent()).toMatch(/Kantor BKD, jarak 2 km/);
    await audit(page, 'pegawai-presensi-ditolak');

    await page.context().setGeolocation({ ...OFFICE, accuracy: 15 });
    await page.reload();
    await page.getByRole('button', { name: 'Buka kamera untuk swafoto' }).click();
    await page.getByRole('button', { name: 'Ambil swafoto' }).click();
    await page.getByRole('img', { name: 'Swafoto' }).waitFor();
    await page.getByRole('button', { name: 'Presensi masuk' }).click();
    await page.getByText('Presensi tercatat').waitFor();
    const stored = await platform.databases.kmob.query('SELECT photo_id, location_name FROM check_in WHERE nip = $1', [NEWCOMER.nip]);
    expect(stored.rows).toEqual([{ photo_id: expect.any(String), location_name: 'Kantor BKD' }]);
    await audit(page, 'pegawai-presensi');
  });

  it('keeps a check-in made without a signal on the phone and sends it, flagged with the device time, when the signal returns', async () => {
    const page = await openAs(NEWCOMER.nip, NEW_PASSWORD);
    await go(page, 'Presensi');
    await page.getByRole('button', { name: 'Presensi pulang' }).waitFor();
    await page.context().setOffline(true);
    await page.getByRole('button', { name: 'Presensi pulang' }).click();
    await page
      .getByText(/Tanpa sinyal: presensi disimpan di ponsel/)
      .first()
      .waitFor();
    const kept = await platform.databases.kmob.query(`SELECT count(*)::int AS n FROM check_in WHERE nip = $1 AND type = 'OUT'`, [NEWCOMER.nip]);
    expect(kept.rows[0].n).toBe(0);
    await page.context().setOffline(false);
    await page.getByText('Presensi yang tersimpan sudah terkirim').waitFor();
    const sent = await platform.databases.kmob.query(`SELECT device_time FROM check_in WHERE nip = $1 AND type = 'OUT'`, [NEWCOMER.nip]);
    expect(sent.rows).toEqual([{ device_time: true }]);
  });

  it('lets the employee request annual leave and shows the balance drop', async () => {
    const page = await openAs(NEWCOMER.nip, NEW_PASSWORD);
    await go(page, 'Pengajuan');
    const requestable = page.getByTestId('leave-requestable');
    await requestable.waitFor();
    const before = Number.parseInt((await requestable.textContent())!, 10);
    const [monday, tuesday] = nextWeekStart();
    await page.getByLabel('Jenis').selectOption('CUTI_TAHUNAN');
    await page.getByLabel('Tanggal mulai').fill(monday);
    await page.getByLabel('Tanggal selesai').fill(tuesday);
    await page.getByLabel('Alasan').fill('Urusan keluarga');
    await page.getByRole('button', { name: 'Ajukan' }).click();
    await page.getByText('Pengajuan terkirim dan menunggu keputusan atasan.').waitFor();
    const [request] = (await platform.databases.kmob.query('SELECT working_days FROM attendance_request WHERE nip = $1', [NEWCOMER.nip])).rows;
    expect(request.working_days).toBeGreaterThan(0);
    await page
      .getByTestId('leave-requestable')
      .getByText(`${before - request.working_days} hari kerja`)
      .waitFor();
    await audit(page, 'pegawai-pengajuan');
  });

  it('lets the atasan approve the requests in bulk', async () => {
    const kabid = PEOPLE.kabid;
    const page = await openAs(kabid.nip, PASSWORD);
    await go(page, 'Persetujuan');
    await page.getByRole('checkbox', { name: 'Pilih semua' }).check();
    await audit(page, 'atasan-persetujuan');
    await page.getByRole('button', { name: /Setujui yang dipilih/ }).click();
    await page.getByText('1 pengajuan diputuskan').waitFor();
    const [request] = (await platform.databases.kmob.query('SELECT status, decided_by FROM attendance_request WHERE nip = $1', [NEWCOMER.nip])).rows;
    expect(request).toEqual({ status: 'APPROVED', decided_by: kabid.nip });
    await page.getByText('Tidak ada pengajuan yang menunggu persetujuan Anda.').waitFor();
  });

  it('lets an operator import a SIASN CSV and watch its progress to the end, with the row errors', async () => {
    const page = await openAs(PEOPLE.operator.nip, PASSWORD);
    await go(page, 'Impor');
    const header = 'NIP BARU,NAMA,TGL LAHIR,JENIS KELAMIN,JENIS PEGAWAI NAMA,GOL AKHIR NAMA,UNOR ID,JABATAN ID,TMT CPNS,EMAIL,NOMOR HP';
    const rows = [
      '199205102017031001,Impor Satu,10-05-1992,M,PNS Daerah Provinsi,III/a,BKD-MUTASI,BKD-ANALIS,01-03-2017,,',
      '199306112018032002,Impor Dua,11-06-1993,F,PNS Daerah Provinsi,III/a,BKD-MUTASI,BKD-ANALIS,01-03-2018,,',
      '199407122019031003,Impor Tiga,12-07-1994,M,PNS Daerah Provinsi,III/a,DINKES,DINKES-STAF,01-03-2019,,',
    ];
    const section = page.getByRole('region', { name: 'Data pegawai dari SIASN (CSV)' });
    await section.getByLabel('Berkas CSV').setInputFiles({ name: 'siasn.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...rows].join('\n')) });
    await section.getByRole('button', { name: 'Mulai impor' }).click();
    await section.getByTestId('job-done').waitFor({ timeout: 60_000 });
    expect(await section.getByTestId('job-done').textContent()).toMatch(/3 dari 3 baris.*2 baru, 0 sudah ada, 1 ditolak/s);
    await section.getByText('di luar unit kerja yang Anda kelola (BKD)').waitFor();
    await audit(page, 'operator-impor');
  });

  it('lets an admin close a month with its progress, and the live recap chart counts the check-in', async () => {
    const page = await openAs(ADMIN.nip, ADMIN.password);
    await go(page, 'Tutup bulan');
    await page.getByRole('button', { name: 'Tutup bulan' }).click();
    await page.getByTestId('job-done').waitFor({ timeout: 60_000 });
    await page.getByTestId('month-state').getByText('Sudah ditutup').waitFor();
    await audit(page, 'admin-tutup-bulan');

    await go(page, 'Rekap kehadiran');
    await page.getByTestId('recap-chart').waitFor();
    await page.getByTestId('recap-total-present').getByText('1', { exact: true }).waitFor();
    await audit(page, 'admin-rekap');
  });

  it('passes an axe check on every page of every role, at phone and desktop width', async () => {
    const people: [string, string, string][] = [
      ['pegawai', NEWCOMER.nip, NEW_PASSWORD],
      ['atasan', PEOPLE.kabid.nip, PASSWORD],
      ['operator', PEOPLE.operator.nip, PASSWORD],
      ['admin', ADMIN.nip, ADMIN.password],
    ];
    for (const [role, nip, password] of people) {
      const page = await openAs(nip, password);
      const links = await page.locator('nav#menu a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')!));
      for (const href of [...links, ...(role === 'operator' ? [`/pegawai/${NEWCOMER.nip}`] : [])]) {
        await page.goto(href);
        await page.locator('main h1').waitFor();
        await page.waitForFunction(`!document.body.innerText.includes('Memuat…')`);
        await audit(page, `${role}${href === '/' ? '-beranda' : href.replace(/\//g, '-')}`);
      }
    }
    expect(Object.keys(violations).length).toBeGreaterThan(30);
  }, 300_000);
});
