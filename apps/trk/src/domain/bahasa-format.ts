/** A whole number as Indonesian readers write it, with a dot between thousands: 6000 → "6.000". */
export function formatCount(value: number | bigint): string {
  const digits = String(value < 0 ? -value : value);
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return value < 0 ? `-${grouped}` : grouped;
}

/** Minutes since local midnight as a clock time: 960 → "16:00". */
export function clockTime(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** A date YYYY-MM-DD as Indonesian readers write it: 2020-01-01 → "1 Januari 2020". */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}
