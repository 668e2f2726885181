/** A size as people read it: "512 bytes", "300 KiB", "1.5 MiB", "10 MiB". */
export function describeBytes(n: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = unit === 0 ? String(value) : String(Math.round(value * 10) / 10);
  return `${shown} ${unit === 0 && value === 1 ? 'byte' : units[unit]}`;
}
