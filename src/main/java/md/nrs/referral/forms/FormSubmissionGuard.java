package md.nrs.referral.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import md.nrs.referral.errors.FieldError;
import md.nrs.referral.errors.InvalidFormException;
import md.nrs.referral.errors.ProblemType;
import md.nrs.referral.errors.Problems;
import md.nrs.referral.security.CachedBodyRequest;
import md.nrs.referral.security.RequestPaths;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks a form submission before the engine sees it — task completion and process start, on
 * /engine-rest and on the webapps' API that Tasklist uses — and answers 400 naming each bad field, so
 * the task stays open and nothing is half-started. Inside the engine, {@link FormValidationListener}
 * checks again for callers that bypass HTTP.
 */
public class FormSubmissionGuard extends OncePerRequestFilter {

  private static final Pattern TASK = Pattern.compile("^/task/([^/]+)/(submit-form|complete|resolve)$");
  private static final Pattern START_BY_KEY =
      Pattern.compile("^/process-definition/key/([^/]+)(?:/tenant-id/([^/]+))?/(submit-form|start)$");
  private static final Pattern START_BY_ID = Pattern.compile("^/process-definition/([^/]+)/(submit-form|start)$");
  private static final int MAX_BODY = 512 * 1024;

  private final FormCatalog catalog;
  private final FormValidator validator;
  private final TaskService tasks;
  private final FormService forms;
  private final RepositoryService repository;
  private final ObjectMapper json = new ObjectMapper();

  public FormSubmissionGuard(ProcessEngine engine, FormCatalog catalog, FormValidator validator) {
    this.catalog = catalog;
    this.validator = validator;
    this.tasks = engine.getTaskService();
    this.forms = engine.getFormService();
    this.repository = engine.getRepositoryService();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = RequestPaths.enginePath(request);
    Optional<String> formId = "POST".equals(request.getMethod()) && path != null ? formOf(path) : Optional.empty();
    Optional<Class<? extends Record>> contract = formId.flatMap(catalog::contractFor);
    if (contract.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    CachedBodyRequest cached = CachedBodyRequest.read(request, MAX_BODY);
    if (cached == null) {
      Problems.write(response, ProblemType.TOO_LARGE, "The form submission is too large");
      return;
    }
    JsonNode body;
    try {
      body = cached.body().length == 0 ? json.createObjectNode() : json.readTree(cached.body());
    } catch (IOException malformed) {
      Problems.write(response, ProblemType.INVALID_REQUEST, "The form submission is not valid JSON");
      return;
    }
    Map<String, Object> submitted = SubmittedVariables.fromRequestBody(body);
    Map<String, Object> values = new java.util.LinkedHashMap<>(shownFromProcess(contract.get(), path));
    values.putAll(submitted);
    List<FieldError> errors = validator.validate(contract.get(), values, true); // unknown fields and all others at once
    if (!errors.isEmpty()) {
      InvalidFormException invalid = new InvalidFormException(formId.get(), errors);
      Problems.writeInvalidForm(response, formId.get(), invalid);
      return;
    }
    chain.doFilter(cached, response);
  }

  /** The task's current values of the fields marked {@link ShownFromProcess} (a form may not submit read-only fields). */
  private Map<String, Object> shownFromProcess(Class<? extends Record> contract, String path) {
    Matcher task = TASK.matcher(path);
    Map<String, Object> values = new java.util.LinkedHashMap<>();
    if (!task.matches()) {
      return values;
    }
    Map<String, Object> current = null;
    for (java.lang.reflect.RecordComponent component : contract.getRecordComponents()) {
      if (component.isAnnotationPresent(ShownFromProcess.class)) {
        if (current == null) {
          current = SubmittedVariables.fromEngine(tasks.getVariablesTyped(task.group(1), false));
        }
        values.put(component.getName(), current.get(component.getName()));
      }
    }
    return values;
  }

  /** The form the request submits to, looked up without the caller's rights: the engine checks those next. */
  private Optional<String> formOf(String path) {
    Matcher task = TASK.matcher(path);
    if (task.matches()) {
      Task found = tasks.createTaskQuery().taskId(task.group(1)).initializeFormKeys().singleResult();
      return Optional.ofNullable(found).map(Task::getCamundaFormRef).map(CamundaFormRef::getKey);
    }
    Matcher byKey = START_BY_KEY.matcher(path);
    if (byKey.matches()) {
      var query = repository.createProcessDefinitionQuery().processDefinitionKey(byKey.group(1)).latestVersion();
      ProcessDefinition definition = (byKey.group(2) == null ? query.withoutTenantId() : query.tenantIdIn(byKey.group(2)))
          .singleResult();
      return startFormOf(definition);
    }
    Matcher byId = START_BY_ID.matcher(path);
    if (byId.matches() && !"key".equals(byId.group(1))) {
      return startFormOf(repository.createProcessDefinitionQuery().processDefinitionId(byId.group(1)).singleResult());
    }
    return Optional.empty();
  }

  private Optional<String> startFormOf(ProcessDefinition definition) {
    if (definition == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(forms.getStartFormData(definition.getId()).getCamundaFormRef()).map(CamundaFormRef::getKey);
  }
}
