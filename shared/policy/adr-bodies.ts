/**
 * Approved external dispute-resolution bodies agents pick from (free text stays possible).
 * The EU ODR platform closed in July 2025 and is deliberately absent.
 */
export const ADR_BODIES = [
  'De Geschillencommissie',
  'Stichting Geschillencommissies voor Consumentenzaken (SGC)',
  'Kifid (Klachteninstituut Financiële Dienstverlening)',
  'Stichting Consumenten Geschillen Beslechting (CGB)',
  'Centre Européen des Consommateurs France (Médiation)',
  'Universalschlichtungsstelle des Bundes',
  'Consumer Ombudsman (UK)',
  'Junta Arbitral de Consumo',
  'Conciliazione paritetica (Italy)',
] as const;
