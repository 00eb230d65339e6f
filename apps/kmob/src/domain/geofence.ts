export interface GeoPoint {
  latitude: number;
  longitude: number;
}

export interface AttendanceLocation extends GeoPoint {
  name: string;
  radiusMeters: number;
  /** The office's own Wi-Fi access points (BSSID, lowercase). */
  wifiBssids?: readonly string[];
}

/** The access point the phone is connected to, and how far Wi-Fi may stretch a weak GPS fix. */
export interface WifiEvidence {
  bssid: string;
  /** The most of the phone's stated accuracy that an office BSSID may credit to a fix. */
  maxCreditMeters: number;
}

export interface PositionFix extends GeoPoint {
  /** The phone's own estimate of its error, in metres. */
  accuracyMeters: number;
  /** The phone reports a mock (fake GPS) provider. */
  mocked: boolean;
}

export type GeofenceVerdict =
  | { allowed: true; location: string | null; distanceMeters: number | null }
  | { allowed: false; reason: 'MOCKED_LOCATION' | 'OUTSIDE_GEOFENCE' | 'NO_LOCATION'; nearest: { name: string; distanceMeters: number } | null };

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance (haversine), accurate to well under a metre at office scale. */
export function distanceMeters(a: GeoPoint, b: GeoPoint): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * May this fix count as presence? A mocked location never does. Approved field duty (dinas luar) or
 * work from home allows any place. Otherwise the fix must lie within a location's radius with its
 * accuracy counted against it: a fix 80 m away with ±30 m accuracy needs a radius of 110 m.
 *
 * An office BSSID settles only a fix that is already near that office: weak GPS indoors is a known
 * complaint, so the fix may be anywhere its accuracy allows, but credited with at most
 * `maxCreditMeters` of it. A BSSID is a phone's say-so and can be copied; on its own it proves nothing.
 */
export function checkGeofence(fix: PositionFix, locations: AttendanceLocation[], exempt: boolean, wifi?: WifiEvidence): GeofenceVerdict {
  if (fix.mocked) return { allowed: false, reason: 'MOCKED_LOCATION', nearest: null };
  if (exempt) return { allowed: true, location: null, distanceMeters: null };
  if (locations.length === 0) return { allowed: false, reason: 'NO_LOCATION', nearest: null };
  // Decimetres are far finer than any phone's GPS; rounding keeps a fix exactly on the edge inside.
  const measured = locations.map((l) => ({ location: l, distance: Math.round(distanceMeters(fix, l) * 10) / 10 })).sort((a, b) => a.distance - b.distance);
  const inside = measured.find((m) => m.distance + Math.max(0, fix.accuracyMeters) <= m.location.radiusMeters);
  if (inside) return { allowed: true, location: inside.location.name, distanceMeters: Math.round(inside.distance) };
  if (wifi) {
    const bssid = wifi.bssid.toLowerCase();
    const credit = Math.min(Math.max(0, fix.accuracyMeters), wifi.maxCreditMeters);
    const office = measured.find((m) => m.location.wifiBssids?.includes(bssid) && m.distance - credit <= m.location.radiusMeters);
    if (office) return { allowed: true, location: office.location.name, distanceMeters: Math.round(office.distance) };
  }
  return { allowed: false, reason: 'OUTSIDE_GEOFENCE', nearest: { name: measured[0].location.name, distanceMeters: Math.round(measured[0].distance) } };
}
