package md.nrs.referral.i18n;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import md.nrs.referral.engine.Caller;
import md.nrs.referral.errors.ApiProblem;
import md.nrs.referral.errors.FieldError;
import md.nrs.referral.identity.NrsRole;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's language, which Tasklist and the server both follow: the user sets their own
 * (/api/me/language), an administrator anyone's (/api/users/{userId}/language). {"language": "ro" | "ru" |
 * "en" | null}; null lets the browser's language count again.
 */
@RestController
public class UserLanguageController {

  private final UserLanguages languages;
  private final IdentityService identity;

  public UserLanguageController(UserLanguages languages, ProcessEngine engine) {
    this.languages = languages;
    this.identity = engine.getIdentityService();
  }

  @GetMapping("/api/me/language")
  Map<String, Object> mine() {
    return answer(caller().userId());
  }

  @PutMapping("/api/me/language")
  ResponseEntity<Map<String, Object>> setMine(@RequestBody(required = false) Map<String, Object> body) {
    return set(caller().userId(), body);
  }

  @PutMapping("/api/users/{userId}/language")
  ResponseEntity<Map<String, Object>> setTheirs(@PathVariable String userId,
      @RequestBody(required = false) Map<String, Object> body) {
    caller().require("Only an administrator sets another user's language", NrsRole.ADMINISTRATORS.groupId());
    if (identity.createUserQuery().userId(userId).count() == 0) {
      throw new ApiProblem.NotFound("There is no such user");
    }
    return set(userId, body);
  }

  private ResponseEntity<Map<String, Object>> set(String userId, Map<String, Object> body) {
    Object value = body == null ? null : body.get("language");
    Optional<Language> language = value instanceof String tag ? Language.of(tag).filter(l -> l.tag().equals(tag))
        : Optional.empty();
    if (value != null && language.isEmpty() || body == null || !body.containsKey("language") || body.size() != 1) {
      String problem = "must be ro, ru, en or null";
      throw new ApiProblem.Invalid("Invalid language: " + problem, List.of(new FieldError("language", problem)));
    }
    languages.set(userId, language);
    return ResponseEntity.ok(answer(userId));
  }

  private Map<String, Object> answer(String userId) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("userId", userId);
    answer.put("language", languages.of(userId).map(Language::tag).orElse(null));
    return answer;
  }

  private Caller caller() {
    Caller current = Caller.current(identity);
    if (!current.authenticated()) {
      throw new IllegalStateException("/api is authenticated before any controller runs");
    }
    return current;
  }
}
