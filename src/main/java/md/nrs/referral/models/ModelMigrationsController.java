package md.nrs.referral.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import md.nrs.referral.engine.Platform;
import md.nrs.referral.errors.ApiProblem;
import md.nrs.referral.errors.FieldError;
import md.nrs.referral.errors.ProblemType;
import md.nrs.referral.models.CaseMigrations.DryRun;
import md.nrs.referral.models.CaseMigrations.InstanceCheck;
import md.nrs.referral.models.CaseMigrations.Plan;
import md.nrs.referral.models.CaseMigrations.Request;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Migration of running cases over REST (Cockpit CE has no migration screen): {@code POST .../plan},
 * {@code POST .../dry-run}, {@code POST .../execute} (a batch), {@code GET .../batches/{id}} (the result).
 * Policy staff and administrators only; the engine calls run as the platform once the role is checked,
 * and the caller is recorded with the batch.
 */
@RestController
@RequestMapping("/api/models/migrations")
public class ModelMigrationsController {

  private final CaseMigrations migrations;
  private final ModelMigrationRepository started;
  private final IdentityService identity;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final HistoryService history;
  private final java.time.Clock clock;

  public ModelMigrationsController(CaseMigrations migrations, ModelMigrationRepository started, ProcessEngine engine,
      java.time.Clock clock) {
    this.migrations = migrations;
    this.clock = clock;
    this.started = started;
    this.identity = engine.getIdentityService();
    this.runtime = engine.getRuntimeService();
    this.management = engine.getManagementService();
    this.history = engine.getHistoryService();
  }

  @PostMapping("/plan")
  public MigrationView plan(@RequestBody(required = false) Request request) {
    return guarded(request, () -> MigrationView.of(migrations.plan(request)));
  }

  @PostMapping("/dry-run")
  public MigrationView dryRun(@RequestBody(required = false) Request request) {
    return guarded(request, () -> MigrationView.of(migrations.dryRun(request), null));
  }

  @PostMapping("/execute")
  public ResponseEntity<MigrationView> execute(@RequestBody(required = false) Request request) {
    String caller = PolicyStaffOnly.callerId(identity);
    return guarded(request, () -> {
      DryRun dryRun = migrations.dryRun(request);
      Batch batch = migrations.execute(dryRun);
      if (batch == null) {
        MigrationView view = MigrationView.of(dryRun, null);
        throw new ApiProblem(ProblemType.NOTHING_TO_MIGRATE, "No running instance of version " + request.fromVersion()
            + " can move", Map.of("processKey", view.processKey(), "from", view.from(), "to", view.to(),
                "instructions", view.instructions(), "canMove", view.canMove(), "cannotMove", view.cannotMove()));
      }
      started.save(new ModelMigration(batch.getId(), request.processKey(), dryRun.plan().from().id(),
          dryRun.plan().to().id(), caller, clock.instant(),
          dryRun.canMove().stream().map(InstanceCheck::processInstanceId).toList()));
      return ResponseEntity.accepted().body(MigrationView.of(dryRun, batch.getId()));
    });
  }

  @GetMapping("/batches/{batchId}")
  public BatchReport batch(@PathVariable String batchId) {
    PolicyStaffOnly.require(identity, "migrate running cases");
    ModelMigration migration = started.findById(batchId)
        .orElseThrow(() -> new ApiProblem.NotFound("No migration batch " + batchId));
    return asPlatform(() -> report(migration));
  }

