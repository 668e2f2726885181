import { describe, expect, it } from 'vitest';
import { describeBytes } from './byte-size';

describe('describeBytes', () => {
  it('says small sizes in bytes', () => {
    expect(describeBytes(0)).toBe('0 bytes');
    expect(describeBytes(1)).toBe('1 byte');
    expect(describeBytes(1023)).toBe('1023 bytes');
  });

  it('says larger sizes in the largest whole binary unit, to one decimal', () => {
    expect(describeBytes(1024)).toBe('1 KiB');
    expect(describeBytes(1536)).toBe('1.5 KiB');
    expect(describeBytes(10 * 1024 * 1024)).toBe('10 MiB');
    expect(describeBytes(40 * 1024 * 1024)).toBe('40 MiB');
    expect(describeBytes(1024 ** 3 * 2)).toBe('2 GiB');
  });
});
