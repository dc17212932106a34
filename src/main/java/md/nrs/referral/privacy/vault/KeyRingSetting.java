package md.nrs.referral.privacy.vault;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The vault's keys as one setting, {@code id:base64[,id:base64]} (NRS_PRIVACY_KEYS, nrs.privacy.keys): one
 * text form for the environment and for YAML, since Spring cannot bind an environment variable to a map.
 * Messages name the variable, the entry's position and a well-formed id, never a key or anything that
 * might be one (a pasted key without "id:" would otherwise be echoed as its own id).
 */
public final class KeyRingSetting {

  public static final String NAME = "NRS_PRIVACY_KEYS (nrs.privacy.keys)";
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");

  private KeyRingSetting() {
  }

  /** Whether this text has the shape of a key id (so it may be named in a message). */
  public static boolean isId(String text) {
    return text != null && ID.matcher(text).matches();
  }

  /** The keys by id, in the order given; base64 values are checked by {@link KeyRing}. */
  public static Map<String, String> parse(String text) {
    Map<String, String> keys = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return keys;
    }
    String[] entries = text.split(",", -1);
    for (int i = 0; i < entries.length; i++) {
      String entry = entries[i].trim();
      int colon = entry.indexOf(':');
      String where = NAME + ": entry " + (i + 1) + " of " + entries.length;
      if (colon <= 0) {
        throw new Invalid(where + " is not id:base64");
      }
      String id = entry.substring(0, colon).trim();
      if (!isId(id)) {
        throw new Invalid(where + " has no valid key id (letters, digits, '.', '_', '-'; at most 32)");
      }
      if (keys.put(id, entry.substring(colon + 1).trim()) != null) {
        throw new Invalid(where + " repeats the key id '" + id + "'");
      }
    }
    return keys;
  }

  /** A malformed key setting; the message never contains a key. */
  public static final class Invalid extends IllegalStateException {
    Invalid(String message) {
      super(message);
    }
  }
}
