import { parseArgs } from 'node:util';
import {
  CreateAgentRequest,
  DomainError,
  LANGUAGES,
  ROLES,
  type Agent,
  type Invitation,
} from '../../shared';
import type { Database } from '../db/database';
import { findAgentByEmail, listAgents } from '../repositories/agents';
import { activateAgent, createAgent, deactivateAgent, resetPassword } from '../services/accounts';
import { removeSecondFactor } from '../services/second-factor';

export const USAGE = `usage: npm run admin -- <command> [options]

  create --email <email> --name <name> --roles <role,…> [--languages <xx,…>]
         [--refund-limit <amount in major units, e.g. 250.00>] [--currency EUR]
      creates an account and prints its invitation token (valid 7 days)
  list
      lists every account
  deactivate --email <email>
      ends every session of the account at once and returns its open cases to the queue
  activate --email <email>
  reset-password --email <email>
      ends every session, and prints a new invitation token to set a password with
  reset-second-factor --email <email>
      turns two-step sign-in off for someone who lost their phone and recovery codes

roles: ${ROLES.join(', ')}; languages: ${LANGUAGES.join(', ')}
Uses the service's database: DATABASE_URL, or the embedded one in CASEDESK_DATA_DIR
(stop the service first when it uses the embedded database).`;

/** A wrong command line: exit code 2 and the usage. */
export class UsageError extends Error {}

export interface Output {
  out(line: string): void;
}

const list = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

function minorUnits(text: string): number {
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(text)) {
    throw new UsageError(`--refund-limit must be an amount like 250 or 250.00, not "${text}"`);
  }
  const [whole, cents = ''] = text.split('.');
  return Number(whole) * 100 + Number(cents.padEnd(2, '0'));
}

function printInvitation(o: Output, agent: Pick<Agent, 'email'>, inv: Invitation): void {
  o.out(`Invitation for ${agent.email}, valid until ${inv.expiresAt}. Its token:`);
  // On a line of its own, so scripts can take the last line.
  o.out(inv.token);
  o.out('Set a password with it: POST /api/v1/auth/accept-invitation {"token","password"}.');
}

async function byEmail(db: Database, email: string | undefined): Promise<string> {
  if (!email) throw new UsageError('--email is required');
  const row = await findAgentByEmail(db, email);
  if (!row) throw new DomainError('not_found', `No account has the email ${email}.`);
  return row.id;
}

/** Runs one admin command against the database; refusals are DomainErrors, misuse UsageErrors. */
export async function runAdminCommand(db: Database, argv: string[], o: Output): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        roles: { type: 'string' },
        languages: { type: 'string' },
        'refund-limit': { type: 'string' },
        currency: { type: 'string' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values: v, positionals } = parsed;
  const [command, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`unexpected "${extra.join(' ')}"`);
  const now = new Date();

  switch (command) {
    case 'create': {
      const req = CreateAgentRequest.safeParse({
        email: v.email,
        name: v.name,
        roles: list(v.roles),
        languages: list(v.languages),
        refundLimit: {
          amount: minorUnits(v['refund-limit'] ?? '0'),
          currency: (v.currency ?? 'EUR').toUpperCase(),
        },
      });
      if (!req.success) {
        const flag = (p: PropertyKey | undefined) =>
          p === 'refundLimit' ? 'refund-limit' : String(p);
        throw new UsageError(
          req.error.issues
            .map(
              (i) =>
                `--${flag(i.path[0])}: ${i.message}${i.path[0] === 'roles' ? ` (one or more of ${ROLES.join(', ')})` : ''}`,
            )
            .join('; '),
        );
      }
      const { agent, invitation } = await db.transaction((tx) =>
        createAgent(tx, null, req.data, now),
      );
      o.out(`Created ${agent.email} (${agent.id}) with roles ${agent.roles.join(', ')}.`);
      printInvitation(o, agent, invitation);
      return;
    }
    case 'list': {
      const agents = await listAgents(db);
      o.out(['email', 'name', 'roles', 'languages', 'active', 'last seen'].join('\t'));
      for (const a of agents) {
        o.out(
          [
            a.email,
            a.name,
            a.roles.join(','),
            a.languages.join(',') || '-',
            a.active ? 'yes' : 'no',
            a.lastSeenAt ?? 'never',
          ].join('\t'),
        );
      }
      return;
    }
    case 'deactivate': {
      const id = await byEmail(db, v.email);
      const agent = await db.transaction((tx) => deactivateAgent(tx, null, id, now));
      o.out(`Deactivated ${agent.email}: every session ended, open cases back in the queue.`);
      return;
    }
    case 'activate': {
      const id = await byEmail(db, v.email);
      const agent = await db.transaction((tx) => activateAgent(tx, null, id, now));
      o.out(`Activated ${agent.email}.`);
      return;
    }
    case 'reset-password': {
      const id = await byEmail(db, v.email);
      const { invitation } = await db.transaction((tx) => resetPassword(tx, null, id, now));
      o.out(`Reset the password of ${v.email}; every session ended.`);
      printInvitation(o, { email: v.email! }, invitation);
      return;
    }
    case 'reset-second-factor': {
      const id = await byEmail(db, v.email);
      const removed = await db.transaction((tx) =>
        removeSecondFactor(tx, id, null, now, { by: 'command_line' }),
      );
      o.out(
        removed
          ? `Turned two-step sign-in off for ${v.email}: the password alone signs in again.`
          : `${v.email} had no two-step sign-in; nothing changed.`,
      );
      return;
    }
    case undefined:
      throw new UsageError('a command is required');
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}
