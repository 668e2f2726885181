import { DEMO_PASSWORD } from '../seed/accounts';
import type { TestServiceOptions, TestService } from './test-service';

/** The fuzzed service has a marketplace key, so the integration routes get past 401 too. */
export const FUZZ_INTEGRATION_KEY = 'fuzz-integration-key-0123456789';
export const FUZZ_SERVICE_OPTIONS: TestServiceOptions = {
  integration: { webhook: null, key: FUZZ_INTEGRATION_KEY, retryBaseMs: 10_000 },
};
import type { Credentials, FuzzIds } from './fuzz-requests';

const sor = {
  facts: 'Counterfeit watches.',
  ground: 'Terms §7.',
  groundType: 'contractual',
  automated: false,
  redress: 'Complaint within 6 months.',
};

/** A few real cases, a pending action and a dispute, so generated requests reach the rules. */
export async function fuzzFixtures(
  svc: TestService,
): Promise<{ ids: FuzzIds; creds: Credentials }> {
  const [ana, lena, tess, admin] = await Promise.all([
    svc.login('ana'),
    svc.login('lena'),
    svc.login('tess'),
    svc.signIn('admin@demo.casedesk', DEMO_PASSWORD),
  ]);
  const ids: FuzzIds = {
    caseIds: [],
    actionIds: [],
    disputeIds: [],
    // Accounts the fuzz may deactivate or reset: not the ones whose sessions it uses.
    agentIds: ['marco@demo.casedesk', 'tom@demo.casedesk'].map((e) => svc.agentIds.get(e)!),
  };
  for (let i = 0; i < 4; i++) {
    const c = await svc.intake();
    ids.caseIds.push(c.id);
    await ana.post(`/api/v1/cases/${c.id}/claim`);
    const action = await ana.post(`/api/v1/cases/${c.id}/actions`, {
      type: 'restrict_account',
      subject: 'buyer',
      restriction: 'suspend',
      until: null,
      statementOfReasons: sor,
    });
    ids.actionIds.push(action.json<{ id: string }>().id);
    const dispute = await ana.post(`/api/v1/cases/${c.id}/external-disputes`, {
      body: 'ADR',
      reference: `ADR-${i}`,
      filedAt: '2026-11-01T10:00:00Z',
      status: 'filed',
      notes: '',
    });
    ids.disputeIds.push(dispute.json<{ id: string }>().id);
  }
  return {
    ids,
    creds: {
      tokens: [ana.token, lena.token, tess.token, admin.token],
      integrationKey: FUZZ_INTEGRATION_KEY,
    },
  };
}
