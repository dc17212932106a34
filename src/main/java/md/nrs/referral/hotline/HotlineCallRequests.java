package md.nrs.referral.hotline;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The hotline calls recorded under an Idempotency-Key: one row per operator and key (nrs_hotline_call_request). */
@Component
class HotlineCallRequests {

  /** A call already recorded under the key: its request's hash and the answer it got. */
  record Recorded(String requestHash, String processInstanceId, int status, String body) {
  }

  private final JdbcTemplate jdbc;
  private final Clock clock;

  HotlineCallRequests(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The committed call under this key, if any (a row still being written by another request is not seen). */
  Optional<Recorded> find(String userId, String key) {
    return jdbc.query("SELECT request_hash, process_instance_id, response_status, response_body FROM nrs_hotline_call_request"
        + " WHERE user_id = ? AND idempotency_key = ?", (rs, n) -> new Recorded(rs.getString(1), rs.getString(2), rs.getInt(3),
        rs.getString(4)), userId, key).stream().findFirst();
  }

  /** Takes the key, in the caller's transaction: the primary key decides a race here, before the engine starts anything. */
  void claim(String userId, String key, String requestHash) {
    jdbc.update("INSERT INTO nrs_hotline_call_request (user_id, idempotency_key, request_hash, received_at) VALUES (?, ?, ?, ?)",
        userId, key, requestHash, Timestamp.from(clock.instant()));
  }

  /** Keeps the answer with the key, in the same transaction as the call's process. */
  void answered(String userId, String key, String processInstanceId, int status, String body) {
    jdbc.update("UPDATE nrs_hotline_call_request SET process_instance_id = ?, response_status = ?, response_body = ?"
        + " WHERE user_id = ? AND idempotency_key = ?", processInstanceId, status, body, userId, key);
  }
}
