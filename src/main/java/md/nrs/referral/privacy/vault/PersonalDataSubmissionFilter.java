package md.nrs.referral.privacy.vault;

import md.nrs.referral.privacy.PersonRecord;
import md.nrs.referral.privacy.RepresentativeRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import md.nrs.referral.errors.ProblemType;
import md.nrs.referral.errors.Problems;
import md.nrs.referral.forms.FormCatalog;
import md.nrs.referral.forms.PersonalData;
import md.nrs.referral.forms.SubmittedVariables;
import md.nrs.referral.security.CachedBodyRequest;
import md.nrs.referral.privacy.StartFormPersonalData;
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
 * Keeps personal data out of the engine. On both engine APIs (/engine-rest and the webapps'
 * /camunda/api/engine that Tasklist uses), after the form guard has validated a task submission:
 * the form's {@link PersonalData} fields are taken out of the JSON body, handed to the engine's
 * completion of that task ({@link PendingPersonalData}, stored in the vault in the completion's
 * transaction by {@link ConsentFormListener}) and the request goes on without them. A start form's submission
 * ({@code submit-form} of a process definition) is treated the same way: its personal fields are handed to the
 * start's first step ({@link StartFormPersonalData}). The engine never receives the values, so they cannot reach
 * ACT_RU_VARIABLE, ACT_HI_VARINST or ACT_HI_DETAIL.
 *
 * <p>Any other JSON request to the engine that names a personal field (setting variables, correlating
 * a message, querying by value) is refused with 400: personal data goes through the vault only.
 */
public class PersonalDataSubmissionFilter extends OncePerRequestFilter {

  private static final Pattern TASK_SUBMIT = Pattern.compile("^/task/([^/]+)/(submit-form|complete)$");
  private static final Pattern START_BY_KEY = Pattern.compile("^/process-definition/key/([^/]+)(?:/tenant-id/([^/]+))?/submit-form$");
  private static final Pattern START_BY_ID = Pattern.compile("^/process-definition/([^/]+)/submit-form$");
  private static final int MAX_BODY = 512 * 1024;

  private final FormCatalog catalog;
  private final TaskService tasks;
  private final RepositoryService repository;
  private final FormService forms;
  private final Set<String> personalFieldNames;
  private final ObjectMapper json = new ObjectMapper();

  public PersonalDataSubmissionFilter(FormCatalog catalog, ProcessEngine engine) {
    this.catalog = catalog;
    this.tasks = engine.getTaskService();
    this.repository = engine.getRepositoryService();
    this.forms = engine.getFormService();
    Set<String> names = new HashSet<>();
    catalog.all().values().forEach(contract -> names.addAll(PersonalFormFields.names(contract)));
    this.personalFieldNames = Set.copyOf(names);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = RequestPaths.enginePath(request);
    String method = request.getMethod();
    boolean writes = "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
    if (path != null && writes && namesPersonalVariable(path)) {
      refuse(response);
      return;
    }
    String type = request.getContentType();
    if (path == null || !writes || personalFieldNames.isEmpty() || type == null || !type.toLowerCase().contains("json")) {
      chain.doFilter(request, response);
      return;
    }
    CachedBodyRequest cached = CachedBodyRequest.read(request, MAX_BODY);
    if (cached == null) {
      Problems.write(response, ProblemType.TOO_LARGE, "The request is too large");
      return;
    }
    JsonNode body;
    try {
      body = cached.body().length == 0 ? null : json.readTree(cached.body());
    } catch (IOException malformed) {
      chain.doFilter(cached, response); // not ours to judge; the engine answers
      return;
    }
    Matcher submit = TASK_SUBMIT.matcher(path);
    Optional<Class<? extends Record>> contract = submit.matches() ? contractOfTask(submit.group(1)) : Optional.empty();
    if (contract.isPresent() && !PersonalFormFields.names(contract.get()).isEmpty() && body instanceof ObjectNode root) {
      forwardWithoutPersonalData(submit.group(1), contract.get(), root, cached, response, chain);
      return;
    }
    Optional<String> startForm = submit.matches() ? Optional.empty() : startFormOf(path);
    Optional<Class<? extends Record>> startContract = startForm.flatMap(catalog::contractFor);
    if (startContract.isPresent() && !PersonalFormFields.names(startContract.get()).isEmpty() && body instanceof ObjectNode root) {
      forwardStartWithoutPersonalData(startForm.get(), startContract.get(), root, cached, response, chain);
      return;
    }
    if (body != null && namesPersonalField(body)) {
      refuse(response);
      return;
    }
    chain.doFilter(cached, response);
  }

