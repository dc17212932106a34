package md.nrs.referral.privacy;

import md.nrs.referral.privacy.notes.FreeTextVariables;
import md.nrs.referral.privacy.notes.FreeTextWithholding;
import md.nrs.referral.privacy.retention.BrowserStorageClearing;
import md.nrs.referral.privacy.vault.KeyRing;
import md.nrs.referral.privacy.vault.PersonalDataSubmissionFilter;
import md.nrs.referral.forms.FormCatalog;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The vault's keys and cipher, the submission filter (right after the form guard), the retention schedule,
 * and the webapps' answers that clear the browser's storage when a session ends.
 */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(PrivacyProperties.class)
public class PrivacyConfiguration {

  @Bean
  KeyRing personalDataKeys(PrivacyProperties properties) {
    return KeyRing.of(properties);
  }

  @Bean
  FieldCipher fieldCipher(KeyRing keys) {
    return new FieldCipher(keys);
  }

  @Bean
  FilterRegistrationBean<PersonalDataSubmissionFilter> personalDataSubmissionFilter(ProcessEngine engine, FormCatalog catalog) {
    FilterRegistrationBean<PersonalDataSubmissionFilter> registration =
        new FilterRegistrationBean<>(new PersonalDataSubmissionFilter(catalog, engine));
    // FormSubmissionGuard is HIGHEST_PRECEDENCE + 20: it validates the whole submission first.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 21);
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setName("PersonalDataSubmissionFilter");
    return registration;
  }

  /** After the authentication and the engine-operation guards (security/), before the engine APIs answer. */
  @Bean
  FilterRegistrationBean<FreeTextWithholding> freeTextWithholding(ProcessEngine engine) {
    FilterRegistrationBean<FreeTextWithholding> registration =
        new FilterRegistrationBean<>(new FreeTextWithholding(engine, FreeTextVariables.fromForms()));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 22);
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setName("FreeTextWithholding");
    return registration;
  }

  @Bean
  FilterRegistrationBean<BrowserStorageClearing> browserStorageClearing() {
    FilterRegistrationBean<BrowserStorageClearing> registration = new FilterRegistrationBean<>(new BrowserStorageClearing());
    // early, next to the security headers: the webapps' own filters may answer 401 before later ones run
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 12);
    registration.addUrlPatterns("/camunda/*");
    registration.setName("BrowserStorageClearing");
    return registration;
  }
}
