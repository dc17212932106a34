package md.nrs.referral.i18n;

import md.nrs.referral.engine.Platform;
import md.nrs.referral.forms.DynamicChoices;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The user's language on both engine APIs and the platform API: after authentication (which tells whose
 * setting counts), around the form guard (whose 400s it translates).
 */
@Configuration
public class LanguageConfiguration {

  @Bean
  FilterRegistrationBean<EngineTextsFilter> engineTextsFilter(RequestLanguage languages, EngineTexts texts,
      ReadableValues readable, ProcessEngine engine, DynamicChoices choices) {
    FilterRegistrationBean<EngineTextsFilter> registration = new FilterRegistrationBean<>(new EngineTextsFilter(languages,
        texts, readable, (taskId, names) -> taskVariables(engine, taskId, names), choices));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setName("EngineTextsFilter");
    return registration;
  }

  @Bean
  FilterRegistrationBean<ErrorMessagesFilter> errorMessagesFilter(RequestLanguage languages, Translations translations) {
    FilterRegistrationBean<ErrorMessagesFilter> registration =
        new FilterRegistrationBean<>(new ErrorMessagesFilter(languages, translations));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*", "/api/*");
    registration.setName("ErrorMessagesFilter");
    return registration;
  }

  @Bean
  FilterRegistrationBean<StoredFilterNamesFilter> storedFilterNamesFilter(Translations translations) {
    FilterRegistrationBean<StoredFilterNamesFilter> registration =
        new FilterRegistrationBean<>(new StoredFilterNamesFilter(translations));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setName("StoredFilterNamesFilter");
    return registration;
  }

  /** Read as the platform: the caller could read the task's form, so the task is theirs to see. */
  private static java.util.Map<String, Object> taskVariables(ProcessEngine engine, String taskId, java.util.Set<String> names) {
    java.util.Map<String, Object> values = new java.util.HashMap<>();
    if (names.isEmpty()) {
      return values;
    }
    Platform.asPlatform(engine.getIdentityService(), () -> {
      var typed = engine.getTaskService().getVariablesTyped(taskId, names, false);
      for (String name : typed.keySet()) {
        TypedValue value = typed.getValueTyped(name);
        values.put(name, value instanceof SerializableValue serializable && !serializable.isDeserialized()
            ? serializable.getValueSerialized() : value.getValue());
      }
      return null;
    });
    return values;
  }

  /** Tells Tasklist's start-up script (scripts/nrs-language) the logged-in user's own language. */
  @Bean
  FilterRegistrationBean<UserLanguageHeaderFilter> userLanguageHeaderFilter(RequestLanguage languages, UserLanguages users) {
    FilterRegistrationBean<UserLanguageHeaderFilter> registration =
        new FilterRegistrationBean<>(new UserLanguageHeaderFilter(languages, users));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
    registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
    registration.setName("UserLanguageHeaderFilter");
    return registration;
  }
}
