import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../languages';
import { TOPICS } from '../schemas/case';
import { PLACEHOLDERS, fillTemplate, templatesFor } from './reply-templates';

const RECIPIENTS = ['buyer', 'seller'] as const;

const every = TOPICS.flatMap((topic) =>
  LANGUAGES.flatMap((language) =>
    RECIPIENTS.map((recipient) => ({
      topic,
      language,
      recipient,
      templates: templatesFor(topic, language, recipient),
    })),
  ),
);
const allTemplates = every.flatMap((c) => c.templates);

// Written out here rather than imported, so that a text filed under the wrong language
// (or a broken frame) cannot pass by comparing the code with itself.
const GREETING: Record<Language, { buyer: string; seller: string; sign: string }> = {
  en: { buyer: 'Dear {buyerName},', seller: 'Dear {sellerName},', sign: 'Kind regards,' },
  es: {
    buyer: 'Estimado/a {buyerName}:',
    seller: 'Estimado/a {sellerName}:',
    sign: 'Atentamente,',
  },
  it: { buyer: 'Gentile {buyerName},', seller: 'Gentile {sellerName},', sign: 'Cordiali saluti,' },
  fr: { buyer: 'Bonjour {buyerName},', seller: 'Bonjour {sellerName},', sign: 'Cordialement,' },
  nl: {
    buyer: 'Beste {buyerName},',
    seller: 'Beste {sellerName},',
    sign: 'Met vriendelijke groet,',
  },
  de: {
    buyer: 'Sehr geehrte/r {buyerName},',
    seller: 'Sehr geehrte/r {sellerName},',
    sign: 'Mit freundlichen Grüßen',
  },
  zh: { buyer: '尊敬的 {buyerName}：', seller: '尊敬的 {sellerName}：', sign: '此致' },
  pt: {
    buyer: 'Caro/a {buyerName},',
    seller: 'Caro/a {sellerName},',
    sign: 'Com os melhores cumprimentos,',
  },
  pl: {
    buyer: 'Szanowna Pani / Szanowny Panie {buyerName},',
    seller: 'Szanowni Państwo ({sellerName}),',
    sign: 'Z wyrazami szacunku',
  },
};

/** The text between greeting and sign-off, where the topic-specific wording lives. */
function message(body: string): string {
  const paragraphs = body.split('\n\n');
  return paragraphs.slice(1, -1).join('\n\n');
}

describe('reply templates', () => {
  it('offers every topic, language and recipient at least one template', () => {
    for (const c of every) {
      expect(c.templates.length, `${c.topic}/${c.language}/${c.recipient}`).toBeGreaterThan(0);
    }
  });

  it('offers the buyer at least two topic-specific templates besides the status update', () => {
    for (const c of every.filter((x) => x.recipient === 'buyer')) {
      const specific = c.templates.filter((t) => t.title !== 'Status update');
      expect(specific.length, `${c.topic}/${c.language}`).toBeGreaterThanOrEqual(2);
      expect(c.templates.filter((t) => t.title === 'Status update')).toHaveLength(1);
    }
  });

  it('gives every template a unique id built from topic, recipient, slug and language', () => {
    const ids = allTemplates.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of every) {
      for (const t of c.templates) {
        expect(t.id).toMatch(new RegExp(`^${c.topic}-${c.recipient}-[a-z0-9-]+-${c.language}$`));
      }
    }
  });

  it('keeps the same ids and titles across languages, so agents see one list in any language', () => {
    for (const topic of TOPICS) {
      for (const recipient of RECIPIENTS) {
        const shape = (language: Language) =>
          templatesFor(topic, language, recipient).map((t) => ({
            id: t.id.slice(0, -language.length),
            title: t.title,
          }));
        for (const language of LANGUAGES) expect(shape(language)).toEqual(shape('en'));
      }
    }
  });

  it('uses no placeholder in any body that is not in PLACEHOLDERS', () => {
    const known = new Set<string>(PLACEHOLDERS);
    for (const t of allTemplates) {
      for (const [, name] of t.body.matchAll(/\{(\w+)\}/g)) {
        expect(known.has(name ?? ''), `${t.id} uses {${name}}`).toBe(true);
      }
      // A stray brace would survive fillTemplate and reach the customer.
      expect(t.body.replace(/\{\w+\}/g, ''), t.id).not.toMatch(/[{}]/);
    }
  });

  it('addresses the seller, never the buyer, in templates to the seller', () => {
    for (const c of every.filter((x) => x.recipient === 'seller')) {
      for (const t of c.templates) expect(t.body, t.id).not.toContain('{buyerName}');
    }
  });

  it('writes each body in the requested language, with that language’s greeting and sign-off', () => {
    for (const c of every) {
      const frame = GREETING[c.language];
      for (const t of c.templates) {
        expect(t.body.startsWith(`${frame[c.recipient]}\n\n`), t.id).toBe(true);
        expect(t.body.endsWith(`${frame.sign}\n{agentName}`), t.id).toBe(true);
      }
    }
    const [de] = templatesFor('item_not_received', 'de', 'buyer');
    expect(de?.body).toMatch(/^Sehr geehrte\/r \{buyerName\},\n\nvielen Dank/);
  });

  it('translates every message instead of repeating the English one', () => {
    for (const topic of TOPICS) {
      for (const recipient of RECIPIENTS) {
        const english = templatesFor(topic, 'en', recipient).map((t) => message(t.body));
        for (const language of LANGUAGES.filter((l) => l !== 'en')) {
          templatesFor(topic, language, recipient).forEach((t, i) => {
            expect(message(t.body), t.id).not.toBe(english[i]);
          });
        }
        for (const t of templatesFor(topic, 'zh', recipient)) {
          expect(message(t.body), t.id).toMatch(/[\u4e00-\u9fff]/);
        }
      }
    }
  });
});

describe('fillTemplate', () => {
  it('fills the values it is given', () => {
    expect(
      fillTemplate('Dear {buyerName}, case {reference}: {amount}', {
        buyerName: 'Anna',
        reference: 'C-1042',
        amount: '€12.50',
      }),
    ).toBe('Dear Anna, case C-1042: €12.50');
  });

  it('leaves a missing or empty value visible as {name} for the agent to fill', () => {
    expect(fillTemplate('{sellerName} shipped "{lotTitle}"', { sellerName: '' })).toBe(
      '{sellerName} shipped "{lotTitle}"',
    );
  });

  it('fills a whole template so that only unknown values remain', () => {
    const [t] = templatesFor('item_not_received', 'en', 'buyer');
    const filled = fillTemplate(t?.body ?? '', {
      buyerName: 'Anna',
      lotTitle: 'Art Deco vase',
      agentName: 'Sam',
    });
    expect(filled).toMatch(/^Dear Anna,\n\n/);
    expect(filled).toContain('"Art Deco vase"');
    expect(filled).toMatch(/\nSam$/);
    expect(filled).not.toMatch(/\{(buyerName|lotTitle|agentName)\}/);
  });
});
