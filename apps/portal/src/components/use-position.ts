import { useEffect, useState } from 'react';

export interface Fix {
  latitude: number;
  longitude: number;
  accuracyMeters: number;
}
export type PositionState = { state: 'locating' } | { state: 'found'; fix: Fix } | { state: 'failed' };

/** The phone's position, kept fresh while the page is open (a first fix is often coarse). */
export function usePosition(): PositionState {
  const [position, setPosition] = useState<PositionState>(() => ('geolocation' in navigator ? { state: 'locating' } : { state: 'failed' }));
  useEffect(() => {
    if (!('geolocation' in navigator)) return;
    const watch = navigator.geolocation.watchPosition(
      (p) =>
        setPosition({
          state: 'found',
          fix: { latitude: p.coords.latitude, longitude: p.coords.longitude, accuracyMeters: Math.max(0, Math.round(p.coords.accuracy)) },
        }),
      () => setPosition((current) => (current.state === 'found' ? current : { state: 'failed' })),
      { enableHighAccuracy: true, maximumAge: 30_000, timeout: 20_000 },
    );
    return () => navigator.geolocation.clearWatch(watch);
  }, []);
  return position;
}
