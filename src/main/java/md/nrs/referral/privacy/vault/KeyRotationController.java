package md.nrs.referral.privacy.vault;

import md.nrs.referral.privacy.FieldCipher;
import md.nrs.referral.engine.Caller;
import md.nrs.referral.identity.NrsRole;
import org.camunda.bpm.engine.IdentityService;
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
  public Rotated rotate() {
    Caller caller = Caller.current(identity)
        .require("Only administrators rotate the personal-data keys", NrsRole.ADMINISTRATORS.groupId());
    int count = rotation.rotate(cipher, caller.userId());
    return new Rotated(cipher.activeKeyId(), count);
  }

  /** The key now sealing personal data and how many records were sealed again with it. */
  public record Rotated(String activeKey, int recordsResealed) {
  }
}
