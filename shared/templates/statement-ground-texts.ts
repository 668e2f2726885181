import type { Language } from '../languages';
import type { Localized } from './reply-texts';

/**
 * The grounds the restriction form suggests (statement-of-reasons.ts takes the English),
 * in the nine languages. Staff may keep a suggestion or write their own ground: a kept
 * one reaches the person translated, an edited one as written (translatedGround).
 */
export const GROUND_TEXTS = {
  counterfeit_suspected: {
    en: 'Terms of use: the sale of counterfeit goods is prohibited.',
    es: 'Condiciones de uso: está prohibida la venta de productos falsificados.',
    it: 'Condizioni d’uso: è vietata la vendita di merce contraffatta.',
    fr: 'Conditions d’utilisation : la vente de produits contrefaits est interdite.',
    nl: 'Gebruiksvoorwaarden: de verkoop van namaakgoederen is verboden.',
    de: 'Nutzungsbedingungen: Der Verkauf gefälschter Waren ist verboten.',
    zh: '使用条款：禁止销售假冒商品。',
    pt: 'Condições de utilização: é proibida a venda de produtos contrafeitos.',
    pl: 'Regulamin: sprzedaż podrobionych towarów jest zabroniona.',
  },
  fraud_suspected: {
    en: 'Terms of use: payments must go through the platform; attempts to defraud users are prohibited.',
    es: 'Condiciones de uso: los pagos deben realizarse a través de la plataforma; se prohíbe todo intento de defraudar a los usuarios.',
    it: 'Condizioni d’uso: i pagamenti devono avvenire tramite la piattaforma; è vietato ogni tentativo di frodare gli utenti.',
    fr: 'Conditions d’utilisation : les paiements doivent passer par la plateforme ; toute tentative d’escroquer les utilisateurs est interdite.',
    nl: 'Gebruiksvoorwaarden: betalingen moeten via het platform verlopen; pogingen om gebruikers op te lichten zijn verboden.',
    de: 'Nutzungsbedingungen: Zahlungen müssen über die Plattform laufen; Versuche, Nutzer zu betrügen, sind verboten.',
    zh: '使用条款：付款必须通过平台进行；禁止任何欺诈用户的企图。',
    pt: 'Condições de utilização: os pagamentos têm de ser feitos através da plataforma; são proibidas tentativas de defraudar os utilizadores.',
    pl: 'Regulamin: płatności muszą przechodzić przez platformę; próby oszukania użytkowników są zabronione.',
  },
  payment_issue: {
    en: 'Terms of use: payment obligations and chargebacks.',
    es: 'Condiciones de uso: obligaciones de pago y devoluciones de cargos.',
    it: 'Condizioni d’uso: obblighi di pagamento e storni di addebito.',
    fr: 'Conditions d’utilisation : obligations de paiement et rétrofacturations.',
    nl: 'Gebruiksvoorwaarden: betalingsverplichtingen en terugboekingen.',
    de: 'Nutzungsbedingungen: Zahlungspflichten und Rückbuchungen.',
    zh: '使用条款：付款义务与退单。',
    pt: 'Condições de utilização: obrigações de pagamento e estornos.',
    pl: 'Regulamin: obowiązki płatnicze i obciążenia zwrotne.',
  },
  not_as_described: {
    en: 'Terms of use: objects must be described accurately.',
    es: 'Condiciones de uso: los objetos deben describirse con exactitud.',
    it: 'Condizioni d’uso: gli oggetti devono essere descritti accuratamente.',
    fr: 'Conditions d’utilisation : les objets doivent être décrits avec exactitude.',
    nl: 'Gebruiksvoorwaarden: objecten moeten nauwkeurig worden beschreven.',
    de: 'Nutzungsbedingungen: Objekte müssen zutreffend beschrieben werden.',
    zh: '使用条款：物品必须如实描述。',
    pt: 'Condições de utilização: os objetos devem ser descritos com exatidão.',
    pl: 'Regulamin: przedmioty muszą być dokładnie opisane.',
  },
  item_not_received: {
    en: 'Terms of use: sold objects must be shipped within the stated period.',
    es: 'Condiciones de uso: los objetos vendidos deben enviarse en el plazo indicado.',
    it: 'Condizioni d’uso: gli oggetti venduti devono essere spediti entro il termine indicato.',
    fr: 'Conditions d’utilisation : les objets vendus doivent être expédiés dans le délai indiqué.',
    nl: 'Gebruiksvoorwaarden: verkochte objecten moeten binnen de vermelde termijn worden verzonden.',
    de: 'Nutzungsbedingungen: Verkaufte Objekte müssen innerhalb der angegebenen Frist versendet werden.',
    zh: '使用条款：已售物品必须在规定期限内发货。',
    pt: 'Condições de utilização: os objetos vendidos devem ser enviados no prazo indicado.',
    pl: 'Regulamin: sprzedane przedmioty muszą zostać wysłane w podanym terminie.',
  },
  account_access: {
    en: 'Terms of use: account security.',
    es: 'Condiciones de uso: seguridad de la cuenta.',
    it: 'Condizioni d’uso: sicurezza dell’account.',
    fr: 'Conditions d’utilisation : sécurité du compte.',
    nl: 'Gebruiksvoorwaarden: accountbeveiliging.',
    de: 'Nutzungsbedingungen: Kontosicherheit.',
    zh: '使用条款：账户安全。',
    pt: 'Condições de utilização: segurança da conta.',
    pl: 'Regulamin: bezpieczeństwo konta.',
  },
} as const satisfies Record<string, Localized>;

/** The same text but for spacing: what a form field keeps of a suggestion left as it was. */
export const sameText = (a: string, b: string) =>
  a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

/**
 * A suggested ground kept as suggested, in `language`; null when staff wrote their own
 * (then it is sent as written, labelled so — free text is never machine-translated).
 */
export function translatedGround(ground: string, language: Language): string | null {
  for (const texts of Object.values(GROUND_TEXTS)) {
    if (sameText(texts.en, ground)) return texts[language];
  }
  return null;
}
