package md.nrs.referral.agencies.delivery;

import java.time.Instant;
import java.util.List;
import md.nrs.referral.engine.Caller;
import md.nrs.referral.errors.ApiProblem;
import md.nrs.referral.identity.NrsRole;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An agency's outbox over REST: what the platform has asked of it, newest first. Staff of the agency,
 * NRS coordinators and administrators may read it; nobody else. Caller authenticated by HTTP Basic.
 */
@RestController
@RequestMapping("/api/agencies/{agencyId}/outbox")
public class OutboxController {

  private static final int MAX_PAGE = 200;

  private final OutboxRepository outbox;
  private final IdentityService identity;

  public OutboxController(OutboxRepository outbox, IdentityService identity) {
    this.outbox = outbox;
    this.identity = identity;
  }

  @GetMapping
  public List<Item> list(@PathVariable String agencyId, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    Caller.current(identity).require("Only staff of " + agencyId + ", NRS coordinators and administrators may read its outbox",
        agencyId, NrsRole.NRS_COORDINATORS.groupId(), NrsRole.ADMINISTRATORS.groupId());
    if (page < 0 || size < 1 || size > MAX_PAGE) {
      throw new ApiProblem.Invalid("page must be 0 or more and size between 1 and " + MAX_PAGE);
    }
    List<Item> items = outbox.findByAgencyIdOrderByCreatedAtDescIdDesc(agencyId, PageRequest.of(page, size)).stream()
        .map(Item::of).toList();
    return items;
  }

  /** The outbox entry as an agency sees it. */
  public record Item(String notificationKey, String caseCode, String step, String request, Instant dueAt,
      Instant createdAt, String status, String channel, int attempts, String lastError, Instant deliveredAt) {

    static Item of(OutboxEntry entry) {
      return new Item(entry.getNotificationKey(), entry.getCaseCode(), entry.getStep(), entry.getRequest(),
          entry.getDueAt(), entry.getCreatedAt(), entry.getStatus().name(), entry.getChannel(), entry.getAttempts(),
          entry.getLastError(), entry.getDeliveredAt());
    }
  }
}
