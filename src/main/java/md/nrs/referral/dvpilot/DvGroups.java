package md.nrs.referral.dvpilot;

import static md.nrs.referral.engine.Platform.asPlatform;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import md.nrs.referral.agencies.Agencies;
import md.nrs.referral.errors.ApiProblem;
import md.nrs.referral.errors.FieldError;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The group directory of the pilot: which groups exist, of which kind, how many places each has left, and
 * whether a participant of a kind may be enrolled into a group. The places taken are counted from the engine
 * (running enrolments holding a place), so there is no second count to drift from it.
 */
@Component
public class DvGroups {

  private final DvGroupRepository groups;
  private final Agencies agencies;
  private final ProcessEngine engine;
  private final Clock clock;

  public DvGroups(DvGroupRepository groups, Agencies agencies, ProcessEngine engine, Clock clock) {
    this.groups = groups;
    this.agencies = agencies;
    this.engine = engine;
    this.clock = clock;
  }

  public Optional<DvGroup> find(String id) {
    return id == null ? Optional.empty() : groups.findById(id);
  }

  public List<DvGroupView> list() {
    return groups.findAllByOrderByStartsOnAscIdAsc().stream().map(this::view).toList();
  }

  public DvGroupView view(DvGroup group) {
    long taken = placesTaken(group.getId());
    return new DvGroupView(group.getId(), group.getKind(), group.getCapacity(), (int) Math.max(0, group.getCapacity() - taken),
        group.getStartsOn(), group.getCounsellorAgency(), group.isActive());
  }

  /**
   * Why a participant of this kind may not be enrolled into this group, or empty if they may. The error names
   * the field groupId; it says the group's kind, never anything about the participant.
   */
  public Optional<String> refusal(String participantKind, String groupId) {
    Optional<DvGroup> group = find(groupId);
    if (group.isEmpty()) {
      return Optional.of("is not a group of the pilot's group directory");
    }
    DvGroup found = group.get();
    if (!found.getKind().equals(participantKind)) {
      return Optional.of("is " + DvGroup.describe(found.getKind()) + ": a " + participantKind + " is enrolled only into "
          + DvGroup.describe(participantKind) + " (victims and perpetrators are never in the same group)");
    }
    if (!found.isActive()) {
      return Optional.of("is closed to new participants");
    }
    long taken = placesTaken(found.getId());
    if (taken >= found.getCapacity()) {
      return Optional.of("is full (" + taken + " of " + found.getCapacity() + " places taken)");
    }
    return Optional.empty();
  }

  /**
   * Enrolments holding a place in the group, counted without the caller's rights: a caseworker may not read
   * other agencies' instances, yet the count must include them.
   */
  public long placesTaken(String groupId) {
    return asPlatform(engine, () -> engine.getRuntimeService().createProcessInstanceQuery()
            .processDefinitionKey(DvGroupCounsellingProcess.KEY)
            .variableValueEquals(DvGroupCounsellingProcess.GROUP_ID.name(), groupId)
            .variableValueEquals(DvGroupCounsellingProcess.HOLDS_PLACE.name(), true)
            .count());
  }

  /** A new group (administrators, over REST, or the demo seeding). Every bad field is reported at once. */
  @Transactional
  public DvGroupView create(DvGroupRequest request) {
    List<FieldError> errors = new ArrayList<>();
    if (request.id() == null || !request.id().matches("[a-z0-9][a-z0-9-]{1,38}[a-z0-9]")) {
      errors.add(new FieldError("id", "must be 3 to 40 lower-case letters, digits or dashes"));
    } else if (groups.existsById(request.id())) {
      errors.add(new FieldError("id", "is taken by another group"));
    }
    if (!DvGroup.KIND_VICTIM.equals(request.kind()) && !DvGroup.KIND_PERPETRATOR.equals(request.kind())) {
      errors.add(new FieldError("kind", "must be victim or perpetrator"));
    }
    if (request.capacity() == null || request.capacity() < 1 || request.capacity() > 50) {
      errors.add(new FieldError("capacity", "must be a number of places from 1 to 50"));
    }
    if (request.startsOn() == null) {
      errors.add(new FieldError("startsOn", "give the date of the first session"));
    }
    if (request.counsellorAgency() == null || !agencies.exists(request.counsellorAgency())) {
      errors.add(new FieldError("counsellorAgency", "must be an agency of the agency directory"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidGroupException(errors);
    }
    DvGroup group = groups.save(new DvGroup(request.id(), request.kind(), request.capacity(), request.startsOn(),
        request.counsellorAgency(), clock.instant()));
    return view(group);
  }

  /** A group of the directory as the API shows it, with the places left now. */
  public record DvGroupView(String id, String kind, int capacity, int placesLeft, LocalDate startsOn,
      String counsellorAgency, boolean active) {
  }

  /** What an administrator sends to create a group. */
  public record DvGroupRequest(String id, String kind, Integer capacity, LocalDate startsOn, String counsellorAgency) {
  }

  public static class InvalidGroupException extends ApiProblem.Invalid {
    InvalidGroupException(List<FieldError> errors) {
      super("Invalid group: " + String.join(", ", errors.stream().map(FieldError::field).toList()), errors);
    }
  }
}
