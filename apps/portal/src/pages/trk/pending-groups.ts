import type { PendingActivity } from '../../api/trk-queries';

export interface EmployeePending {
  nip: string;
  name: string;
  days: { date: string; entries: PendingActivity[] }[];
  ids: string[];
}

/** The inbox (oldest first) by employee, then by day, each in the order its oldest entry came. */
export function groupByEmployee(entries: readonly PendingActivity[]): EmployeePending[] {
  const employees = new Map<string, EmployeePending>();
  for (const entry of entries) {
    let employee = employees.get(entry.nip);
    if (!employee) employees.set(entry.nip, (employee = { nip: entry.nip, name: entry.name, days: [], ids: [] }));
    let day = employee.days.find((d) => d.date === entry.date);
    if (!day) employee.days.push((day = { date: entry.date, entries: [] }));
    day.entries.push(entry);
    employee.ids.push(entry.id);
  }
  return [...employees.values()];
}
