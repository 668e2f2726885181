import { useEffect, useState } from 'react';
import {
  LANGUAGE_NAMES,
  routingSwitchName,
  type Language,
  type RoutingLanguageSetting,
} from '../../../shared';
import { loadRouting, switchAutoAssign } from '../../app/routing-thunks';
import { useAppDispatch } from '../../app/hooks';

/**
 * A lead turns automatic assignment on or off per language: new cases of a language that
 * is on go to an available agent who speaks it, within capacities (docs/routing.md).
 */
export function RoutingSwitches() {
  const dispatch = useAppDispatch();
  const [settings, setSettings] = useState<RoutingLanguageSetting[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void dispatch(loadRouting()).then((r) => {
      if (r.ok) setSettings(r.value.languages);
      setError(r.ok ? null : r.error);
    });
  }, [dispatch]);

  const flip = async (language: Language, on: boolean) => {
    const r = await dispatch(switchAutoAssign(language, on));
    setError(r.ok ? null : r.error);
    if (r.ok) {
      setSettings((s) => s?.map((l) => (l.language === language ? r.value : l)) ?? null);
    }
  };

  return (
    <fieldset className="routing-switches" aria-busy={settings === null}>
      <legend>Automatic assignment</legend>
      <p className="muted small">
        New cases go to an available agent who speaks their language and has the fewest open cases,
        within each capacity.
      </p>
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
      <div className="switch-row">
        {(settings ?? []).map((l) => (
          <label key={l.language}>
            <input
              type="checkbox"
              role="switch"
              checked={l.autoAssign}
              aria-label={routingSwitchName(l.language)}
              onChange={(e) => void flip(l.language, e.target.checked)}
            />
            {LANGUAGE_NAMES[l.language]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
