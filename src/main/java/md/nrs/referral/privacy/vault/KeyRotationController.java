package md.nrs.referral.privacy.vault;

import md.nrs.referral.privacy.FieldCipher;
import java.util.Map;
import md.nrs.referral.engine.Caller;
import md.nrs.referral.identity.NrsRole;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/privacy/rotate-keys}: administrators re-seal every vault record under the active key. */
@RestController
public class KeyRotationController {

  private final KeyRotation rotation;
  private final FieldCipher cipher;
  private final IdentityService identity;

  public KeyRotationController(KeyRotation rotation, FieldCipher cipher, IdentityService identity) {
    this.rotation = rotation;
    this.cipher = cipher;
    this.identity = identity;
  }

  @PostMapping("/api/privacy/rotate-keys")
  public ResponseEntity<?> rotate() {
    Caller caller = Caller.current(identity);
    if (!caller.in(NrsRole.ADMINISTRATORS.groupId())) {
      return ResponseEntity.status(403).body(Map.of("type", "AuthorizationException",
          "message", "Only administrators rotate the personal-data keys"));
    }
    int count = rotation.rotate(cipher, caller.userId());
    return ResponseEntity.ok(Map.of("activeKey", cipher.activeKeyId(), "recordsResealed", count));
  }
}
