import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildPortal } from '../../scripts/platform/portal-build';
import { ADMIN, PASSWORD, PEOPLE, seedPeople, startRunningPlatform, type RunningPlatform } from '../platform/running-platform';
import { waitFor } from '@app/testing';
import { ARTIFACTS, auditPage, launchChromium, PHONE, phoneContext, type AxeViolation } from '@app/testing/browser';

const OFFICE = { latitude: -0.8917, longitude: 119.8707 };
const LAPORAN = {
  code: 'BKD-ANALIS-LAPORAN',
  name: 'Menyusun laporan analisis jabatan',
  outputUnit: 'dokumen',
  standardMinutes: 60,
  evidenceRequired: true,
  positionCode: 'BKD-ANALIS',
};
/** The smallest PNG signature and some filler: what the platform checks a file's type by. */
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
const BERAKHLAK = ['BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF'];
const SANGAT_BAIK = { hasil: 'DI_ATAS', perilaku: 'DI_ATAS', perilakuValues: Object.fromEntries(BERAKHLAK.map((v) => [v, 'DI_ATAS'])) };

const witaNow = () => new Date(Date.now() + 8 * 3_600_000);
/** Numbers as the portal shows them (1.234; 20,00). */
const id = (n: number, decimals = 0) => new Intl.NumberFormat('id-ID', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(n);
const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

describe('the TRK pages in Chromium', () => {
  let platform: RunningPlatform;
  let browser: Browser;
  let portalDir: string;
  let adminToken: string;
  let tokens: Record<keyof typeof PEOPLE, string>;
  /** A past working day (WITA) that a back-dating window opens: today may be a weekend, a holiday or past the 16:00 cut-off. */
  let pastDay: string;
  const contexts: BrowserContext[] = [];
  let last: Page | null = null;
  let pageErrors: string[] = [];
  const violations: Record<string, AxeViolation[]> = {};

  /** The working day before `before` (default today), by TRK's own calendar (Monday to Friday, not a holiday). */
  async function lastWorkingDay(before = witaNow().toISOString().slice(0, 10)): Promise<string> {
    const holidays = new Set<string>();
    const years = new Set<string>();
    const day = new Date(`${before}T00:00:00Z`);
    for (;;) {
      day.setUTCDate(day.getUTCDate() - 1);
      const date = day.toISOString().slice(0, 10);
      if (!years.has(date.slice(0, 4))) {
        years.add(date.slice(0, 4));
        const listed = await platform.call('GET', `/api/v1/trk/holidays?year=${date.slice(0, 4)}`, undefined, adminToken);
        for (const h of listed.body as { date: string }[]) holidays.add(h.date);
      }
      if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6 && !holidays.has(date)) return date;
    }
  }

  async function watched(page: Page): Promise<Page> {
    last = page;
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      // A refused request is a console error in Chromium; the tests check those answers themselves.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) pageErrors.push(`${page.url()}: ${message.text()}`);
    });
    return page;
  }
  async function openAs(nip: string, password = PASSWORD, prepare?: (context: BrowserContext) => Promise<unknown>): Promise<Page> {
    const context = await phoneContext(browser, platform.gatewayUrl, OFFICE);
    contexts.push(context);
    await prepare?.(context);
    const page = await watched(await context.newPage());
    await page.goto('/');
    await page.getByLabel('NIP').fill(nip);
    await page.getByLabel('Kata sandi').fill(password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Beranda' }).waitFor();
    return page;
  }
  /** Through the menu, as a user would: on a phone it opens from the bar first. */
  async function go(page: Page, name: string) {
    const menu = page.getByRole('button', { name: 'Menu' });
    if (await menu.isVisible()) await menu.click();
    await page.locator('nav#menu').getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
  }
  async function settled(page: Page) {
    await page.waitForFunction(`!document.body.innerText.includes('Memuat…')`);
  }
  /** Screenshots at both widths, no serious or critical axe violation, and nothing wider than the phone (360 px). */
  async function audit(page: Page, name: string) {
    violations[name] = await auditPage(page, name);
    expect({ page: name, width: await page.evaluate('document.documentElement.scrollWidth') }).toEqual({ page: name, width: PHONE.width });
    const found = violations[name].map((v) => `${v.impact} ${v.id} (${v.help}) at ${v.nodes.length} elements, e.g. ${v.nodes[0]?.target.join(' ')}`);
    expect({ page: name, violations: found }).toEqual({ page: name, violations: [] });
  }
  const trk = (sql: string, values: unknown[] = []) => platform.databases.trk.query(sql, values).then((r) => r.rows);

  beforeAll(async () => {
    portalDir = buildPortal({ outDir: fs.mkdtempSync(path.join(os.tmpdir(), 'portal-dist-')), say: () => undefined });
    platform = await startRunningPlatform({ PORTAL_DIR: portalDir });
    adminToken = (await platform.login(ADMIN.nip, ADMIN.password)).accessToken;
    tokens = await seedPeople(platform, adminToken);
    const { code, ...activity } = LAPORAN;
    expect((await platform.call('PUT', `/api/v1/trk/catalogue/${code}`, activity, adminToken)).status).toBe(200);
    pastDay = await lastWorkingDay();
    const window = {
      unitCode: 'BKD',
      from: pastDay,
      to: pastDay,
      closesAt: new Date(Date.now() + 3 * 3_600_000).toISOString(),
      reason: 'Pengisian susulan untuk uji portal TRK',
    };
    expect((await platform.call('POST', '/api/v1/trk/backdating-windows', window, adminToken)).status).toBe(201);
    browser = await launchChromium();
  }, 240_000);

  afterEach(async () => {
    const name = (expect.getState().currentTestName ?? 'test').replace(/[^\w]+/g, '-').slice(-80);
    await last?.screenshot({ path: path.join(ARTIFACTS, `akhir-trk-${name}.png`), fullPage: true }).catch(() => undefined);
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

  it('lets an employee on a phone record a catalogue activity with evidence for the back-dated day, the refusal shown beside its field', async () => {
    const page = await openAs(PEOPLE.analis.nip);
    // Beranda glances at today: its minutes so far, or why today cannot be entered (a day off, past the cut-off).
    const entryDays = (await platform.call('GET', '/api/v1/trk/activities/entry-days', undefined, tokens.analis)).body as {
      today: string;
      todayRefusal: string | null;
      days: { date: string; workingMinutes: number }[];
    };
    const card = page.getByTestId('home-activities');
    const today = entryDays.days.find((d) => d.date === entryDays.today);
    await card
      .getByText(entryDays.todayRefusal ? `Hari ini tidak dapat diisi: ${entryDays.todayRefusal}.` : `0 dari ${id(today!.workingMinutes)} menit kerja`)
      .waitFor();
    expect(await card.getByTestId('home-pending-verification').count()).toBe(0);
    await audit(page, 'pegawai-beranda-kinerja');
    await card.getByRole('link', { name: 'Isi aktivitas harian' }).click();
    await page.getByRole('heading', { level: 1, name: 'Aktivitas harian' }).waitFor();
    await page.getByLabel('Tanggal kegiatan').selectOption(pastDay);
    await page.getByLabel('Kegiatan', { exact: true }).selectOption(LAPORAN.code);
    await page.getByLabel('Jumlah hasil (dokumen)').fill('2');
    await page.getByText('Paling banyak 120 menit (2 × 60 menit).').waitFor();
    await page.getByLabel('Lama (menit)').fill('150');
    await page.getByRole('button', { name: 'Simpan kegiatan' }).click();
    // Required by the catalogue: refused before anything is sent.
    await page.locator('.field.invalid').getByText('wajib dilampirkan untuk kegiatan ini').waitFor();
    await page.getByLabel(/^Bukti \(wajib/).setInputFiles({ name: 'laporan.png', mimeType: 'image/png', buffer: PNG });
    await page.getByText('Terlampir: laporan.png').waitFor();
    await page.getByRole('button', { name: 'Simpan kegiatan' }).click();
    const minutesField = page.locator('.field.invalid', { has: page.getByLabel('Lama (menit)') });
    await minutesField.getByText('melebihi waktu standar: paling banyak 120 menit (2 × 60 menit)').waitFor();
    await audit(page, 'pegawai-aktivitas-ditolak');

    await page.getByLabel('Lama (menit)').fill('90');
    await page.getByRole('button', { name: 'Simpan kegiatan' }).click();
    await page.getByText('Kegiatan tersimpan dan menunggu verifikasi atasan.').waitFor();
    await page.getByTestId('day-entries').getByText('Menunggu verifikasi').waitFor();
    await page.getByText('90 dari 450 menit kerja').waitFor();
    const stored = await trk('SELECT status, minutes, evidence_id, backdating_window_id FROM activity WHERE nip = $1', [PEOPLE.analis.nip]);
    expect(stored).toEqual([{ status: 'PENDING', minutes: 90, evidence_id: expect.any(String), backdating_window_id: expect.any(String) }]);
    await audit(page, 'pegawai-aktivitas');
  });

  it('lets the employee propose a target on their catalogue and the atasan agree to it', async () => {
    const page = await openAs(PEOPLE.analis.nip);
    await go(page, 'Target (IKI)');
    await page.getByLabel('Uraian target').fill('Laporan analisis jabatan Bidang Mutasi');
    await page.getByLabel('Jumlah hasil').fill('10');
    await page.getByLabel('Satuan hasil').fill('dokumen');
    await page.getByRole('button', { name: 'Ajukan target' }).click();
    await page.locator('.field.invalid').getByText('pilih sedikitnya satu kegiatan').waitFor();
    await page.getByLabel(/Menyusun laporan analisis jabatan/).check();
    await page.getByRole('button', { name: 'Ajukan target' }).click();
    await page.getByText('Target diajukan dan menunggu persetujuan atasan.').waitFor();
    await page.getByTestId('target').getByText('Menunggu persetujuan').waitFor();
    await audit(page, 'pegawai-target');

    const atasan = await openAs(PEOPLE.kabid.nip);
    await go(atasan, 'Target (IKI)');
    await atasan.getByRole('button', { name: 'Setujui: Laporan analisis jabatan Bidang Mutasi' }).click();
    await atasan.getByText('Target "Laporan analisis jabatan Bidang Mutasi" disetujui.').waitFor();
    await atasan.getByText('Tidak ada target bawahan yang menunggu persetujuan Anda.').waitFor();
    expect(await trk('SELECT status, decided_by FROM target WHERE nip = $1', [PEOPLE.analis.nip])).toEqual([
      { status: 'AGREED', decided_by: PEOPLE.kabid.nip },
    ]);
    await audit(atasan, 'atasan-target');
  });

  it('lets the atasan verify the entry in bulk from the inbox, and the employee then sees it approved', async () => {
    const atasan = await openAs(PEOPLE.kabid.nip);
    // Beranda counts what waits in the inbox and leads there.
    const card = atasan.getByTestId('home-activities');
    await card.getByTestId('home-pending-verification').getByText('1', { exact: true }).waitFor();
    await audit(atasan, 'atasan-beranda-kinerja');
    await card.getByRole('link', { name: 'Kegiatan bawahan yang menunggu verifikasi Anda' }).click();
    await atasan.getByRole('heading', { level: 1, name: 'Verifikasi kinerja' }).waitFor();
    await atasan.getByRole('heading', { name: /Pegawai analis/ }).waitFor();
    await atasan.getByLabel('Pilih semua', { exact: true }).check();
    await atasan.getByText('1 kegiatan dipilih').waitFor();
    await audit(atasan, 'atasan-verifikasi');
    await atasan.getByRole('button', { name: 'Setujui (1)' }).click();
    await atasan.getByText('1 kegiatan diverifikasi').waitFor();
    await atasan.getByText('Tidak ada kegiatan yang menunggu verifikasi Anda.').waitFor();
    expect(await trk('SELECT status, decided_by FROM activity WHERE nip = $1', [PEOPLE.analis.nip])).toEqual([
      { status: 'APPROVED', decided_by: PEOPLE.kabid.nip },
    ]);
    await atasan.locator('nav.tabs').getByRole('link', { name: 'Beranda' }).click();
    await card.getByTestId('home-pending-verification').getByText('0', { exact: true }).waitFor();

    const page = await openAs(PEOPLE.analis.nip);
    await go(page, 'Aktivitas harian');
    await page.getByLabel('Lihat kegiatan tanggal lain').fill(pastDay);
    await page.getByTestId('day-entries').getByText('Disetujui').waitFor();
  });

  it('explains the monthly score component by component', async () => {
    const page = await openAs(PEOPLE.analis.nip);
    await go(page, 'Nilai kinerja');
    await page.getByLabel('Bulan', { exact: true }).fill(pastDay.slice(0, 7));
    const explanation = page.getByTestId('score-explanation');
    await explanation.getByText('Menit diakui: 90 menit dari kegiatan yang disetujui', { exact: false }).waitFor();
    await explanation.getByText(/^Norma 6\.000 menit/).waitFor();
    await page
      .getByTestId('score-components')
      .getByRole('cell', { name: /^Aktivitas harian/ })
      .waitFor();
    await page.getByText('Poin seluruh komponen berjumlah tepat sama dengan nilai.').waitFor();
    await page.getByTestId('score-bars').waitFor();
    await audit(page, 'pegawai-nilai-kinerja');
  });

  it('shows the unit head the SKP cap against the counts as they change, and refuses finalising with the predikat named', async () => {
    const year = String(witaNow().getUTCFullYear());
    const rate = (nip: string, token: string) => platform.call('PUT', `/api/v1/trk/skp/${year}/ratings/${nip}`, SANGAT_BAIK, token);
    expect((await rate(PEOPLE.analis2.nip, tokens.kabid)).status).toBe(200);

    const page = await openAs(PEOPLE.kabid.nip);
    await go(page, 'Predikat kinerja (SKP)');
    const distribution = page.getByTestId('skp-distribution');
    await distribution.getByText('Nilai organisasi belum ditetapkan', { exact: false }).waitFor();
    await page.getByLabel('Nilai organisasi unit').selectOption('ISTIMEWA');
    await page.getByLabel('Dasar penilaian (laporan kinerja unit)').fill('Capaian kinerja Bidang Mutasi di atas target');
    await page.getByRole('button', { name: 'Tetapkan nilai organisasi' }).click();
    await page.getByTestId('organisation-rating').getByText('Istimewa').waitFor();
    // The head's own hasil follows the unit's rating; BKD rates them, their own atasan position being vacant.
    expect((await rate(PEOPLE.kabid.nip, adminToken)).status).toBe(200);
    await page.reload();
    const sangatBaik = distribution.getByRole('row', { name: /Sangat Baik/ });
    await sangatBaik.getByText('paling banyak 1').waitFor();
    await sangatBaik.getByText('Tidak sesuai pola').waitFor();

    await page.getByLabel('Pegawai', { exact: true }).selectOption(PEOPLE.analis.nip);
    // What the rating rests on: no month of the year closed yet, and the month's target agreed earlier, which the entry on pastDay counts towards if in its month.
    const basis = page.getByTestId('skp-basis');
    await basis.getByText('Belum ada bulan yang ditutup.').waitFor();
    const counted = pastDay.slice(0, 7) === witaNow().toISOString().slice(0, 7);
    const target = basis.getByTestId('skp-basis-targets').getByRole('listitem').filter({ hasText: 'Laporan analisis jabatan Bidang Mutasi' });
    await target.getByText(counted ? '2 dari 10 dokumen (20,00 %)' : '0 dari 10 dokumen (0,00 %)').waitFor();
    await page.getByLabel('Hasil kerja').selectOption('DI_ATAS');
    await page.getByLabel('Perilaku kerja').selectOption('DI_ATAS');
    await page.getByTestId('skp-predikat-preview').getByText('Sangat Baik').waitFor();
    await page.getByRole('button', { name: 'Simpan penilaian' }).click();
    await page.getByText('Penilaian Pegawai analis disimpan: Sangat Baik.').waitFor();
    await sangatBaik.getByText('paling banyak 2').waitFor();
    expect(await sangatBaik.getByTestId('skp-actual').textContent()).toBe('3');
    await audit(page, 'atasan-skp');

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Finalisasi SKP unit' }).click();
    const refusal = page.getByRole('alert');
    await refusal.getByText('Distribusi predikat Sangat Baik tidak sesuai pola organisasi Istimewa', { exact: false }).waitFor();
    expect(await trk('SELECT finalised_at FROM skp_unit WHERE unit_code = $1', ['BKD-MUTASI'])).toEqual([{ finalised_at: null }]);
  });

  it('shows the atasan the closed months a rating rests on, a score corrected after its close marked with its version', async () => {
    // Last month: closed by BKD, then corrected by an entry a back-dating window let in and the atasan approved.
    const thisMonth = witaNow().toISOString().slice(0, 7);
    const day = await lastWorkingDay(`${thisMonth}-01`);
    const month = day.slice(0, 7);
    const closing = await platform.call('POST', `/api/v1/trk/months/${month}/close`, undefined, adminToken);
    expect(closing.status).toBe(202);
    const job = () => platform.call('GET', `/api/v1/trk/jobs/${closing.body.id}`, undefined, adminToken);
    await waitFor(async () => (await job()).body.status === 'DONE', `the close of ${month}`);
    const window = {
      unitCode: 'BKD',
      from: day,
      to: day,
      closesAt: new Date(Date.now() + 3_600_000).toISOString(),
      reason: 'Susulan bulan yang sudah ditutup',
    };
    expect((await platform.call('POST', '/api/v1/trk/backdating-windows', window, adminToken)).status).toBe(201);
    const entry = { date: day, description: 'Menyusun telaahan staf mutasi', quantity: 1, minutes: 60 };
    const recorded = await platform.call('POST', '/api/v1/trk/activities', entry, tokens.analis);
    expect(recorded.status).toBe(201);
    const verified = await platform.call('POST', '/api/v1/trk/activities/verify', { ids: [recorded.body.id], decision: 'APPROVE' }, tokens.kabid);
    expect(verified.status).toBe(200);
    const [published] = await trk('SELECT version, score::text AS score FROM trk_month_score WHERE month = $1 AND nip = $2', [month, PEOPLE.analis.nip]);
    expect(published.version).toBe(2);

    const page = await openAs(PEOPLE.kabid.nip);
    await go(page, 'Predikat kinerja (SKP)');
    // In January last month belongs to last year's SKP.
    if (month.slice(0, 4) !== thisMonth.slice(0, 4)) await page.getByLabel('Tahun').fill(month.slice(0, 4));
    await page.getByLabel('Pegawai', { exact: true }).selectOption(PEOPLE.analis.nip);
    const row = page.getByTestId('skp-basis-months').getByRole('row', { name: `${MONTHS[Number(month.slice(5)) - 1]} ${month.slice(0, 4)}` });
    await row.getByRole('cell', { name: `${id(Number(published.score), 2)} (versi 2)` }).waitFor();
    await audit(page, 'atasan-skp-dasar');
  });

  it('lets an admin add an activity to the catalogue and shows a refused CSV row by row, storing none of it', async () => {
    const page = await openAs(ADMIN.nip, ADMIN.password);
    await go(page, 'Katalog kegiatan');
    await page.getByRole('main').getByRole('button', { name: 'Tambah kegiatan' }).click();
    await page.getByLabel('Kode kegiatan').fill('BKD-ANALIS-TELAAH');
    await page.getByLabel('Nama kegiatan').fill('Menyusun telaahan staf mutasi');
    await page.getByLabel('Satuan hasil').fill('telaahan');
    await page.getByLabel('Waktu standar per hasil (menit)').fill('90');
    await page.getByLabel('Kode jabatan').fill('BKD-ANALIS');
    await page.getByRole('button', { name: 'Simpan kegiatan' }).click();
    await page.getByText('Kegiatan BKD-ANALIS-TELAAH disimpan.').waitFor();
    await page.getByTestId('catalogue').getByText('Menyusun telaahan staf mutasi').waitFor();
    expect(await trk('SELECT standard_minutes, position_code FROM catalogue_activity WHERE code = $1', ['BKD-ANALIS-TELAAH'])).toEqual([
      { standard_minutes: 90, position_code: 'BKD-ANALIS' },
    ]);

    const csv = [
      'code,name,outputUnit,standardMinutes,evidenceRequired,positionType,positionCode',
      'BKD-ANALIS-RAPAT,Mengikuti rapat koordinasi,kegiatan,60,tidak,,BKD-ANALIS',
      'BKD-ANALIS-SALAH,Kegiatan tanpa waktu standar,kegiatan,,ya,,BKD-ANALIS',
    ].join('\n');
    await page.getByLabel('Berkas CSV').setInputFiles({ name: 'katalog.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Mulai impor' }).click();
    await page.getByText('1 baris tidak valid; tidak ada kegiatan yang disimpan', { exact: false }).waitFor();
    await page.getByRole('cell', { name: 'BKD-ANALIS-SALAH' }).waitFor();
    expect(await trk('SELECT code FROM catalogue_activity WHERE code = $1', ['BKD-ANALIS-RAPAT'])).toEqual([]);
    await audit(page, 'admin-katalog');
  });

  it('keeps Beranda working when TRK does not answer, saying so quietly', async () => {
    const unavailable = JSON.stringify({ message: 'Layanan sedang tidak tersedia' });
    const page = await openAs(PEOPLE.kabid.nip, PASSWORD, (context) =>
      context.route('**/api/v1/trk/**', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: unavailable })),
    );
    const card = page.getByTestId('home-activities');
    await card.getByText('Aktivitas harian belum dapat ditampilkan saat ini.').waitFor();
    await card.getByTestId('home-pending-verification').getByText('–', { exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Presensi hari ini' }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('passes an axe check on every TRK page of every role, at phone and desktop width', async () => {
    const pages: [string, string, string, string[]][] = [
      ['pegawai', PEOPLE.analis.nip, PASSWORD, ['/aktivitas', '/nilai-kinerja', '/target']],
      ['atasan', PEOPLE.kabid.nip, PASSWORD, ['/aktivitas', '/verifikasi', '/nilai-kinerja', '/target', '/skp']],
      ['operator', PEOPLE.operator.nip, PASSWORD, ['/verifikasi', '/skp', '/katalog', '/target']],
      ['admin', ADMIN.nip, ADMIN.password, ['/aktivitas', '/verifikasi', '/skp', '/katalog']],
    ];
    for (const [role, nip, password, hrefs] of pages) {
      const page = await openAs(nip, password);
      for (const href of hrefs) {
        await page.goto(href);
        await page.locator('main h1').waitFor();
        await settled(page);
        await audit(page, `trk-${role}${href.replace(/\//g, '-')}`);
      }
    }
  }, 300_000);
});
