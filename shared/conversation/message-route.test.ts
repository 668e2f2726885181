import { describe, expect, it } from 'vitest';
import { routeOutgoingMessage } from './message-route';

describe('routeOutgoingMessage', () => {
  it('mails the buyer of an email case when mail is configured', () => {
    expect(
      routeOutgoingMessage({
        channel: 'email',
        to: 'buyer',
        address: 'b@x.test',
        mailConfigured: true,
      }),
    ).toEqual({ kind: 'mail', address: 'b@x.test' });
  });

  it('mails a seller whatever the channel', () => {
    for (const channel of ['email', 'chat', 'phone'] as const) {
      expect(
        routeOutgoingMessage({ channel, to: 'seller', address: 's@x.test', mailConfigured: true }),
      ).toEqual({ kind: 'mail', address: 's@x.test' });
    }
  });

  it('hands a chat or phone buyer’s reply to the help center, configured or not', () => {
    for (const mailConfigured of [true, false]) {
      expect(
        routeOutgoingMessage({ channel: 'chat', to: 'buyer', address: 'b@x.test', mailConfigured }),
      ).toEqual({ kind: 'help_center' });
      expect(
        routeOutgoingMessage({
          channel: 'phone',
          to: 'buyer',
          address: 'b@x.test',
          mailConfigured,
        }),
      ).toEqual({ kind: 'help_center' });
    }
  });

  it('says not configured without mail, even for a seller without an address', () => {
    expect(
      routeOutgoingMessage({
        channel: 'email',
        to: 'seller',
        address: null,
        mailConfigured: false,
      }),
    ).toEqual({ kind: 'not_configured' });
  });

  it('refuses mail to a party without an address while mail is configured', () => {
    expect(
      routeOutgoingMessage({ channel: 'chat', to: 'seller', address: null, mailConfigured: true }),
    ).toEqual({ kind: 'recipient_unknown' });
  });
});
