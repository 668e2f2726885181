import { describe, expect, it } from 'vitest';
import { cutQuotedReply } from './cut-quoted-reply';

describe('cutQuotedReply', () => {
  it('cuts Gmail-style quoting under an attribution line', () => {
    const mail = [
      'Hier ist das Foto.',
      '',
      'Am Di., 1. Dez. 2026 um 10:00 Uhr schrieb Casedesk Support <support@shop.test>:',
      '> Bitte senden Sie uns ein Foto.',
      '>',
      '> Viele Grüße',
    ].join('\n');
    expect(cutQuotedReply(mail)).toBe('Hier ist das Foto.');
  });

  it('cuts an attribution that Gmail wrapped over two lines', () => {
    const mail = [
      'Thanks, here it is.',
      '',
      'On Tue, 1 Dec 2026 at 10:00, Casedesk Support <support@shop.test>',
      'wrote:',
      '> Please send a photo.',
    ].join('\n');
    expect(cutQuotedReply(mail)).toBe('Thanks, here it is.');
  });

  it('cuts Outlook-style history under a From/Sent header block', () => {
    const mail = [
      'Het pakket is vandaag aangekomen.',
      '',
      '________________________________',
      'Van: Casedesk Support <support@shop.test>',
      'Verzonden: dinsdag 1 december 2026 10:00',
      'Aan: jan@example.nl',
      'Onderwerp: [CD-100001] Object niet ontvangen',
      '',
      'Kunt u ons laten weten of het pakket is aangekomen?',
    ].join('\n');
    expect(cutQuotedReply(mail)).toBe('Het pakket is vandaag aangekomen.');
  });

  it('cuts an "Original Message" separator', () => {
    const mail = 'OK.\n\n-----Original Message-----\nFrom: Support\nSent: today\n\nOld text';
    expect(cutQuotedReply(mail)).toBe('OK.');
  });

  it('cuts a signature after "-- " and a phone footer', () => {
    expect(cutQuotedReply('Danke!\n\n-- \nJan Jansen\nTel. 0123')).toBe('Danke!');
    expect(cutQuotedReply('Danke!\n\nVon meinem iPhone gesendet')).toBe('Danke!');
  });

  it('keeps answers written between quoted lines', () => {
    const mail = '> Did it arrive?\nNo, it did not.\n> Photo?\nAttached.';
    expect(cutQuotedReply(mail)).toBe(mail);
  });

  it('keeps the text of a mail that is nothing but a quote', () => {
    expect(cutQuotedReply('> only a quote')).toBe('> only a quote');
  });

  it('leaves a mail without quotes alone', () => {
    expect(cutQuotedReply('Line one\nOn second thought, line two.')).toBe(
      'Line one\nOn second thought, line two.',
    );
  });
});
