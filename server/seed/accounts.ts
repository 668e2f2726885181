import { randomUUID } from 'node:crypto';
import { LANGUAGES, type Currency, type Language, type Role } from '../../shared';
import type { Queryable } from '../db/database';
import { insertAgent } from '../repositories/agents';
import { hashPassword } from '../services/passwords';

export const DEMO_PASSWORD = 'casedesk-demo';

export interface DemoAccount {
  name: string;
  email: string;
  roles: Role[];
  languages: Language[];
  refundLimit: { amount: number; currency: Currency };
}

/** The six accounts of the contract's demo seed (part 2 added the admin). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    name: 'Ana de Vries',
    email: 'ana@demo.casedesk',
    roles: ['agent'],
    languages: ['de', 'en', 'nl'],
    refundLimit: { amount: 250_00, currency: 'EUR' },
  },
  {
    name: 'Marco Rossi',
    email: 'marco@demo.casedesk',
    roles: ['agent'],
    languages: ['it', 'es', 'fr', 'pt'],
    refundLimit: { amount: 250_00, currency: 'EUR' },
  },
  {
    name: 'Tess Bakker',
    email: 'tess@demo.casedesk',
    roles: ['trust_safety'],
    languages: ['en', 'nl', 'de'],
    refundLimit: { amount: 2000_00, currency: 'EUR' },
  },
  {
    name: 'Tom Laurent',
    email: 'tom@demo.casedesk',
    roles: ['trust_safety'],
    languages: ['en', 'fr', 'es'],
    refundLimit: { amount: 2000_00, currency: 'EUR' },
  },
  {
    name: 'Lena Kowalska',
    email: 'lena@demo.casedesk',
    roles: ['lead'],
    languages: [...LANGUAGES],
    refundLimit: { amount: 5000_00, currency: 'EUR' },
  },
  {
    // Manages accounts (the Team view); works no cases.
    name: 'Adrian Admin',
    email: 'admin@demo.casedesk',
    roles: ['admin'],
    languages: [],
    refundLimit: { amount: 0, currency: 'EUR' },
  },
];

/** Creates the demo accounts; returns their ids by email. All share one password hash. */
export async function createDemoAccounts(db: Queryable): Promise<Map<string, string>> {
  const hash = await hashPassword(DEMO_PASSWORD);
  const ids = new Map<string, string>();
  for (const a of DEMO_ACCOUNTS) {
    const id = randomUUID();
    await insertAgent(db, {
      id,
      name: a.name,
      email: a.email,
      passwordHash: hash,
      roles: a.roles,
      languages: a.languages,
      refundLimitMinor: a.refundLimit.amount,
      refundLimitCurrency: a.refundLimit.currency,
    });
    ids.set(a.email, id);
  }
  return ids;
}
