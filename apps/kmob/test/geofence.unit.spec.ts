import { checkGeofence, distanceMeters, type AttendanceLocation } from '../src/domain/geofence';

/** Kantor Gubernur Sulawesi Tengah and BKD Sulteng in Palu (coordinates from public maps, rounded). */
const GUBERNUR: AttendanceLocation = { name: 'Kantor Gubernur Sulteng', latitude: -0.8917, longitude: 119.8707, radiusMeters: 100 };
const BKD: AttendanceLocation = { name: 'Kantor BKD Sulteng', latitude: -0.8979, longitude: 119.8594, radiusMeters: 100 };

/** A point `meters` north of `p` (one degree of latitude ≈ 111,195 m on this sphere). */
const north = (p: AttendanceLocation, meters: number) => ({ latitude: p.latitude + meters / 111_195, longitude: p.longitude });

describe('geofence', () => {
  it('measures distances between Palu offices', () => {
    expect(distanceMeters(GUBERNUR, BKD)).toBeGreaterThan(1300);
    expect(distanceMeters(GUBERNUR, BKD)).toBeLessThan(1450);
    expect(distanceMeters(GUBERNUR, north(GUBERNUR, 50))).toBeCloseTo(50, 0);
  });

  it.each([
    ['inside', 40, 10, true],
    ['on the edge, accuracy included', 90, 10, true],
    ['just over the edge once accuracy counts', 90, 11, false],
    ['outside', 150, 5, false],
  ])('%s: %d m away with ±%d m → allowed %s', (_case, meters, accuracy, allowed) => {
    const verdict = checkGeofence({ ...north(GUBERNUR, meters), accuracyMeters: accuracy, mocked: false }, [GUBERNUR, BKD], false);
    expect(verdict.allowed).toBe(allowed);
    if (!verdict.allowed)
      expect(verdict).toEqual({ allowed: false, reason: 'OUTSIDE_GEOFENCE', nearest: { name: 'Kantor Gubernur Sulteng', distanceMeters: meters } });
  });

  const OFFICE_WIFI: AttendanceLocation = { ...GUBERNUR, wifiBssids: ['a4:2b:b0:11:22:33'] };
  const wifi = { bssid: 'A4:2B:B0:11:22:33', maxCreditMeters: 100 };

  it.each([
    ['a weak fix just outside, on the office Wi-Fi', 130, 60, true, wifi],
    ['a fix whose accuracy reaches the radius only with more credit than allowed', 250, 400, false, wifi],
    ['13,327 km away with the office BSSID', 13_327_000, 20, false, wifi],
    ['a weak fix just outside on another BSSID', 130, 60, false, { ...wifi, bssid: '00:11:22:33:44:55' }],
    ['a weak fix just outside without Wi-Fi', 130, 60, false, undefined],
  ])('%s: %d m away with ±%d m → allowed %s', (_case, meters, accuracy, allowed, evidence) => {
    const far = meters > 1_000_000 ? { latitude: 40.7, longitude: -74 } : north(GUBERNUR, meters);
    expect(checkGeofence({ ...far, accuracyMeters: accuracy, mocked: false }, [OFFICE_WIFI], false, evidence).allowed).toBe(allowed);
  });

  it('refuses a mocked location even inside, and lets approved field duty check in anywhere', () => {
    expect(checkGeofence({ ...GUBERNUR, accuracyMeters: 5, mocked: true }, [GUBERNUR], false)).toEqual({
      allowed: false,
      reason: 'MOCKED_LOCATION',
      nearest: null,
    });
    expect(checkGeofence({ latitude: -0.95, longitude: 119.9, accuracyMeters: 20, mocked: false }, [GUBERNUR], true).allowed).toBe(true);
    expect(checkGeofence({ ...BKD, accuracyMeters: 5, mocked: false }, [GUBERNUR, BKD], false)).toEqual({
      allowed: true,
      location: 'Kantor BKD Sulteng',
      distanceMeters: 0,
    });
  });
});
