package md.nrs.referral.privacy.vault;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import md.nrs.referral.privacy.PersonRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The vault's blind index (table nrs_person_index): for each case, a keyed HMAC-SHA256 of the person's
 * normalised names with the date of birth, and one of the normalised document number. Two cases whose
 * digests are equal were given the same values, so a possible duplicate is found without opening any
 * record and without a single personal value outside the vault. The HMAC key is derived from the vault
 * key (never the AES key itself), so a digest cannot be recomputed from a guessed name without it, and a
 * key rotation re-computes every row ({@link #reindex}).
 */
@Component
public class BlindIndex {

  public static final String NAME_BIRTH = "name-birth";
  public static final String DOCUMENT = "document";
  private static final byte[] PURPOSE = "nrs-blind-index-v1".getBytes(StandardCharsets.US_ASCII);

  private final JdbcTemplate jdbc;
  private final KeyRing keys;

  public BlindIndex(JdbcTemplate jdbc, KeyRing keys) {
    this.jdbc = jdbc;
    this.keys = keys;
  }

  /**
   * Replaces the case's rows with the digests of this person under the active key, and returns the other
   * cases with an equal digest (under any configured key), each with the kinds that matched. Joins the
   * caller's transaction.
   */
  public Map<String, Set<String>> index(String caseCode, PersonRecord person) {
    Map<String, String> values = normalised(person);
    write(keys, caseCode, values);
    Map<String, Set<String>> matches = new TreeMap<>();
    values.forEach((kind, value) -> {
      for (String keyId : keys.ids()) {
        jdbc.queryForList("select case_code from nrs_person_index where kind = ? and key_id = ? and digest = ? "
            + "and case_code <> ?", String.class, kind, keyId, digest(keys, keyId, kind, value), caseCode)
            .forEach(other -> matches.computeIfAbsent(other, c -> new TreeSet<>()).add(kind));
      }
    });
    return matches;
  }

  /**
   * The other cases whose digest equals one of this case's stored digests (same kind and key), each with the kinds
   * that matched: the question asked again when a closed case is reopened. Nothing is recomputed.
   */
  public Map<String, Set<String>> matchesOf(String caseCode) {
    Map<String, Set<String>> matches = new TreeMap<>();
    jdbc.query("select other.case_code, other.kind from nrs_person_index own join nrs_person_index other "
        + "on other.kind = own.kind and other.key_id = own.key_id and other.digest = own.digest "
        + "where own.case_code = ? and other.case_code <> ?", rs -> {
          matches.computeIfAbsent(rs.getString(1), c -> new TreeSet<>()).add(rs.getString(2));
        }, caseCode, caseCode);
    return matches;
  }

  /** Re-computes the case's rows under the ring's active key (key rotation); joins the caller's transaction. */
  void reindex(KeyRing ring, String caseCode, PersonRecord person) {
    write(ring, caseCode, normalised(person));
  }

  /** Removes the rows of anonymised cases: nothing of an erased person stays, not even a digest. */
  public void forget(java.util.Collection<String> caseCodes) {
    caseCodes.forEach(code -> jdbc.update("delete from nrs_person_index where case_code = ?", code));
  }

  private void write(KeyRing ring, String caseCode, Map<String, String> values) {
    jdbc.update("delete from nrs_person_index where case_code = ?", caseCode);
    values.forEach((kind, value) -> jdbc.update(
        "insert into nrs_person_index (case_code, kind, key_id, digest) values (?, ?, ?, ?)",
        caseCode, kind, ring.activeId(), digest(ring, ring.activeId(), kind, value)));
  }

  /**
   * The values indexed, normalised so that spelling variants of the same data meet: letters without
   * diacritics in lower case, the name parts sorted (given and family name swapped still match), the
   * date of birth in ISO form; the document number in upper case without spaces, dots, dashes or slashes.
   * A kind is left out when a part of it is missing (a name without a date of birth matches too much).
   */
  static Map<String, String> normalised(PersonRecord person) {
    Map<String, String> values = new LinkedHashMap<>();
    String names = (text(person.givenName()) + " " + text(person.familyName())).trim();
    if (!text(person.givenName()).isEmpty() && !text(person.familyName()).isEmpty() && person.dateOfBirth() != null) {
      String[] parts = names.split(" +");
      Arrays.sort(parts);
      values.put(NAME_BIRTH, String.join(" ", parts) + "|" + person.dateOfBirth());
    }
    if (person.documentNumber() != null) {
      String document = person.documentNumber().toUpperCase(Locale.ROOT).replaceAll("[\\s./\\\\-]+", "");
      if (!document.isEmpty()) {
        values.put(DOCUMENT, document);
      }
    }
    return values;
  }

  private static String text(String value) {
    if (value == null) {
      return "";
    }
    String plain = Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
  }

  /** HMAC-SHA256 of kind and value under the key derived from vault key {@code keyId}, in hex. */
  static String digest(KeyRing ring, String keyId, String kind, String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(derived(ring.get(keyId)));
      mac.update(kind.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot compute the blind index", e); // never the value
    }
  }

  /** A key of its own for the index (HMAC of a fixed purpose under the vault key): one key, one use. */
  private static SecretKey derived(SecretKey vaultKey) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(vaultKey.getEncoded(), "HmacSHA256"));
    return new SecretKeySpec(mac.doFinal(PURPOSE), "HmacSHA256");
  }
}
