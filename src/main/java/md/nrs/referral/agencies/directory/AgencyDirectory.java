package md.nrs.referral.agencies.directory;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import md.nrs.referral.errors.ApiProblem;
import md.nrs.referral.errors.FieldError;
import md.nrs.referral.errors.ProblemType;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agency directory: who the agencies and teams are, what they offer, where, and how they are reached.
 * Every agency is also a Camunda group of the same id (created with it, renamed with it), in the same
 * transaction. Agencies are never deleted, only deactivated: tasks and history keep referring to them.
 */
@Service
public class AgencyDirectory {

  private final AgencyRepository agencies;
  private final IdentityService identity;
  private final Validator validator;
  private final Clock clock;

  public AgencyDirectory(AgencyRepository agencies, IdentityService identity, Validator validator, Clock clock) {
    this.agencies = agencies;
    this.identity = identity;
    this.validator = validator;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<AgencyView> list() {
    return agencies.findAll(Sort.by("id")).stream().map(AgencyView::of).toList();
  }

  @Transactional(readOnly = true)
  public Optional<AgencyView> find(String id) {
    return agencies.findById(id).map(AgencyView::of);
  }

  /** Creates the agency and its Camunda group (as the current user: the engine's authorizations apply). */
  @Transactional
  public AgencyView create(AgencyRequest request) {
    List<FieldError> problems = problems(request, AgencyRequest.Create.class, false);
    if (!problems.isEmpty()) {
      throw new InvalidAgencyException(problems);
    }
    String id = request.id();
    if (agencies.existsById(id)) {
      throw new ConflictException("An agency with this id already exists; change it with PUT /api/agencies/" + id);
    }
    if (identity.createGroupQuery().groupId(id).count() > 0) {
      throw new ConflictException("A Camunda group with this id already exists (a role or a group made in Admin); "
          + "choose another id");
    }
    Agency agency = new Agency(id, request.name().strip(), request.kind(), clock.instant());
    apply(agency, request);
    agency.setActive(request.active() == null || request.active());
    agencies.saveAndFlush(agency);
    ensureGroup(agency);
    return AgencyView.of(agency);
  }

  /** Replaces what the directory says about the agency, if {@code request.version()} is still the stored one. */
  @Transactional
  public AgencyView update(String id, AgencyRequest request) {
    Agency agency = agencies.findById(id).orElseThrow(() -> new NotFoundException("No agency with this id"));
    List<FieldError> problems = problems(request, AgencyRequest.Update.class, agency.hasWebhookSecret());
    if (request.id() != null && !request.id().equals(id)) {
      problems.add(new FieldError("id", "must be the id in the path (an agency's id never changes)"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidAgencyException(sorted(problems));
    }
    if (!agency.getVersion().equals(request.version())) {
      throw new StaleVersionException(agency.getVersion());
    }
    apply(agency, request);
    agency.setActive(request.active());
    agency.touch(clock.instant());
    agencies.flush(); // the version check in the database, before the group changes
    ensureGroup(agency);
    return AgencyView.of(agency);
  }

  private static void apply(Agency agency, AgencyRequest request) {
    agency.describe(request.name().strip(), request.kind(), orEmpty(request.services()), orEmpty(request.regions()),
        request.shelterPlaces());
    String channel = request.channel() == null ? Agency.CHANNEL_NONE : request.channel();
    agency.reachThrough(channel, blankToNull(request.webhookUrl()), request.webhookSecret(),
        blankToNull(request.email()), blankToNull(request.externalTaskTopic()));
    agency.place(request.district(), request.language(), request.country(), request.consentPurpose());
    agency.notifyBy(request.notifyMode());
  }

  /** The agency's Camunda group exists, with the agency's name and kind as its name and type. */
  void ensureGroup(Agency agency) {
    Group group = identity.createGroupQuery().groupId(agency.getId()).singleResult();
    if (group == null) {
      group = identity.newGroup(agency.getId());
    } else if (agency.getName().equals(group.getName()) && agency.getKind().equals(group.getType())) {
      return;
    }
    group.setName(agency.getName());
    group.setType(agency.getKind());
    identity.saveGroup(group);
  }

  /** Every bad field, by name and rule, never by value. */
  private List<FieldError> problems(AgencyRequest request, Class<?> group, boolean secretStored) {
    List<FieldError> problems = new ArrayList<>();
    for (ConstraintViolation<AgencyRequest> violation : validator.validate(request, Default.class, group)) {
      problems.add(new FieldError(field(violation), violation.getMessage()));
    }
    String channel = request.channel() == null ? Agency.CHANNEL_NONE : request.channel();
    boolean url = !isBlank(request.webhookUrl());
    boolean secret = request.webhookSecret() != null;
    if (channel.equals(Agency.CHANNEL_WEBHOOK) && !url) {
      problems.add(new FieldError("webhookUrl", "is required for channel webhook"));
    }
    if (channel.equals(Agency.CHANNEL_WEBHOOK) && url && !secret && !secretStored) {
      problems.add(new FieldError("webhookSecret", "is required for channel webhook"));
    }
    if (secret && !url) {
      problems.add(new FieldError("webhookSecret", "is kept only with a webhookUrl"));
    }
    if (channel.equals(Agency.CHANNEL_EMAIL) && isBlank(request.email())) {
      problems.add(new FieldError("email", "is required for channel email"));
    }
    if (channel.equals(Agency.CHANNEL_EXTERNAL_TASK) && isBlank(request.externalTaskTopic())) {
      problems.add(new FieldError("externalTaskTopic", "is required for channel external-task"));
    }
    if (channel.equals(Agency.CHANNEL_EXTERNAL_TASK) && Agency.NOTIFY_DAILY_DIGEST.equals(request.notifyMode())) {
      problems.add(new FieldError("notify", "daily-digest is for channels webhook and email (an agency's system fetches "
          + "each external task as it comes)"));
    }
    boolean abroad = request.regions() != null && request.regions().contains("abroad");
    if (abroad && request.country() == null) {
      problems.add(new FieldError("country", "is required for a partner abroad (region abroad)"));
    }
    if (request.country() != null && !abroad) {
      problems.add(new FieldError("country", "is kept only for a partner abroad (region abroad)"));
    }
    return sorted(problems);
  }

  /** "services[1]" rather than Bean Validation's "services[1].&lt;list element&gt;"; fields by their JSON names. */
  private static String field(ConstraintViolation<?> violation) {
    String path = violation.getPropertyPath().toString().replaceAll("\\.<[^>]+>", "");
    return path.equals("notifyMode") ? "notify" : path;
  }

  private static List<FieldError> sorted(List<FieldError> problems) {
    List<FieldError> distinct = new ArrayList<>(new LinkedHashSet<>(problems));
    distinct.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
    return distinct;
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static String blankToNull(String value) {
    return isBlank(value) ? null : value.strip();
  }

  /** One or more fields of a request are bad; each is named with what is wrong. */
  public static class InvalidAgencyException extends ApiProblem.Invalid {
    InvalidAgencyException(List<FieldError> fieldErrors) {
      super("Invalid agency: " + String.join(", ", fieldErrors.stream().map(FieldError::field).distinct().toList()),
          fieldErrors);
    }
  }

  public static class NotFoundException extends ApiProblem.NotFound {
    NotFoundException(String message) {
      super(message);
    }
  }

  /** The id is taken, by an agency or by another Camunda group. */
  public static class ConflictException extends ApiProblem.Conflict {
    ConflictException(String message) {
      super(message);
    }
  }

  /** The request was based on an older version of the agency than the stored one. */
  public static class StaleVersionException extends ApiProblem.Conflict {
    StaleVersionException(long current) {
      super(ProblemType.CONCURRENT_CHANGE, "The agency was changed since the version sent (it is now at version " + current
          + "); read it again and repeat the change");
    }
  }
}
