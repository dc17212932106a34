package md.nrs.referral.models;

import md.nrs.referral.i18n.Language;
import md.nrs.referral.i18n.Translations;

/**
 * One thing wrong with one model file, for the policy officer who has to fix it: {@code element} describes
 * the element for people (id and name), {@code elementId} is its bare id for tools, {@code text} what is
 * wrong as a stable code with its arguments, worded in the reader's language ({@link #message(Translations,
 * Language)}) or in English ({@link #message()}).
 */
public record ModelProblem(String file, String element, ProblemText text, String elementId) {

  public ModelProblem(String file, String element, ProblemText text) {
    this(file, element, text, element == null ? null : element.split(" ", 2)[0]);
  }

  /** What is wrong, in English. */
  public String message() {
    return text.english();
  }

  public String message(Translations translations, Language language) {
    return text.in(translations, language);
  }

  /** "file: element: what is wrong" in this language. */
  public String describe(Translations translations, Language language) {
    return describe(message(translations, language));
  }

  private String describe(String message) {
    return element == null ? file + ": " + message : file + ": " + element + ": " + message;
  }

  @Override
  public String toString() {
    return describe(message());
  }
}
