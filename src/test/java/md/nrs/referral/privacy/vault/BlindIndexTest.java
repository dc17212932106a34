package md.nrs.referral.privacy.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import md.nrs.referral.privacy.PersonRecord;
import org.junit.jupiter.api.Test;

/** The blind index's normalisation and its keyed, one-way digests, without a database. */
class BlindIndexTest {

  private static final KeyRing RING = new KeyRing(Map.of(
      "k1", Base64.getEncoder().encodeToString("first-blind-index-key-32-bytes!!".getBytes(StandardCharsets.US_ASCII)),
      "k2", Base64.getEncoder().encodeToString("other-blind-index-key-32-bytes!!".getBytes(StandardCharsets.US_ASCII))), "k1");

  @Test
  void spellingVariantsOfTheSamePersonNormaliseToOneValue() {
    Map<String, String> a = BlindIndex.normalised(person("Zinaida", "Ciobanu-Ștefănescu", LocalDate.of(1998, 7, 14), "AB 123-4567"));
    Map<String, String> b = BlindIndex.normalised(person("ZINAIDA ", "ciobanu  stefanescu", LocalDate.of(1998, 7, 14), "ab1234567"));
    Map<String, String> swapped = BlindIndex.normalised(person("Ciobanu Stefanescu", "Zinaida", LocalDate.of(1998, 7, 14), null));

    assertThat(a).isEqualTo(b);
    assertThat(swapped.get(BlindIndex.NAME_BIRTH)).isEqualTo(a.get(BlindIndex.NAME_BIRTH));
    assertThat(a.get(BlindIndex.DOCUMENT)).isEqualTo("AB1234567");
  }

  @Test
  void aNameWithoutABirthDateOrANameMissingAPartIsNotIndexed() {
    assertThat(BlindIndex.normalised(person("Zinaida", "Ciobanu", null, null))).isEmpty();
    assertThat(BlindIndex.normalised(person("Zinaida", null, LocalDate.of(1998, 7, 14), null))).isEmpty();
    assertThat(BlindIndex.normalised(person(null, null, null, " - "))).isEmpty();
  }

  @Test
  void theDigestIsKeyedOneWayAndShowsNoValue() throws Exception {
    String value = BlindIndex.normalised(person("Zinaida", "Ciobanu", LocalDate.of(1998, 7, 14), null)).get(BlindIndex.NAME_BIRTH);

    String digest = BlindIndex.digest(RING, "k1", BlindIndex.NAME_BIRTH, value);

    assertThat(digest).matches("[0-9a-f]{64}").doesNotContainIgnoringCase("zinaida").doesNotContain("1998");
    assertThat(BlindIndex.digest(RING, "k1", BlindIndex.NAME_BIRTH, value)).as("deterministic: equal values meet").isEqualTo(digest);
    assertThat(BlindIndex.digest(RING, "k2", BlindIndex.NAME_BIRTH, value)).as("another key, another digest").isNotEqualTo(digest);
    assertThat(BlindIndex.digest(RING, "k1", BlindIndex.DOCUMENT, value)).as("kinds never meet").isNotEqualTo(digest);
    // without the key a guess cannot be checked: the digest is not a plain hash of the value
    for (String guess : new String[] {value, BlindIndex.NAME_BIRTH + "\0" + value}) {
      String plain = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(guess.getBytes(StandardCharsets.UTF_8)));
      assertThat(digest).isNotEqualTo(plain);
    }
  }

  private static PersonRecord person(String given, String family, LocalDate birth, String document) {
    return new PersonRecord(given, family, birth, null, null, null, null, document == null ? null : "passport", document, null);
  }
}
