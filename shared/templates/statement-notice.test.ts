import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../languages';
import { DSA_CATEGORY_LABELS } from '../dsa/dsa-values';
import { DSA_CATEGORY_TEXTS } from './dsa-category-texts';
import { GROUND_TEXTS } from './statement-ground-texts';
import { STATEMENT_LABELS } from './statement-notice-texts';
import { complaintOutcomeText, statementNoticeText } from './statement-notice';
import { STANDARD_REDRESS } from './statement-of-reasons';

const values = {
  buyerName: 'Jan Jansen',
  sellerName: 'Horloge BV',
  reference: 'CD-100400',
  agentName: 'Ana de Vries',
  restriction: 'block_selling' as const,
  until: '2027-01-31T00:00:00.000Z',
  effectiveAt: '2026-08-31T09:00:00.000Z',
  statementOfReasons: {
    facts: 'Three buyers received counterfeit watches.',
    ground: 'Terms §7.',
    groundType: 'contractual' as const,
    automated: true,
    redress: 'Reply to contest.',
    territorialScope: 'EU',
    basis: 'own_investigation' as const,
  },
};

describe('the statement of reasons as the restricted person reads it', () => {
  it('holds every Art. 17 element in every language, with nothing left to fill', () => {
    for (const language of LANGUAGES) {
      const text = statementNoticeText('seller', language, values);
      for (const part of ['Horloge BV', 'CD-100400', values.statementOfReasons.facts]) {
        expect(text, language).toContain(part);
      }
      expect(text, language).toContain('Terms §7.');
      expect(text, language).toContain('Reply to contest.');
      expect(text, language).toContain('Ana de Vries');
      expect(text, language).not.toMatch(/\{\w+\}/);
    }
  });

  it('says how long, whether automated, and until when a complaint is possible, in English', () => {
    const text = statementNoticeText('seller', 'en', { ...values, note: 'We are sorry.' });
    expect(text).toContain('Duration:\nuntil January 31, 2027');
    expect(text).toContain('Automated means were used in taking this decision.');
    expect(text).toContain('The decision followed our own investigation.');
    expect(text).toContain(
      'Ground in our terms:\nIn our reviewer’s own words, as written:\nTerms §7.',
    );
    expect(text).toContain('Where it applies:\nthe whole European Union');
    // Six months from 31 August is the last day of February.
    expect(text).toContain('until February 28, 2027');
    expect(text.indexOf('We are sorry.')).toBeLessThan(text.indexOf('Measure:'));
  });

  it('sends a kept suggested ground, the category, countries and the standard redress in the person’s language', () => {
    const suggested = {
      ...values,
      statementOfReasons: {
        ...values.statementOfReasons,
        ground: GROUND_TEXTS.fraud_suspected.en,
        category: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD' as const,
        automatedDetection: false,
        countries: ['DE' as const, 'AT' as const],
        redress: STANDARD_REDRESS,
      },
    };
    for (const language of LANGUAGES) {
      const l = STATEMENT_LABELS[language];
      const text = statementNoticeText('seller', language, suggested);
      expect(text, language).toContain(GROUND_TEXTS.fraud_suspected[language]);
      expect(text, language).toContain(
        `${l.category}: ${DSA_CATEGORY_TEXTS.STATEMENT_CATEGORY_SCAMS_AND_FRAUD[language]}`,
      );
      expect(text, language).toContain(l.detectedNo);
      expect(text, language).toContain(l.outOfCourt);
      // Only the facts are staff's own words here.
      expect(text.split(l.asWritten).length - 1, language).toBe(1);
      expect(text, language).not.toContain(STANDARD_REDRESS);
      if (language !== 'en') {
        expect(text, language).not.toContain(GROUND_TEXTS.fraud_suspected.en);
        expect(text, language).not.toContain(
          DSA_CATEGORY_LABELS.STATEMENT_CATEGORY_SCAMS_AND_FRAUD,
        );
        for (const english of Object.values(STATEMENT_LABELS.en)) {
          expect(text, language).not.toContain(english);
        }
      }
    }
    const de = statementNoticeText('seller', 'de', suggested);
    expect(de).toContain('Räumlicher Geltungsbereich:\nDeutschland, Österreich');
  });

  it('labels what staff wrote in their own words and sends it as written', () => {
    const own = {
      ...values,
      statementOfReasons: {
        ...values.statementOfReasons,
        territorialScope: 'Belgium and the Netherlands',
        redress: 'Call us on +31 20 000 0000.',
      },
    };
    const text = statementNoticeText('seller', 'nl', own);
    const label = STATEMENT_LABELS.nl.asWritten;
    expect(text).toContain(
      `Feiten en omstandigheden:\n${label}\n${values.statementOfReasons.facts}`,
    );
    expect(text).toContain(`Grond in onze voorwaarden:\n${label}\nTerms §7.`);
    expect(text).toContain(`${label}\nCall us on +31 20 000 0000.`);
    expect(text).toContain(`Waar deze geldt:\n${label}\nBelgium and the Netherlands`);
  });

  it('has every suggested ground and every category in all nine languages', () => {
    for (const texts of [...Object.values(GROUND_TEXTS), ...Object.values(DSA_CATEGORY_TEXTS)]) {
      for (const language of LANGUAGES) expect(texts[language].trim(), language).not.toBe('');
    }
    for (const [key, texts] of Object.entries(DSA_CATEGORY_TEXTS)) {
      expect(texts.en).toBe(DSA_CATEGORY_LABELS[key as keyof typeof DSA_CATEGORY_LABELS]);
    }
  });

  it('tells the complaint’s outcome with the reasons, in every language', () => {
    for (const language of LANGUAGES) {
      const text = complaintOutcomeText('reversed', 'buyer', language, {
        ...values,
        reasons: 'The payments were yours.',
      });
      expect(text, language).toContain('The payments were yours.');
      expect(text, language).toContain('CD-100400');
      expect(text, language).not.toMatch(/\{\w+\}/);
    }
  });
});
