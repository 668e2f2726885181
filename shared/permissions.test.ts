import { describe, expect, it } from 'vitest';
import {
  canAssignCases,
  canManageAccounts,
  seesFullDirectory,
  toldOfDeadDeliveries,
  canSeeCase,
  canSeeQueueHealth,
  canWorkCase,
  languagesSeen,
  decisionRight,
  needsApproval,
  type Actor,
} from './permissions';

const limit = { amount: 250_00, currency: 'EUR' } as const;
const ana: Actor = {
  id: 'ana',
  roles: ['agent'],
  languages: ['de', 'en', 'nl'],
  refundLimit: limit,
};
const tess: Actor = {
  id: 'tess',
  roles: ['trust_safety'],
  languages: ['en'],
  refundLimit: { amount: 2000_00, currency: 'EUR' },
};
const lena: Actor = {
  id: 'lena',
  roles: ['lead'],
  languages: ['en'],
  refundLimit: { amount: 5000_00, currency: 'EUR' },
};

describe('permissions', () => {
  it('lets agents see cases in their languages and those assigned to them', () => {
    expect(canSeeCase(ana, { language: 'de', assigneeId: null })).toBe(true);
    expect(canSeeCase(ana, { language: 'it', assigneeId: null })).toBe(false);
    expect(canSeeCase(ana, { language: 'it', assigneeId: 'ana' })).toBe(true);
  });

  it('lets T&S and leads see every case', () => {
    expect(canSeeCase(tess, { language: 'zh', assigneeId: 'x' })).toBe(true);
    expect(canSeeCase(lena, { language: 'pl', assigneeId: null })).toBe(true);
  });

  it('lets only the assignee, T&S and leads work a case', () => {
    expect(canWorkCase(ana, { language: 'de', assigneeId: null })).toBe(false);
    expect(canWorkCase(ana, { language: 'de', assigneeId: 'ana' })).toBe(true);
    expect(canWorkCase(tess, { language: 'de', assigneeId: 'ana' })).toBe(true);
  });

  it('lets only leads assign', () => {
    expect(canAssignCases(lena)).toBe(true);
    expect(canAssignCases(tess)).toBe(false);
  });

  it('needs approval above the refund limit and always for restrictions and referrals', () => {
    expect(
      needsApproval(ana, { type: 'refund', amount: { amount: 250_00, currency: 'EUR' } }),
    ).toBe(false);
    expect(
      needsApproval(ana, { type: 'refund', amount: { amount: 250_01, currency: 'EUR' } }),
    ).toBe(true);
    expect(needsApproval(lena, { type: 'restrict_account' })).toBe(true);
    expect(needsApproval(lena, { type: 'law_enforcement_referral' })).toBe(true);
    expect(needsApproval(ana, { type: 'cancel_order' })).toBe(false);
  });

  it('keeps four eyes: never the proposer, refunds by leads or T&S, the rest by T&S only', () => {
    expect(decisionRight(tess, { type: 'restrict_account', proposedBy: 'tess' })).toBe(
      'four_eyes_violation',
    );
    expect(decisionRight(lena, { type: 'restrict_account', proposedBy: 'ana' })).toBe('forbidden');
    expect(decisionRight(tess, { type: 'law_enforcement_referral', proposedBy: 'ana' })).toBe(
      'allowed',
    );
    expect(decisionRight(lena, { type: 'refund', proposedBy: 'ana' })).toBe('allowed');
    expect(decisionRight(ana, { type: 'refund', proposedBy: 'marco' })).toBe('forbidden');
  });
});

describe('the admin role', () => {
  const admin: Actor = { id: 'ada', roles: ['admin'], languages: ['de'], refundLimit: limit };
  const adminLead: Actor = { ...admin, roles: ['admin', 'lead'] };

  it('sees and works no case on its own, even in its languages or assigned to it', () => {
    expect(canSeeCase(admin, { language: 'de', assigneeId: null })).toBe(false);
    expect(canSeeCase(admin, { language: 'de', assigneeId: 'ada' })).toBe(false);
    expect(canWorkCase(admin, { language: 'de', assigneeId: 'ada' })).toBe(false);
  });

  it('sees cases through any other role it also has', () => {
    expect(canSeeCase(adminLead, { language: 'zh', assigneeId: null })).toBe(true);
  });

  it('alone manages accounts; admins and leads see the full directory', () => {
    expect(canManageAccounts(admin)).toBe(true);
    expect(canManageAccounts({ roles: ['lead'] })).toBe(false);
    expect(seesFullDirectory({ roles: ['lead'] })).toBe(true);
    expect(seesFullDirectory(admin)).toBe(true);
    expect(seesFullDirectory({ roles: ['agent', 'trust_safety'] })).toBe(false);
  });

  it('tell leads and admins, not agents or T&S, when a delivery to the marketplace dies', () => {
    expect(toldOfDeadDeliveries({ roles: ['lead'] })).toBe(true);
    expect(toldOfDeadDeliveries({ roles: ['agent', 'admin'] })).toBe(true);
    expect(toldOfDeadDeliveries({ roles: ['agent'] })).toBe(false);
    expect(toldOfDeadDeliveries({ roles: ['agent', 'trust_safety'] })).toBe(false);
  });
});

describe('the dashboard', () => {
  it('is for leads and Trust & Safety, not agents or admins alone', () => {
    expect(canSeeQueueHealth(lena)).toBe(true);
    expect(canSeeQueueHealth(tess)).toBe(true);
    expect(canSeeQueueHealth(ana)).toBe(false);
    expect(canSeeQueueHealth({ roles: ['admin'] })).toBe(false);
  });

  it('counts every language for whoever sees every case, else the actor’s own', () => {
    expect(languagesSeen(lena)).toHaveLength(9);
    expect(languagesSeen(tess)).toHaveLength(9);
    expect(languagesSeen(ana)).toEqual(['de', 'en', 'nl']);
    expect(languagesSeen({ ...ana, roles: ['admin'] })).toEqual([]);
  });
});
