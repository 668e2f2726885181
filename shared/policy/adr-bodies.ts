import type { HolidayCountry } from './public-holidays';

/**
 * Approved external dispute-resolution bodies agents pick from (free text stays possible),
 * with the country whose working days their deadlines count in.
 * The EU ODR platform closed in July 2025 and is deliberately absent.
 */
export const ADR_BODY_COUNTRIES = {
  'De Geschillencommissie': 'NL',
  'Stichting Geschillencommissies voor Consumentenzaken (SGC)': 'NL',
  'Kifid (Klachteninstituut Financiële Dienstverlening)': 'NL',
  'Stichting Consumenten Geschillen Beslechting (CGB)': 'NL',
  'Centre Européen des Consommateurs France (Médiation)': 'FR',
  'Universalschlichtungsstelle des Bundes': 'DE',
  'Consumer Ombudsman (UK)': 'GB',
  'Junta Arbitral de Consumo': 'ES',
  'Conciliazione paritetica (Italy)': 'IT',
} as const satisfies Record<string, HolidayCountry>;

export const ADR_BODIES = Object.keys(ADR_BODY_COUNTRIES) as (keyof typeof ADR_BODY_COUNTRIES)[];

/**
 * A body typed by hand is counted in the Netherlands, where the marketplace is established
 * and whose consumer authority lists the approved procedures.
 */
export const DEFAULT_ADR_COUNTRY: HolidayCountry = 'NL';

/** The amended ADR directive: a trader answers an ADR body within 20 working days. */
export const ADR_RESPONSE_WORKING_DAYS = 20;

/** A dispute whose answer is due within this many working days stands out, and is told. */
export const ADR_DUE_SOON_WORKING_DAYS = 3;