  private BatchReport report(ModelMigration migration) {
    Batch batch = management.createBatchQuery().batchId(migration.getBatchId()).singleResult();
    BatchStatistics statistics = batch == null ? null
        : management.createBatchStatisticsQuery().batchId(migration.getBatchId()).singleResult();
    List<String> failures = new ArrayList<>();
    if (batch != null) {
      for (Job job : management.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).withException().list()) {
        failures.add(String.valueOf(job.getExceptionMessage()));
      }
    }
    // Done when the batch is gone (every job succeeded) or only failed jobs without retries are left.
    boolean finished = batch == null || (statistics != null && statistics.getRemainingJobs() > 0
        && statistics.getRemainingJobs() == statistics.getFailedJobs() && management.createJobQuery()
            .jobDefinitionId(batch.getSeedJobDefinitionId()).count() == 0
        && management.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).withRetriesLeft().count() == 0);
    List<InstanceRow> instances = new ArrayList<>();
    int moved = 0;
    for (String id : migration.instanceIds()) {
      ProcessInstance running = runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
      HistoricProcessInstance past = running != null ? null
          : history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
      String definition = running != null ? running.getProcessDefinitionId() : past == null ? null : past.getProcessDefinitionId();
      String caseCode = running != null ? running.getBusinessKey() : past == null ? null : past.getBusinessKey();
      boolean isMoved = migration.getToDefinition().equals(definition);
      moved += isMoved ? 1 : 0;
      instances.add(new InstanceRow(id, caseCode, isMoved ? "moved" : finished ? "not-moved" : "waiting"));
    }
    return new BatchReport(migration.getBatchId(), migration.getProcessKey(), migration.getFromDefinition(),
        migration.getToDefinition(), migration.getStartedBy(), migration.getStartedAt(), finished, instances.size(), moved,
        finished ? instances.size() - moved : failures.size(), instances, failures);
  }

  private <T> T guarded(Request request, Supplier<T> action) {
    PolicyStaffOnly.require(identity, "migrate running cases");
    List<FieldError> fieldErrors = new ArrayList<>();
    if (request == null || request.processKey() == null || request.processKey().isBlank()) {
      fieldErrors.add(new FieldError("processKey", "the key of the process whose cases move"));
    }
    if (request == null || request.fromVersion() == null) {
      fieldErrors.add(new FieldError("fromVersion", "the version the cases are on"));
    }
    if (request == null || request.toVersion() == null) {
      fieldErrors.add(new FieldError("toVersion", "the version the cases move to"));
    }
    if (request != null) {
      for (int i = 0; i < request.mappingsOrNone().size(); i++) {
        var mapping = request.mappingsOrNone().get(i);
        if (mapping == null || mapping.from() == null || mapping.to() == null) {
          fieldErrors.add(new FieldError("mappings[" + i + "]", "needs \"from\" and \"to\" activity ids"));
        }
      }
    }
    if (!fieldErrors.isEmpty()) {
      throw new ApiProblem.Invalid("The migration request is incomplete", fieldErrors);
    }
    try {
      return asPlatform(action);
    } catch (CaseMigrations.UnknownVersionException e) {
      throw new ApiProblem.NotFound(e.getMessage());
    } catch (MigrationPlanValidationException e) {
      throw new ApiProblem(ProblemType.MIGRATION_PLAN_INVALID, "The plan cannot be used: fix or add mappings", Map.of(
          "instructionReports", e.getValidationReport().getInstructionReports().stream().map(r -> new InstructionReport(
              CaseMigrations.Instruction.of(r.getMigrationInstruction()), r.getFailures())).toList(),
          "variableReports", e.getValidationReport().getVariableReports().entrySet().stream().map(v -> new VariableReport(
              v.getKey(), v.getValue().getFailures())).toList()));
    } catch (org.camunda.bpm.engine.BadUserRequestException e) {
      throw new ApiProblem.Invalid(e.getMessage());
    }
  }

  /** Runs engine calls as the platform: the role was checked here, and cases hold no personal data. */
  private <T> T asPlatform(Supplier<T> action) {
    return Platform.asPlatform(identity, action);
  }

  /** A plan; with a dry run, the cases that can and cannot move; once executed, the batch. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record MigrationView(String processKey, CaseMigrations.Version from, CaseMigrations.Version to,
      List<CaseMigrations.Instruction> instructions, List<InstanceCheck> canMove, List<InstanceCheck> cannotMove,
      String batchId) {

    static MigrationView of(Plan plan) {
      return new MigrationView(plan.processKey(), plan.from(), plan.to(), plan.instructions(), null, null, null);
    }

    static MigrationView of(DryRun dryRun, String batchId) {
      Plan plan = dryRun.plan();
      return new MigrationView(plan.processKey(), plan.from(), plan.to(), plan.instructions(), dryRun.canMove(),
          dryRun.cannotMove(), batchId);
    }
  }

  /** Where a migration batch stands. */
  public record BatchReport(String batchId, String processKey, String fromDefinition, String toDefinition,
      String startedBy, java.time.Instant startedAt, boolean finished, int total, int succeeded, int failed,
      List<InstanceRow> instances, List<String> failures) {
  }

  public record InstanceRow(String processInstanceId, String caseCode, String status) {
  }

  public record InstructionReport(CaseMigrations.Instruction instruction, List<String> failures) {
  }

  public record VariableReport(String variable, List<String> failures) {
  }
}
