package md.nrs.referral.agencies.callbacks;

import com.fasterxml.jackson.annotation.JsonInclude;
import md.nrs.referral.agencies.delivery.OutboxEntry;
import md.nrs.referral.agencies.delivery.OutboxRepository;
import md.nrs.referral.agencies.delivery.WebhookSender;
import md.nrs.referral.agencies.directory.Agency;
import md.nrs.referral.agencies.directory.AgencyRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import md.nrs.referral.engine.Caller;
import md.nrs.referral.errors.ApiProblem;
import md.nrs.referral.errors.ProblemType;
import md.nrs.referral.errors.FieldError;
import md.nrs.referral.forms.FormCatalog;
import md.nrs.referral.forms.FormValidator;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * An agency's system answers a step it was notified of (accept or reject a referral, report an
 * outcome) without Tasklist: {@code POST /api/callbacks/{agencyId}}, as a user of that agency (HTTP
 * Basic), signed like our webhooks with the agency's shared secret
 * ({@code X-NRS-Signature: sha256=HMAC(secret, timestamp + "." + body)}, {@code X-NRS-Timestamp} within
 * five minutes) and carrying an {@code Idempotency-Key}. Body:
 * {@code {"notificationKey": "...", "step": "UserTask_AnswerReferral", "values": {"providerAnswer": "accept"}}}.
 * The values are checked against the step's form contract, then the waiting task is completed.
 */
@RestController
public class ProviderCallbackController {

  static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

  private final ObjectMapper json = new ObjectMapper();
  private final AgencyRepository agencies;
  private final OutboxRepository outbox;
  private final ProviderCallbackRepository callbacks;
  private final TaskService tasks;
  private final IdentityService identity;
  private final FormCatalog catalog;
  private final FormValidator validator;
  private final Clock clock;

  public ProviderCallbackController(AgencyRepository agencies, OutboxRepository outbox, ProviderCallbackRepository callbacks,
      TaskService tasks, IdentityService identity, FormCatalog catalog, FormValidator validator, Clock clock) {
    this.agencies = agencies;
    this.outbox = outbox;
    this.callbacks = callbacks;
    this.tasks = tasks;
    this.identity = identity;
    this.catalog = catalog;
    this.validator = validator;
    this.clock = clock;
  }

  @PostMapping("/api/callbacks/{agencyId}")
  @Transactional
  public Applied callback(@PathVariable String agencyId,
      @RequestHeader(value = "X-NRS-Timestamp", required = false) String timestamp,
      @RequestHeader(value = "X-NRS-Signature", required = false) String signature,
      @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
      @RequestBody(required = false) String body) {
    Agency agency = agencies.findById(agencyId).filter(Agency::isActive).orElse(null);
    if (agency == null || agency.getWebhookSecret() == null) {
      throw new ApiProblem(ProblemType.AUTHENTICATION_REQUIRED, "Callbacks need an active agency with a shared secret in the directory");
    }
    Caller.current(identity).require("Only a user of " + agencyId + " may call back for it", agencyId);
    String payload = body == null ? "" : body;
    if (!fresh(timestamp) || !signedBy(agency.getWebhookSecret(), timestamp, payload, signature)) {
      throw new ApiProblem(ProblemType.AUTHENTICATION_REQUIRED, "Missing, stale or wrong signature (X-NRS-Timestamp, X-NRS-Signature)");
    }
    if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
      throw ApiProblem.Invalid.naming("callback",
          List.of(new FieldError("Idempotency-Key", "is required (a unique key per callback, at most 100 characters)")));
    }
    var previous = callbacks.findById(idempotencyKey);
    if (previous.isPresent()) {
      if (!previous.get().getAgencyId().equals(agencyId)) {
        throw new ApiProblem.Conflict("This Idempotency-Key was used by another agency");
      }
      return new Applied("already-applied", previous.get().getStep(), null);
    }
    JsonNode request;
    try {
      request = json.readTree(payload);
    } catch (Exception malformed) {
      throw new ApiProblem.Invalid("The body is not valid JSON");
    }
    List<FieldError> problems = new ArrayList<>();
    String notificationKey = text(request, "notificationKey", problems);
    String step = text(request, "step", problems);
    JsonNode values = request == null ? null : request.get("values");
    if (values == null || !values.isObject()) {
      problems.add(new FieldError("values", "is required: the answers of the step's form"));
    }
    if (!problems.isEmpty()) {
      throw ApiProblem.Invalid.naming("callback", problems);
    }
    OutboxEntry entry = outbox.findByNotificationKey(notificationKey).filter(e -> e.getAgencyId().equals(agencyId)).orElse(null);
    if (entry == null || entry.getProcessInstanceId() == null) {
      throw new ApiProblem.NotFound("No notification " + notificationKey + " was sent to " + agencyId);
    }
    Task task = tasks.createTaskQuery().processInstanceId(entry.getProcessInstanceId()).taskDefinitionKey(step)
        .taskCandidateGroup(agencyId).initializeFormKeys().singleResult();
    if (task == null) {
      throw new ApiProblem.Conflict("No step " + step + " of case " + entry.getCaseCode() + " is waiting for " + agencyId);
    }
    Map<String, Object> answers = json.convertValue(values, LinkedHashMap.class);
    String formId = task.getCamundaFormRef() == null ? null : task.getCamundaFormRef().getKey();
    var contract = catalog.contractFor(formId);
    if (contract.isPresent()) {
      List<FieldError> invalid = validator.validate(contract.get(), answers, true);
      if (!invalid.isEmpty()) {
        throw ApiProblem.Invalid.naming("callback", invalid.stream().map(e -> new FieldError("values." + e.field(), e.message())).toList());
      }
    }
    tasks.complete(task.getId(), answers);
    callbacks.save(new ProviderCallback(idempotencyKey, agencyId, notificationKey, step, task.getId(), clock.instant()));
    return new Applied("applied", step, entry.getCaseCode());
  }

  private boolean fresh(String timestamp) {
    try {
      Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
      return Duration.between(sent, clock.instant()).abs().compareTo(MAX_CLOCK_SKEW) <= 0;
    } catch (RuntimeException notANumber) {
      return false;
    }
  }

  private static boolean signedBy(String secret, String timestamp, String body, String signature) {
    if (signature == null) {
      return false;
    }
    String expected = "sha256=" + WebhookSender.sign(secret, timestamp + "." + body);
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
  }

  private static String text(JsonNode request, String field, List<FieldError> problems) {
    JsonNode value = request == null ? null : request.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      problems.add(new FieldError(field, "is required"));
      return null;
    }
    return value.asText();
  }

  /** The answer to a callback: applied now or before, the step it completed and (when applied now) the case. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Applied(String status, String step, String caseCode) {
  }
}
