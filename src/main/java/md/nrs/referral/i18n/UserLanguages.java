package md.nrs.referral.i18n;

import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.stereotype.Component;

/** Each user's chosen language, kept with the user in the engine's identity store (user info "nrs.language"). */
@Component
public class UserLanguages {

  static final String USER_INFO_KEY = "nrs.language";

  private final IdentityService identity;

  public UserLanguages(ProcessEngine engine) {
    this.identity = engine.getIdentityService();
  }

  public Optional<Language> of(String userId) {
    return userId == null ? Optional.empty() : Language.of(identity.getUserInfo(userId, USER_INFO_KEY));
  }

  /** Sets the user's language; an empty one makes the browser's language count again. */
  public void set(String userId, Optional<Language> language) {
    if (language.isPresent()) {
      identity.setUserInfo(userId, USER_INFO_KEY, language.get().tag());
    } else {
      identity.deleteUserInfo(userId, USER_INFO_KEY);
    }
  }
}
