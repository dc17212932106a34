package md.nrs.referral.privacy.vault;

import java.util.ArrayList;
import java.util.List;
import md.nrs.referral.security.RequiredSettings;
import org.springframework.core.env.ConfigurableEnvironment;

/** The personal-data vault's keys: the active key must be named and given in the key ring, and readable. */
public class VaultKeySettings implements RequiredSettings {

  @Override
  public List<String> missingInProduction(ConfigurableEnvironment environment) {
    String active = environment.getProperty("nrs.privacy.active-key");
    String ring = environment.getProperty("nrs.privacy.keys");
    List<String> missing = new ArrayList<>();
    if (active == null || active.isBlank()) {
      missing.add("NRS_PRIVACY_ACTIVE_KEY (nrs.privacy.active-key)");
    }
    if (ring == null || ring.isBlank()) {
      missing.add(KeyRingSetting.NAME);
    }
    return missing;
  }

  /**
   * Reads the keys as the vault will, before anything touches a database, so a malformed setting stops
   * the start with a message naming the variable (never its value) instead of failing half-way.
   */
  @Override
  public void checkWellFormed(ConfigurableEnvironment environment) {
    String ring = environment.getProperty("nrs.privacy.keys");
    String active = environment.getProperty("nrs.privacy.active-key");
    if ((ring == null || ring.isBlank()) && (active == null || active.isBlank())) {
      return; // nothing configured here; the vault's own check names what is missing
    }
    new KeyRing(KeyRingSetting.parse(ring), active);
  }
}
