package md.nrs.referral.privacy;

import md.nrs.referral.privacy.consent.ConsentRegistry;
import md.nrs.referral.privacy.vault.KeyRing;
import md.nrs.referral.privacy.vault.KeyRotation;
import md.nrs.referral.privacy.vault.PersonRepository;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import md.nrs.referral.audit.AuditEvent;
import md.nrs.referral.audit.AuditTrail;
import md.nrs.referral.testing.FreshPostgresDatabase;
import md.nrs.referral.testing.RequiresPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The vault, the consent registry and the audit chain on PostgreSQL with the production profile (key
 * from NRS_PRIVACY_KEYS): ciphertext in the columns, concurrent appends forming one unbroken chain,
 * tampering named, rotation keeping every record readable.
 */
@RequiresPostgres
@ExtendWith(FreshPostgresDatabase.class)
@ActiveProfiles("postgres")
@DirtiesContext // its database is dropped after the class
@SpringBootTest
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS) // the database is made before the instance
class PrivacyOnPostgresTest {

  @Autowired PersonalDataVault vault;
  @Autowired PersonRepository persons;
  @Autowired FieldCipher cipher;
  @Autowired KeyRotation rotation;
  @Autowired PrivacyProperties privacy;
  @Autowired ConsentRegistry consents;
  @Autowired AuditTrail audit;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;

  @Test
  void theVaultSealsEveryValueUnderTheConfiguredKeyAndRotationKeepsThemReadable() {
    PersonRecord zorina = new PersonRecord("Zorina", "Plamadeala-TESTMARK", LocalDate.of(1999, 3, 17), "female",
        "+37369TESTMARK", "zorina.p@example.org", "str. TESTMARK 12", "passport", "TESTMARK-DOC-778", "Mother TESTMARK");
    for (int i = 1; i <= 5; i++) {
      vault.store("NRS-2026-90000" + i, zorina, "pg.test", "iom");
    }
    assertThat(privacy.activeKey()).isEqualTo("test-pg");
    List<Map<String, Object>> rows = jdbc.queryForList("select * from nrs_person");
    assertThat(rows).hasSize(5).allSatisfy(row -> {
      assertThat(row.get("key_id")).isEqualTo("test-pg");
      for (String column : List.of("given_name", "family_name", "date_of_birth", "phone", "email", "address",
          "document_number", "family_contact")) {
        String stored = (String) row.get(column);
        assertThat(stored).as(column).doesNotContain("Zorina", "TESTMARK", "1999");
        assertThat(Base64.getDecoder().decode(stored).length).isGreaterThan(28);
      }
    });
    assertThat(rows.stream().map(r -> r.get("given_name")).distinct()).as("a fresh IV per value").hasSize(5);

    Map<String, String> keys = new LinkedHashMap<>(privacy.allKeys());
    keys.put("pg-next", Base64.getEncoder().encodeToString("next-postgres-key-32-bytes-long!".getBytes(StandardCharsets.US_ASCII)));
    assertThat(rotation.rotate(new FieldCipher(new KeyRing(keys, "pg-next")), "test")).isEqualTo(5);
    assertThat(jdbc.queryForList("select distinct key_id from nrs_person", String.class)).containsExactly("pg-next");
    FieldCipher onlyNew = new FieldCipher(new KeyRing(Map.of("pg-next", keys.get("pg-next")), "pg-next"));
    transaction.executeWithoutResult(s -> persons.findAll().forEach(p ->
        assertThat(p.open(onlyNew)).usingRecursiveComparison().isEqualTo(zorina)));
  }

  @Test
  void concurrentAppendsFormOneUnbrokenChainAndTamperingIsNamed() throws Exception {
    consents.record("NRS-2026-900100", ConsentRegistry.ASSISTANCE, true, "pg.test", "iom", "test");
    consents.record("NRS-2026-900100", ConsentRegistry.shareWith("la-strada"), false, "pg.test", "iom", "test");
    assertThat(consents.current("NRS-2026-900100", ConsentRegistry.shareWith("la-strada"))).contains(false);

    int threads = 4;
    int each = 40;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> done = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      done.add(pool.submit(() -> {
        for (int i = 0; i < each; i++) {
          audit.record(new AuditEvent("pg.thread" + thread, "TEST", null, "append " + i, AuditEvent.OK, "127.0.0.1", null));
        }
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    System.out.printf("MEASURED audit appends on PostgreSQL: %d in %d ms with %d threads%n", threads * each,
        (System.nanoTime() - start) / 1_000_000, threads);

    long count = jdbc.queryForObject("select count(*) from nrs_audit", Long.class);
    assertThat(jdbc.queryForObject("select max(seq) from nrs_audit", Long.class)).as("no gaps, no duplicates").isEqualTo(count);
    assertThat(jdbc.queryForObject("select count(*) from nrs_audit where action = 'TEST'", Long.class)).isEqualTo(threads * each);
    AuditTrail.Verification clean = audit.verify();
    assertThat(clean.valid()).as(String.valueOf(clean)).isTrue();
    assertThat(clean.entriesChecked()).isEqualTo(count);

    long target = count / 2;
    jdbc.update("update nrs_audit set detail = 'rewritten' where seq = ?", target);
    AuditTrail.Verification tampered = audit.verify();
    assertThat(tampered.valid()).isFalse();
    assertThat(tampered.firstBrokenEntry()).isEqualTo(target);
  }
}
