package md.nrs.referral.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationInstructionsBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves running cases of one process from one version to another with the engine's migration API: a
 * plan maps activities with equal ids plus explicit mappings, a dry run migrates each instance inside a
 * transaction that is always rolled back (so it reports exactly what the engine would refuse), and the
 * execution runs as a batch of jobs for the instances the dry run let through. Task due dates, timers
 * (their jobs move with their activities) and variables are kept; outbox entries name the case code,
 * which does not change.
 */
@Component
public class CaseMigrations {

  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final TransactionTemplate rolledBack;

  public CaseMigrations(ProcessEngine engine, PlatformTransactionManager transactions) {
    this.runtime = engine.getRuntimeService();
    this.repository = engine.getRepositoryService();
    this.rolledBack = new TransactionTemplate(transactions);
    this.rolledBack.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** An explicit mapping for an activity whose id changed; {@code updateEventTrigger} recomputes its timer or message. */
  public record Mapping(String from, String to, Boolean updateEventTrigger) {
  }

  public record Request(String processKey, Integer fromVersion, Integer toVersion, List<Mapping> mappings,
      Boolean updateEventTriggers, List<String> processInstanceIds) {

    public List<Mapping> mappingsOrNone() {
      return mappings == null ? List.of() : mappings;
    }
  }

  public record Plan(String processKey, Version from, Version to, List<Instruction> instructions, MigrationPlan engine) {
  }

  public record Version(String id, int version) {
    static Version of(ProcessDefinition definition) {
      return new Version(definition.getId(), definition.getVersion());
    }
  }

  public record Instruction(String from, String to, boolean updateEventTrigger) {
    static Instruction of(MigrationInstruction instruction) {
      return new Instruction(instruction.getSourceActivityId(), instruction.getTargetActivityId(),
          instruction.isUpdateEventTrigger());
    }
  }

  /** A running instance and where it waits; {@code reasons} is empty when it can move. */
  public record InstanceCheck(String processInstanceId, String caseCode, List<String> waitingAt, List<String> reasons) {
    public boolean canMove() {
      return reasons.isEmpty();
    }
  }

  public record DryRun(Plan plan, List<InstanceCheck> canMove, List<InstanceCheck> cannotMove) {
  }

  /** Thrown when a version does not exist. */
  public static class UnknownVersionException extends RuntimeException {
    UnknownVersionException(String message) {
      super(message);
    }
  }

  /** Builds the plan; a plan the engine refuses throws its MigrationPlanValidationException. */
  public Plan plan(Request request) {
    ProcessDefinition from = version(request.processKey(), request.fromVersion());
    ProcessDefinition to = version(request.processKey(), request.toVersion());
    MigrationInstructionsBuilder builder = runtime.createMigrationPlan(from.getId(), to.getId()).mapEqualActivities();
    if (Boolean.TRUE.equals(request.updateEventTriggers())) {
      builder.updateEventTriggers();
    }
    for (Mapping mapping : request.mappingsOrNone()) {
      var instruction = builder.mapActivities(mapping.from(), mapping.to());
      if (Boolean.TRUE.equals(mapping.updateEventTrigger())) {
        instruction.updateEventTrigger();
      }
    }
    MigrationPlan plan = builder.build();
    return new Plan(request.processKey(), Version.of(from), Version.of(to),
        plan.getInstructions().stream().map(Instruction::of).toList(), plan);
  }

  public DryRun dryRun(Request request) {
    Plan plan = plan(request);
    List<InstanceCheck> canMove = new ArrayList<>();
    List<InstanceCheck> cannotMove = new ArrayList<>();
    for (ProcessInstance instance : instances(plan, request)) {
      InstanceCheck check = check(plan, instance);
      (check.canMove() ? canMove : cannotMove).add(check);
    }
    return new DryRun(plan, canMove, cannotMove);
  }

  /** Starts the batch for the instances that can move; null when none can. */
  public Batch execute(DryRun dryRun) {
    List<String> ids = dryRun.canMove().stream().map(InstanceCheck::processInstanceId).toList();
    if (ids.isEmpty()) {
      return null;
    }
    return runtime.newMigration(dryRun.plan().engine()).processInstanceIds(ids).executeAsync();
  }

  private List<ProcessInstance> instances(Plan plan, Request request) {
    var query = runtime.createProcessInstanceQuery().processDefinitionId(plan.from().id());
    if (request.processInstanceIds() != null && !request.processInstanceIds().isEmpty()) {
      query.processInstanceIds(new java.util.HashSet<>(request.processInstanceIds()));
    }
    return query.orderByProcessInstanceId().asc().list();
  }

  private InstanceCheck check(Plan plan, ProcessInstance instance) {
    List<String> waitingAt = runtime.getActiveActivityIds(instance.getId());
    List<String> reasons = rolledBack.execute(status -> {
      status.setRollbackOnly(); // a dry run: the engine migrates for real, then nothing is kept
      try {
        runtime.newMigration(plan.engine()).processInstanceIds(instance.getId()).execute();
        return List.<String>of();
      } catch (MigratingProcessInstanceValidationException e) {
        return reasons(e.getValidationReport());
      } catch (ProcessEngineException e) {
        return List.of(String.valueOf(e.getMessage()));
      }
    });
    return new InstanceCheck(instance.getId(), instance.getBusinessKey(), waitingAt, reasons);
  }

  private static List<String> reasons(MigratingProcessInstanceValidationReport report) {
    List<String> reasons = new ArrayList<>(report.getFailures());
    report.getActivityInstanceReports().forEach(r -> r.getFailures().forEach(f -> reasons.add(r.getSourceScopeId() + ": " + f)));
    report.getTransitionInstanceReports().forEach(r -> r.getFailures().forEach(f -> reasons.add(r.getSourceScopeId() + ": " + f)));
    return reasons;
  }

  private ProcessDefinition version(String key, Integer version) {
    ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key)
        .processDefinitionVersion(version).withoutTenantId().singleResult();
    if (definition == null) {
      throw new UnknownVersionException("Process '" + key + "' has no version " + version);
    }
    return definition;
  }

  static List<String> split(String lines) {
    return lines == null || lines.isEmpty() ? List.of() : Arrays.asList(lines.split("\n"));
  }
}
