package md.nrs.referral.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The append-only, hash-chained audit trail. Each entry stores SHA-256(previous hash + its own
 * content); {@link #verify()} recomputes the chain and names the first entry that does not fit.
 *
 * <p>An append runs in a transaction of its own (so a refused action is recorded even when the caller's
 * transaction rolls back) and locks the chain head row first, so concurrent appends on any node of a
 * cluster are numbered one after another without gaps.
 */
@Component
public class AuditTrail {

  static final String GENESIS = "0".repeat(64);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int VERIFY_BATCH = 500;

  /** Bound in place of a transaction's events once they are appended: later ones are appended at once. */
  private static final Object APPENDED = new Object();

  private final AuditEntryRepository entries;
  private final AuditHeadRepository head;
  private final TransactionTemplate ownTransaction;
  private final TransactionTemplate readOnly;
  private final Clock clock;

  public AuditTrail(AuditEntryRepository entries, AuditHeadRepository head, PlatformTransactionManager transactions,
      Clock clock) {
    this.entries = entries;
    this.head = head;
    this.clock = clock;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
  }

  /** Appends the event now, in its own transaction; returns its sequence number. */
  public long record(AuditEvent event) {
    Long seq = ownTransaction.execute(status -> {
      AuditHead last = head.lockHead().orElseThrow(() -> new IllegalStateException("The audit chain head row is missing"));
      append(last, event);
      head.save(last);
      return last.lastSeq();
    });
    return seq == null ? -1 : seq;
  }

  /** Appends one entry after {@code last} and advances it (the caller holds the head's lock and saves it). */
  private void append(AuditHead last, AuditEvent event) {
    long next = last.lastSeq() + 1;
    // Stored to the millisecond, so the hash computed now is the hash recomputed from the database.
    Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String hash = hash(last.lastHash(), next, at, event);
    entries.save(new AuditEntry(next, at, event, last.lastHash(), hash));
    last.advance(next, hash);
  }

  /**
   * Appends the events now, one after the other, in one transaction of their own that takes the chain head's lock
   * once (a page of notices audited together instead of a transaction each); the chain is the same as from
   * {@link #record} called for each in turn.
   */
  public void recordAll(List<AuditEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    ownTransaction.executeWithoutResult(status -> appendAll(events));
  }

  /** Appends the events in the current transaction, taking the chain head's lock once. */
  private void appendAll(List<AuditEvent> events) {
    AuditHead last = head.lockHead().orElseThrow(() -> new IllegalStateException("The audit chain head row is missing"));
    events.forEach(event -> append(last, event));
    head.save(last);
  }

  /**
   * Appends the events with the caller's transaction: at its commit, in it (an action that rolls back is not recorded
   * as done, and one that commits is recorded with it); at once, in a transaction of their own, when there is none.
   * Not after the commit in a transaction of their own: that needs a second pooled connection while the caller's is
   * still held, and as many requests in flight as the pool has connections then wait for one another (the benchmark's
   * 16 concurrent referrals held every connection for 30 s). A read-only transaction cannot write: there the events
   * are appended after its commit, as before.
   */
  public void recordAllAfterCommit(List<AuditEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      recordAll(List.copyOf(events));
      return;
    }
    if (!TransactionSynchronizationManager.isActualTransactionActive()
        || TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
      List<AuditEvent> copy = List.copyOf(events);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          recordAll(copy);
        }
      });
      return;
    }
    List<AuditEvent> pending = withTransaction();
    if (pending == null) { // raised after this transaction's entries were appended (from a commit callback): at once
      recordAll(List.copyOf(events));
      return;
    }
    pending.addAll(events);
  }

  /**
   * The events this transaction appends at its commit, in order (one synchronization per transaction); null once
   * they have been appended.
   */
  private List<AuditEvent> withTransaction() {
    Object bound = TransactionSynchronizationManager.getResource(this);
    if (bound == APPENDED) {
      return null;
    }
    @SuppressWarnings("unchecked")
    List<AuditEvent> pending = (List<AuditEvent>) bound;
    if (pending == null) {
      List<AuditEvent> events = new java.util.ArrayList<>();
      TransactionSynchronizationManager.bindResource(this, events);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public int getOrder() {
          return LOWEST_PRECEDENCE; // after the other synchronizations' work: the chain's head is locked last
        }

        @Override
        public void beforeCommit(boolean readOnly) {
          List<AuditEvent> toAppend = List.copyOf(events);
          events.clear();
          TransactionSynchronizationManager.unbindResourceIfPossible(AuditTrail.this);
          TransactionSynchronizationManager.bindResource(AuditTrail.this, APPENDED);
          if (toAppend.isEmpty()) {
            return;
          }
          // the transaction's own writes first, then the head's lock, held only for the entries and the commit:
          // a transaction waiting for the head holds no lock the holder still needs
          entries.flush();
          appendAll(toAppend);
          entries.flush();
        }

        private Object suspended;

        @Override
        public void suspend() { // a transaction of its own inside this one keeps its own events
          suspended = TransactionSynchronizationManager.unbindResourceIfPossible(AuditTrail.this);
        }

        @Override
        public void resume() {
          if (suspended != null) {
            TransactionSynchronizationManager.bindResource(AuditTrail.this, suspended);
          }
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(AuditTrail.this);
        }
      });
      return events;
    }
    return pending;
  }

  /**
   * Appends the event with the caller's transaction (see {@link #recordAllAfterCommit}); at once when there is no
   * transaction.
   */
  public void recordAfterCommit(AuditEvent event) {
    recordAllAfterCommit(List.of(event));
  }

  /** Entries matching the filters, newest first. */
  public List<AuditEntry> search(String caseCode, String actor, String action, Instant from, Instant to, int page,
      int size) {
    return readOnly.execute(status -> entries.search(caseCode, actor, action, from, to, PageRequest.of(page, size)));
  }

  /** Recomputes the whole chain from the first entry; the result names the first entry that does not fit. */
  public Verification verify() {
    return readOnly.execute(status -> {
      String previous = GENESIS;
      long expected = 1;
      long checked = 0;
      while (true) {
        List<AuditEntry> batch = entries.findBySeqGreaterThanOrderBySeqAsc(expected - 1, PageRequest.of(0, VERIFY_BATCH));
        if (batch.isEmpty()) {
          break;
        }
        for (AuditEntry entry : batch) {
          if (entry.getSeq() != expected) {
            return Verification.broken(checked, expected, "entry " + expected + " is missing (next is " + entry.getSeq() + ")");
          }
          if (!previous.equals(entry.getPrevHash())) {
            return Verification.broken(checked, entry.getSeq(), "its previous-hash does not match the hash of entry " + (expected - 1));
          }
          if (!hash(previous, entry.getSeq(), entry.getOccurredAt(), entry.event()).equals(entry.getHash())) {
            return Verification.broken(checked, entry.getSeq(), "its content does not match its hash (edited)");
          }
          previous = entry.getHash();
          expected++;
          checked++;
        }
      }
      AuditHead last = head.findById(AuditHead.ID).orElse(null);
      if (last == null || last.lastSeq() != checked || !last.lastHash().equals(previous)) {
        return Verification.broken(checked, checked + 1, "the chain ends at entry " + checked + " but its head records entry "
            + (last == null ? "none" : last.lastSeq()) + " (entries removed from the end)");
      }
      return new Verification(true, checked, null, null);
    });
  }

  static String hash(String previous, long seq, Instant occurredAt, AuditEvent event) {
    List<Object> content = new ArrayList<>();
    content.add(seq);
    content.add(occurredAt.toEpochMilli());
    content.add(event.actor());
    content.add(event.action());
    content.add(event.caseCode());
    content.add(event.subject());
    content.add(event.outcome());
    content.add(event.clientAddress());
    content.add(event.detail());
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(previous.getBytes(StandardCharsets.US_ASCII));
      sha.update(JSON.writeValueAsBytes(content)); // a JSON array: no separator inside a field can fake another split
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException("Cannot hash an audit entry", e);
    }
  }

  /** The result of a verification: valid, how many entries were checked, and the first broken entry. */
  public record Verification(boolean valid, long entriesChecked, Long firstBrokenEntry, String problem) {

    static Verification broken(long checked, long entry, String problem) {
      return new Verification(false, checked, entry, "entry " + entry + ": " + problem);
    }
  }
}
