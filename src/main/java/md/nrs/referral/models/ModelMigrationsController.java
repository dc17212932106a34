package md.nrs.referral.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import md.nrs.referral.engine.Platform;
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
  public ResponseEntity<Object> plan(@RequestBody(required = false) Request request) {
    return guarded(request, () -> ResponseEntity.ok(planView(migrations.plan(request))));
  }

  @PostMapping("/dry-run")
  public ResponseEntity<Object> dryRun(@RequestBody(required = false) Request request) {
    return guarded(request, () -> ResponseEntity.ok(dryRunView(migrations.dryRun(request))));
  }

  @PostMapping("/execute")
  public ResponseEntity<Object> execute(@RequestBody(required = false) Request request) {
    String caller = PolicyStaffOnly.callerId(identity);
    return guarded(request, () -> {
      DryRun dryRun = migrations.dryRun(request);
      Batch batch = migrations.execute(dryRun);
      Map<String, Object> body = dryRunView(dryRun);
      if (batch == null) {
        body.put("type", "NothingToMigrate");
        body.put("message", "No running instance of version " + request.fromVersion() + " can move");
        return ResponseEntity.status(409).body(body);
      }
      started.save(new ModelMigration(batch.getId(), request.processKey(), dryRun.plan().from().id(),
          dryRun.plan().to().id(), caller, clock.instant(),
          dryRun.canMove().stream().map(InstanceCheck::processInstanceId).toList()));
      body.put("batchId", batch.getId());
      return ResponseEntity.accepted().body(body);
    });
  }

  @GetMapping("/batches/{batchId}")
  public ResponseEntity<Object> batch(@PathVariable String batchId) {
    var refused = PolicyStaffOnly.refuse(identity, "migrate running cases");
    if (refused.isPresent()) {
      return refused.get();
    }
    ModelMigration migration = started.findById(batchId).orElse(null);
    if (migration == null) {
      return PolicyStaffOnly.error(404, "NotFoundException", "No migration batch " + batchId);
    }
    return asPlatform(() -> ResponseEntity.ok(report(migration)));
  }

  private Map<String, Object> report(ModelMigration migration) {
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
    List<Map<String, Object>> instances = new ArrayList<>();
    int moved = 0;
    for (String id : migration.instanceIds()) {
      ProcessInstance running = runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
      HistoricProcessInstance past = running != null ? null
          : history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult();
      String definition = running != null ? running.getProcessDefinitionId() : past == null ? null : past.getProcessDefinitionId();
      String caseCode = running != null ? running.getBusinessKey() : past == null ? null : past.getBusinessKey();
      boolean isMoved = migration.getToDefinition().equals(definition);
      moved += isMoved ? 1 : 0;
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("processInstanceId", id);
      row.put("caseCode", caseCode);
      row.put("status", isMoved ? "moved" : finished ? "not-moved" : "waiting");
      instances.add(row);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("batchId", migration.getBatchId());
    body.put("processKey", migration.getProcessKey());
    body.put("fromDefinition", migration.getFromDefinition());
    body.put("toDefinition", migration.getToDefinition());
    body.put("startedBy", migration.getStartedBy());
    body.put("startedAt", migration.getStartedAt());
    body.put("finished", finished);
    body.put("total", instances.size());
    body.put("succeeded", moved);
    body.put("failed", finished ? instances.size() - moved : failures.size());
    body.put("instances", instances);
    body.put("failures", failures);
    return body;
  }

  private ResponseEntity<Object> guarded(Request request, Supplier<ResponseEntity<Object>> action) {
    var refused = PolicyStaffOnly.refuse(identity, "migrate running cases");
    if (refused.isPresent()) {
      return refused.get();
    }
    List<Map<String, String>> fieldErrors = new ArrayList<>();
    if (request == null || request.processKey() == null || request.processKey().isBlank()) {
      fieldErrors.add(Map.of("field", "processKey", "message", "the key of the process whose cases move"));
    }
    if (request == null || request.fromVersion() == null) {
      fieldErrors.add(Map.of("field", "fromVersion", "message", "the version the cases are on"));
    }
    if (request == null || request.toVersion() == null) {
      fieldErrors.add(Map.of("field", "toVersion", "message", "the version the cases move to"));
    }
    if (request != null) {
      for (int i = 0; i < request.mappingsOrNone().size(); i++) {
        var mapping = request.mappingsOrNone().get(i);
        if (mapping == null || mapping.from() == null || mapping.to() == null) {
          fieldErrors.add(Map.of("field", "mappings[" + i + "]", "message", "needs \"from\" and \"to\" activity ids"));
        }
      }
    }
    if (!fieldErrors.isEmpty()) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", "InvalidRequestException");
      body.put("message", "The migration request is incomplete");
      body.put("fieldErrors", fieldErrors);
      return ResponseEntity.badRequest().body(body);
    }
    try {
      return asPlatform(action);
    } catch (CaseMigrations.UnknownVersionException e) {
      return PolicyStaffOnly.error(404, "NotFoundException", e.getMessage());
    } catch (MigrationPlanValidationException e) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", "MigrationPlanValidationException");
      body.put("message", "The plan cannot be used: fix or add mappings");
      body.put("instructionReports", e.getValidationReport().getInstructionReports().stream().map(r -> Map.of(
          "instruction", CaseMigrations.Instruction.of(r.getMigrationInstruction()), "failures", r.getFailures())).toList());
      body.put("variableReports", e.getValidationReport().getVariableReports().entrySet().stream().map(v -> Map.of(
          "variable", v.getKey(), "failures", v.getValue().getFailures())).toList());
      return ResponseEntity.badRequest().body(body);
    } catch (org.camunda.bpm.engine.BadUserRequestException e) {
      return PolicyStaffOnly.error(400, "InvalidRequestException", e.getMessage());
    }
  }

  /** Runs engine calls as the platform: the role was checked here, and cases hold no personal data. */
  private <T> T asPlatform(Supplier<T> action) {
    return Platform.asPlatform(identity, action);
  }

  private static Map<String, Object> planView(Plan plan) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("processKey", plan.processKey());
    body.put("from", plan.from());
    body.put("to", plan.to());
    body.put("instructions", plan.instructions());
    return body;
  }

  private static Map<String, Object> dryRunView(DryRun dryRun) {
    Map<String, Object> body = planView(dryRun.plan());
    body.put("canMove", dryRun.canMove());
    body.put("cannotMove", dryRun.cannotMove());
    return body;
  }
}
