package md.nrs.referral.privacy;

import md.nrs.referral.privacy.vault.KeyRing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AES-GCM per value: a fresh IV each time, bound to its case and column, refused when altered or without its key. */
class FieldCipherTest {

  private static final String K1 = Base64.getEncoder().encodeToString("first-key-of-thirty-two-bytes-xx".getBytes(StandardCharsets.US_ASCII));
  private static final String K2 = Base64.getEncoder().encodeToString("second-key-of-thirty-two-bytes-x".getBytes(StandardCharsets.US_ASCII));

  private final FieldCipher cipher = new FieldCipher(new KeyRing(Map.of("k1", K1, "k2", K2), "k1"));

  @Test
  void aSealedValueOpensToItselfAndLooksDifferentEachTime() {
    String once = cipher.seal("Zorina", "NRS-2026-000001", "given_name");
    String twice = cipher.seal("Zorina", "NRS-2026-000001", "given_name");
    assertThat(once).isNotEqualTo(twice).doesNotContain("Zorina");
    assertThat(cipher.open(once, "k1", "NRS-2026-000001", "given_name")).isEqualTo("Zorina");
  }

  @Test
  void aValueMovedToAnotherCaseOrColumnOrAlteredIsRefusedWithoutShowingIt() {
    String sealed = cipher.seal("Zorina", "NRS-2026-000001", "given_name");
    assertThatThrownBy(() -> cipher.open(sealed, "k1", "NRS-2026-000002", "given_name")).hasMessageNotContaining("Zorina");
    assertThatThrownBy(() -> cipher.open(sealed, "k1", "NRS-2026-000001", "family_name")).isInstanceOf(IllegalStateException.class);
    byte[] bytes = Base64.getDecoder().decode(sealed);
    bytes[bytes.length - 1] ^= 1;
    assertThatThrownBy(() -> cipher.open(Base64.getEncoder().encodeToString(bytes), "k1", "NRS-2026-000001", "given_name"))
        .hasMessageContaining("altered");
  }

  @Test
  void aRecordSealedWithAKeyNoLongerConfiguredNamesTheKeyAndAMissingActiveKeyStopsTheStart() {
    String sealed = cipher.seal("Zorina", "NRS-2026-000001", "given_name");
    FieldCipher withoutK1 = new FieldCipher(new KeyRing(Map.of("k2", K2), "k2"));
    assertThatThrownBy(() -> withoutK1.open(sealed, "k1", "NRS-2026-000001", "given_name")).hasMessageContaining("'k1'");
    assertThatThrownBy(() -> new KeyRing(Map.of("k2", K2), "k1")).hasMessageContaining("'k1' is not configured");
    assertThatThrownBy(() -> new KeyRing(Map.of("short", "c2hvcnQ="), "short")).hasMessageContaining("16, 24 or 32 bytes")
        .hasMessageNotContaining("c2hvcnQ=");
  }

  @Test
  void aPersonRecordNeverShowsItsValuesAsText() {
    PersonRecord person = new PersonRecord("Zorina", "Plamadeala", null, null, "+373", null, null, null, null, null);
    assertThat(person.toString()).doesNotContain("Zorina", "Plamadeala", "+373");
  }
}
