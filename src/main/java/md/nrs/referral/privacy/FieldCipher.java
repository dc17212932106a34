package md.nrs.referral.privacy;

import md.nrs.referral.privacy.vault.KeyRing;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-GCM for single values: a fresh random 96-bit IV per value, a 128-bit tag, and the case code and
 * column as associated data, so a sealed value cannot be moved to another record or column unnoticed.
 * Stored as Base64(IV || ciphertext+tag).
 */
public final class FieldCipher {

  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final KeyRing keys;

  public FieldCipher(KeyRing keys) {
    this.keys = keys;
  }

  public String activeKeyId() {
    return keys.activeId();
  }

  /** The key ring this cipher seals with (key rotation re-computes the blind index under it). */
  public KeyRing keyRing() {
    return keys;
  }

  /** Seals with the active key; null stays null. */
  public String seal(String plaintext, String caseCode, String column) {
    if (plaintext == null) {
      return null;
    }
    byte[] iv = new byte[IV_BYTES];
    RANDOM.nextBytes(iv);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.active(), iv, caseCode, column);
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot seal a personal-data value", e);
    }
  }

  /** Opens a value sealed with key {@code keyId}; fails if it was altered or moved. */
  public String open(String sealed, String keyId, String caseCode, String column) {
    if (sealed == null) {
      return null;
    }
    byte[] bytes = Base64.getDecoder().decode(sealed);
    try {
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, keys.get(keyId), java.util.Arrays.copyOf(bytes, IV_BYTES), caseCode, column);
      return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      // The message names the record's place, never a value.
      throw new IllegalStateException("A personal-data value of case " + caseCode + " (" + column
          + ") cannot be opened with key '" + keyId + "': altered, moved or wrong key");
    }
  }

  private static Cipher cipher(int mode, SecretKey key, byte[] iv, String caseCode, String column)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
    cipher.updateAAD((caseCode + "/" + column).getBytes(StandardCharsets.UTF_8));
    return cipher;
  }
}
