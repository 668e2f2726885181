import {
  LANGUAGES,
  type Language,
  type RoutingLanguageSetting,
  type RoutingSettings,
} from '../../shared';
import type { Queryable } from '../db/database';
import { iso } from '../repositories/timestamps';

interface SettingRow {
  language: Language;
  auto_assign: boolean;
  updated_by: string | null;
  updated_at: Date | string;
}

const toSetting = (language: Language, r: SettingRow | undefined): RoutingLanguageSetting => ({
  language,
  autoAssign: r?.auto_assign ?? false,
  updatedBy: r?.updated_by ?? null,
  updatedAt: r ? iso(r.updated_at) : null,
});

export async function routingSettings(db: Queryable): Promise<RoutingSettings> {
  const res = await db.query<SettingRow>('SELECT * FROM routing_settings');
  const byLanguage = new Map(res.rows.map((r) => [r.language, r]));
  return { languages: LANGUAGES.map((l) => toSetting(l, byLanguage.get(l))) };
}

/** Is automatic assignment on for this language? Off until a lead turns it on. */
export async function autoAssignOn(db: Queryable, language: Language): Promise<boolean> {
  const res = await db.query<{ auto_assign: boolean }>(
    'SELECT auto_assign FROM routing_settings WHERE language = $1',
    [language],
  );
  return res.rows[0]?.auto_assign ?? false;
}

export async function setAutoAssign(
  tx: Queryable,
  language: Language,
  autoAssign: boolean,
  by: string,
  now: Date,
): Promise<RoutingLanguageSetting> {
  const res = await tx.query<SettingRow>(
    `INSERT INTO routing_settings (language, auto_assign, updated_by, updated_at)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (language) DO UPDATE SET auto_assign = EXCLUDED.auto_assign,
       updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
     RETURNING *`,
    [language, autoAssign, by, now],
  );
  return toSetting(language, res.rows[0]);
}
