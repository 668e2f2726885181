import type { Language } from '../../languages';

/** One text in every supported language: leaving a language out is a compile error. */
export type Localized = Readonly<Record<Language, string>>;

/**
 * The message between greeting and sign-off; reply-templates.ts adds both.
 *
 * The body continues the salutation, so in de, it and pl it starts in lower case after
 * the salutation's comma ("Sehr geehrte/r …,\n\nvielen Dank …"), as letters do there.
 * Courtesy forms stay capitalised (Sie, Ihr; La, Le, Sua).
 */
export interface TemplateText {
  /** Part of the template id: keep it stable once shipped, drafts may refer to it. */
  slug: string;
  /** Shown in the staff UI, which is English. */
  title: string;
  body: Localized;
}

export interface TopicTexts {
  buyer: readonly TemplateText[];
  seller: readonly TemplateText[];
}
