import { z } from 'zod';

/** The nine languages the marketplace supports in email and chat. */
export const LANGUAGES = ['en', 'es', 'it', 'fr', 'nl', 'de', 'zh', 'pt', 'pl'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

export const CHANNELS = ['email', 'chat', 'phone'] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

/** Languages offered per channel, straight from the help center. */
export const CHANNEL_LANGUAGES: Readonly<Record<Channel, readonly Language[]>> = {
  email: LANGUAGES,
  chat: LANGUAGES,
  phone: ['en', 'es', 'it', 'fr', 'nl', 'de'],
};

export function channelSupportsLanguage(channel: Channel, language: Language): boolean {
  return CHANNEL_LANGUAGES[channel].includes(language);
}

export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  es: 'Spanish',
  it: 'Italian',
  fr: 'French',
  nl: 'Dutch',
  de: 'German',
  zh: 'Chinese',
  pt: 'Portuguese',
  pl: 'Polish',
};
