package md.nrs.referral.privacy.vault;

import md.nrs.referral.privacy.FieldCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The rotation command: start the platform once with {@code --nrs.privacy.rotate=true} after adding
 * the new key and making it the active one (the old key stays configured until this has run). It
 * re-seals every record under the active key, then the platform runs on as usual.
 */
@Component
@ConditionalOnProperty(name = "nrs.privacy.rotate", havingValue = "true")
public class KeyRotationCommand implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(KeyRotationCommand.class);

  private final KeyRotation rotation;
  private final FieldCipher cipher;

  public KeyRotationCommand(KeyRotation rotation, FieldCipher cipher) {
    this.rotation = rotation;
    this.cipher = cipher;
  }

  @Override
  public void run(ApplicationArguments args) {
    int count = rotation.rotate(cipher, "command-line");
    LOG.info("Personal-data key rotation: {} records re-sealed with key '{}'", count, cipher.activeKeyId());
  }
}