  private static void refuse(HttpServletResponse response) throws IOException {
    Problems.write(response, ProblemType.INVALID_REQUEST, "Personal data fields may only be submitted with "
        + "the form that collects them; they go to the personal-data vault, never into process variables");
  }

  /** .../variables/personGivenName (PUT one variable, or POST .../data for a binary one). */
  private boolean namesPersonalVariable(String path) {
    for (String segment : path.split("/")) {
      if (personalFieldNames.contains(segment)) {
        return true;
      }
    }
    return false;
  }

  private void forwardWithoutPersonalData(String taskId, Class<? extends Record> contract, ObjectNode root,
      CachedBodyRequest cached, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
    Map<String, Object> submitted = SubmittedVariables.fromRequestBody(root);
    PersonRecord person = PersonalFormFields.person(contract, submitted);
    RepresentativeRecord representative = PersonalFormFields.representative(contract, submitted);
    JsonNode variables = root.get("variables");
    if (variables instanceof ObjectNode object) {
      PersonalFormFields.names(contract).forEach(object::remove);
    }
    if (!person.isEmpty() || !representative.isEmpty()) {
      PendingPersonalData.put(taskId, person, representative);
    }
    try {
      chain.doFilter(CachedBodyRequest.replacing(cached, json.writeValueAsBytes(root)), response);
    } finally {
      PendingPersonalData.clear();
    }
  }

  private void forwardStartWithoutPersonalData(String formId, Class<? extends Record> contract, ObjectNode root,
      CachedBodyRequest cached, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
    PersonRecord person = PersonalFormFields.person(contract, SubmittedVariables.fromRequestBody(root));
    JsonNode variables = root.get("variables");
    if (variables instanceof ObjectNode object) {
      PersonalFormFields.names(contract).forEach(object::remove);
    }
    StartFormPersonalData.hold(formId, person);
    try {
      chain.doFilter(CachedBodyRequest.replacing(cached, json.writeValueAsBytes(root)), response);
    } finally {
      StartFormPersonalData.clear();
    }
  }

  /** The start form a submission starts with, looked up without the caller's rights (the engine checks those). */
  private Optional<String> startFormOf(String path) {
    Matcher byKey = START_BY_KEY.matcher(path);
    ProcessDefinition definition = null;
    if (byKey.matches()) {
      var query = repository.createProcessDefinitionQuery().processDefinitionKey(byKey.group(1)).latestVersion();
      definition = (byKey.group(2) == null ? query.withoutTenantId() : query.tenantIdIn(byKey.group(2))).singleResult();
    } else {
      Matcher byId = START_BY_ID.matcher(path);
      if (byId.matches() && !"key".equals(byId.group(1))) {
        definition = repository.createProcessDefinitionQuery().processDefinitionId(byId.group(1)).singleResult();
      }
    }
    if (definition == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(forms.getStartFormData(definition.getId()).getCamundaFormRef()).map(CamundaFormRef::getKey);
  }

  private Optional<Class<? extends Record>> contractOfTask(String taskId) {
    // Looked up without the caller's rights; the engine checks those when it completes the task.
    Task task = tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
    return Optional.ofNullable(task).map(Task::getCamundaFormRef).map(CamundaFormRef::getKey).flatMap(catalog::contractFor);
  }

  private boolean namesPersonalField(JsonNode node) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (personalFieldNames.contains(field.getKey()) || namesPersonalField(field.getValue())) {
          return true;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode item : node) {
        if (namesPersonalField(item)) {
          return true;
        }
        if (item.isObject() && item.has("name") && personalFieldNames.contains(item.get("name").asText())) {
          return true; // {"name": "personGivenName", "value": ...} in variable queries
        }
      }
    }
    return false;
  }
}
