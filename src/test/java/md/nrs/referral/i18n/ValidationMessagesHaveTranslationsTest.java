package md.nrs.referral.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Constraint;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every message a Bean Validation constraint of the platform gives in a 400 (form contracts, the intake
 * API, the agency directory, incident requests) has a key in the translation source, so it reaches the
 * caller in their language; a message that lacks one is found.
 */
class ValidationMessagesHaveTranslationsTest {

  private final Translations translations = new Translations();

  @Test
  void everyConstraintMessageOfThePlatformHasATranslation() throws Exception {
    Set<String> messages = constraintMessages();
    assertThat(messages).as("messages found").hasSizeGreaterThan(100);
    List<String> untranslated = messages.stream()
        .filter(message -> translations.validation(Language.RU, message).equals(message)).toList();
    assertThat(untranslated).isEmpty();
  }

  @Test
  void aMessageWithoutAKeyStaysAsItIsAndIsFound() {
    String unknown = "must be a colour of the rainbow";
    assertThat(translations.validation(Language.RU, unknown)).isEqualTo(unknown);
    assertThat(translations.validation(Language.RU, "is required: say to whom")).isEqualTo("обязательно: укажите, кому");
    assertThat(translations.validation(Language.RO, "is required: say to whom")).isEqualTo("este obligatoriu: spuneți cui");
  }

  /** The message of every constraint on a class, record component, field or method parameter in md.nrs.referral. */
  private static Set<String> constraintMessages() throws Exception {
    Set<String> messages = new TreeSet<>();
    ClassLoader loader = ValidationMessagesHaveTranslationsTest.class.getClassLoader();
    for (Resource resource : new PathMatchingResourcePatternResolver(loader).getResources("classpath*:md/nrs/referral/**/*.class")) {
      String url = resource.getURL().toString();
      if (url.contains("/test-classes/")) {
        continue;
      }
      String name = url.substring(url.indexOf("md/nrs/referral/")).replace(".class", "").replace('/', '.');
      Class<?> type;
      try {
        type = Class.forName(name, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        continue;
      }
      List<AnnotatedElement> elements = new ArrayList<>();
      elements.add(type);
      elements.addAll(List.of(type.getDeclaredFields()));
      if (type.isRecord()) {
        elements.addAll(List.of(type.getRecordComponents()));
      }
      for (Method method : type.getDeclaredMethods()) {
        elements.addAll(List.of(method.getParameters()));
      }
      for (AnnotatedElement element : elements) {
        for (Annotation annotation : element.getAnnotations()) {
          if (annotation.annotationType().isAnnotationPresent(Constraint.class)) {
            String message = (String) annotation.annotationType().getMethod("message").invoke(annotation);
            if (!message.isEmpty() && !message.startsWith("{")) {
              messages.add(message);
            }
          }
        }
      }
    }
    return messages;
  }
}
