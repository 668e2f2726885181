import { useState } from 'react';
import type { TeamMember } from '../../../shared';
import { changeCapacity } from '../../app/routing-thunks';
import { useAppDispatch } from '../../app/hooks';

/** A lead's say in how many open cases routing gives someone; saved on Enter or leaving it. */
export function CapacityField({
  member,
  onError,
}: {
  member: TeamMember;
  onError: (e: string | null) => void;
}) {
  const dispatch = useAppDispatch();
  const stored = member.capacity ?? 10;
  const [value, setValue] = useState(String(stored));
  const [saving, setSaving] = useState(false);

  const save = async () => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isInteger(n) || n < 0 || n > 1000) {
      onError(`Capacity for ${member.name}: a whole number from 0 to 1000.`);
      setValue(String(stored));
      return;
    }
    if (n === stored) return;
    setSaving(true);
    const r = await dispatch(changeCapacity(member.id, n));
    setSaving(false);
    onError(r.ok ? null : r.error);
    if (!r.ok) setValue(String(stored));
  };

  return (
    <input
      type="number"
      className="capacity"
      min={0}
      max={1000}
      step={1}
      value={value}
      aria-label={`Capacity for ${member.name}`}
      aria-busy={saving}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => void save()}
      onKeyDown={(e) => {
        if (e.key === 'Enter') void save();
      }}
    />
  );
}
