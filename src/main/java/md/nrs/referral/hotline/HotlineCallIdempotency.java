package md.nrs.referral.hotline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import md.nrs.referral.engine.Caller;
import md.nrs.referral.errors.FieldError;
import md.nrs.referral.errors.ProblemType;
import md.nrs.referral.errors.Problems;
import md.nrs.referral.security.CachedBodyRequest;
import md.nrs.referral.security.RequestPaths;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A hotline call sent with an {@code Idempotency-Key} header is recorded once per operator and key, however often
 * and however concurrently it is sent: the same key with the same form gets the first call's answer again (200,
 * header {@code Idempotent-Replayed: true}, no second process); with a different form, 409 naming the key. As the
 * intake API does with {@code sourceReference}: one transaction takes the key (the primary key decides a race before
 * the engine starts anything), starts the call (the engine joins it) and keeps the answer; the answer is held back
 * until that transaction has committed, so a client never sees a call that was then rolled back. Without the header
 * nothing changes.
 */
class HotlineCallIdempotency extends OncePerRequestFilter {

  static final String HEADER = "Idempotency-Key";
  static final String REPLAYED = "Idempotent-Replayed";
  private static final Pattern CALL = Pattern.compile("^/process-definition/key/" + HotlineCallProcess.KEY + "/(?:start|submit-form)$");
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
  private static final int MAX_BODY = 512 * 1024;
  private static final int ATTEMPTS = 10;

  private final ObjectMapper canonical = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  private final HotlineCallRequests calls;
  private final TransactionTemplate transaction;
  private final ObjectProvider<IdentityService> identity;

  HotlineCallIdempotency(HotlineCallRequests calls, PlatformTransactionManager transactions, ObjectProvider<IdentityService> identity) {
    this.calls = calls;
    this.transaction = new TransactionTemplate(transactions);
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String key = request.getHeader(HEADER);
    String path = RequestPaths.enginePath(request);
    if (key == null || !"POST".equals(request.getMethod()) || path == null || !CALL.matcher(path).matches()) {
      chain.doFilter(request, response);
      return;
    }
    if (!KEY.matcher(key).matches()) {
      Problems.write(response, ProblemType.INVALID_REQUEST, "The Idempotency-Key header is not valid",
          List.of(new FieldError(HEADER, "must be 1 to 100 letters, digits, '.', '_', ':' or '-'")), Map.of());
      return;
    }
    String user = Caller.current(identity.getObject()).userId();
    CachedBodyRequest cached = CachedBodyRequest.read(request, MAX_BODY);
    if (user == null || cached == null) { // not authenticated (answered 401 before this), or too large: as without a key
      chain.doFilter(cached == null ? request : cached, response);
      return;
    }
    String hash = hash(cached.body());
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Optional<HotlineCallRequests.Recorded> known = transaction.execute(status -> calls.find(user, key));
      if (known.isPresent()) {
        answerAgain(response, key, hash, known.get());
        return;
      }
      ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
      try {
        transaction.executeWithoutResult(status -> {
          calls.claim(user, key, hash);
          try {
            chain.doFilter(cached, held);
          } catch (IOException | ServletException e) {
            throw new ChainFailed(e);
          }
          if (held.getStatus() / 100 == 2) {
            calls.answered(user, key, processInstanceId(held.getContentAsByteArray()), held.getStatus(),
                new String(held.getContentAsByteArray(), StandardCharsets.UTF_8));
          } else {
            status.setRollbackOnly(); // a refused call keeps no key: the corrected form may be sent under it
          }
        });
      } catch (ChainFailed failed) {
        if (failed.getCause() instanceof IOException io) {
          throw io;
        }
        throw (ServletException) failed.getCause();
      } catch (DataIntegrityViolationException | TransientDataAccessException clash) {
        // Another request holds this key (PostgreSQL waits for it, H2 gives up after its lock timeout): read its
        // call on the next round, once it has committed.
        pause(attempt);
        continue;
      }
      held.copyBodyToResponse();
      return;
    }
    Problems.write(response, ProblemType.CONFLICT, "Another request with this Idempotency-Key is still being recorded: repeat it");
  }

  private void answerAgain(HttpServletResponse response, String key, String hash, HotlineCallRequests.Recorded known)
      throws IOException {
    if (!known.requestHash().equals(hash)) {
      Problems.write(response, ProblemType.CONFLICT, "The Idempotency-Key " + key
          + " was already used for a different hotline call (" + known.processInstanceId() + ")",
          List.of(new FieldError(HEADER, "already used for a different call")), Map.of());
      return;
    }
    response.setStatus(known.status());
    response.setHeader(REPLAYED, "true");
    response.setContentType("application/json");
    response.getOutputStream().write(known.body().getBytes(StandardCharsets.UTF_8));
  }

  private String processInstanceId(byte[] body) {
    try {
      JsonNode tree = canonical.readTree(body);
      return tree != null && tree.hasNonNull("id") ? tree.get("id").asText() : null;
    } catch (IOException notJson) {
      return null;
    }
  }

  /** A digest of the form as JSON (members in order, so a reordered repeat is the same call), else of its bytes. */
  private String hash(byte[] body) {
    byte[] text = body;
    try {
      JsonNode tree = canonical.readTree(body);
      if (tree != null) {
        text = canonical.writeValueAsBytes(canonical.treeToValue(tree, Object.class));
      }
    } catch (IOException notJson) {
      // hashed as it came
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Carries the chain's checked exception out of the transaction callback. */
  private static final class ChainFailed extends RuntimeException {
    ChainFailed(Exception cause) {
      super(cause);
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(100L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a concurrent hotline call", e);
    }
  }
}
