import 'leaflet/dist/leaflet.css';
import './location-map.css';
import L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import { t } from '../i18n';
import { Notice } from './notice';

export interface MapLocation {
  name: string;
  latitude: number;
  longitude: number;
  radiusMeters: number;
}

/** Palu, the provincial capital: where the map opens before a unit has an office. */
const PALU: L.LatLngTuple = [-0.8917, 119.8707];

/**
 * The offices of a unit as circles of their radius on OpenStreetMap tiles; a click moves the
 * selected office there. Where tiles cannot load the fields beside the map still do everything.
 */
export default function LocationMap({
  locations,
  selected,
  onPick,
}: {
  locations: MapLocation[];
  selected: number;
  onPick: (lat: number, lng: number) => void;
}) {
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);
  const pick = useRef(onPick);
  const [tilesFailed, setTilesFailed] = useState(false);
  useEffect(() => {
    pick.current = onPick;
  }, [onPick]);

  useEffect(() => {
    const m = L.map(element.current!, { center: PALU, zoom: 13 });
    L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', { maxZoom: 19, attribution: '© OpenStreetMap' })
      .on('tileerror', () => setTilesFailed(true))
      .addTo(m);
    m.on('click', (e: L.LeafletMouseEvent) => pick.current(Number(e.latlng.lat.toFixed(6)), Number(e.latlng.lng.toFixed(6))));
    layer.current = L.layerGroup().addTo(m);
    map.current = m;
    return () => void m.remove();
  }, []);

  useEffect(() => {
    const group = layer.current!;
    group.clearLayers();
    const valid = locations.filter((l) => Number.isFinite(l.latitude) && Number.isFinite(l.longitude));
    valid.forEach((l, i) =>
      L.circle([l.latitude, l.longitude], { radius: l.radiusMeters || 10, color: i === selected ? '#0b5394' : '#4d5660' })
        .bindTooltip(l.name)
        .addTo(group),
    );
    if (valid.length > 0) map.current!.fitBounds(L.featureGroup(group.getLayers() as L.Layer[]).getBounds(), { maxZoom: 17, padding: [20, 20] });
  }, [locations, selected]);

  return (
    <>
      {tilesFailed && <Notice tone="warning">{t.locations.mapUnavailable}</Notice>}
      <div ref={element} className="map" role="application" aria-label={t.locations.mapLabel} />
    </>
  );
}
