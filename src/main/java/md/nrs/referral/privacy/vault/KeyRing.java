package md.nrs.referral.privacy.vault;

import md.nrs.referral.privacy.PrivacyProperties;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES keys of the vault by id, and which one seals new values. Old keys stay in the ring until a
 * rotation has re-sealed every record under the active key.
 */
public final class KeyRing {

  private final Map<String, SecretKey> keys;
  private final String activeId;

  public KeyRing(Map<String, String> base64Keys, String activeId) {
    Map<String, SecretKey> parsed = new LinkedHashMap<>();
    base64Keys.forEach((id, encoded) -> parsed.put(id, parse(id, encoded)));
    if (activeId == null || activeId.isBlank()) {
      throw new IllegalStateException("No active personal-data key: set NRS_PRIVACY_ACTIVE_KEY (nrs.privacy.active-key)");
    }
    if (!KeyRingSetting.isId(activeId)) {
      throw new IllegalStateException("NRS_PRIVACY_ACTIVE_KEY (nrs.privacy.active-key) is not a key id "
          + "(letters, digits, '.', '_', '-'; at most 32)"); // never the value: it may be a pasted key
    }
    if (!parsed.containsKey(activeId)) {
      throw new IllegalStateException("The active personal-data key '" + activeId + "' is not configured "
          + "in " + KeyRingSetting.NAME);
    }
    this.keys = Map.copyOf(parsed);
    this.activeId = activeId;
  }

  public static KeyRing of(PrivacyProperties properties) {
    return new KeyRing(properties.allKeys(), properties.activeKey());
  }

  public String activeId() {
    return activeId;
  }

  public SecretKey active() {
    return keys.get(activeId);
  }

  public SecretKey get(String id) {
    SecretKey key = keys.get(id);
    if (key == null) {
      throw new IllegalStateException("Personal-data key '" + id + "' is not configured; it is still needed to read "
          + "records sealed with it (rotate first, then remove it)");
    }
    return key;
  }

  public Set<String> ids() {
    return keys.keySet();
  }

  private static SecretKey parse(String id, String encoded) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(encoded == null ? "" : encoded.trim());
    } catch (IllegalArgumentException notBase64) {
      throw new IllegalStateException("Personal-data key '" + id + "' in " + KeyRingSetting.NAME + " is not Base64"); // never the value
    }
    if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
      throw new IllegalStateException("Personal-data key '" + id + "' in " + KeyRingSetting.NAME
          + " must be 16, 24 or 32 bytes (32 recommended), is "
          + bytes.length);
    }
    return new SecretKeySpec(bytes, "AES");
  }
}
