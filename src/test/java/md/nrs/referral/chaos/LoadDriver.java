package md.nrs.referral.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import md.nrs.referral.agencies.delivery.WebhookSender;
import md.nrs.referral.casepath.ApproveAssistancePlanForm;
import md.nrs.referral.casepath.IdentificationInterviewForm;
import md.nrs.referral.casepath.NeedsAssessmentForm;
import md.nrs.referral.childprotection.AppointRepresentativeForm;
import md.nrs.referral.childprotection.ChildFriendlyInterviewForm;
import md.nrs.referral.childprotection.AssessChildSituationForm;
import md.nrs.referral.childprotection.BestInterestsProcess;
import md.nrs.referral.childprotection.ChildProtectionProcess;
import md.nrs.referral.childprotection.DetermineBestInterestsForm;
import md.nrs.referral.engine.PlatformClock;
import md.nrs.referral.hotline.RecordHotlineCallForm;
import md.nrs.referral.testing.FormSubmission;
import md.nrs.referral.testing.InformedConsent;
import md.nrs.referral.testing.PlatformHttp;

/**
 * Simulated NRS staff spread over both nodes: referring agencies' systems posting referrals to the intake
 * API (retrying the same sourceReference on errors and timeouts, on the other node), the child's
 * multidisciplinary team working each case up to the plan, coordinators approving it, providers' systems
 * answering their referrals through the callback API, and a hotline recording calls. Now and then two
 * people complete the same task at the same moment on different nodes. Clients repeat what got no answer with its
 * key: referrals with their sourceReference, hotline calls with an Idempotency-Key, callbacks with theirs.
 */
final class LoadDriver {

  static final String PASSWORD = "Chaos#Secret-2026";
  static final String ADMIN = "admin";
  static final List<String> REFERRING = List.of("la-strada", "cap-chisinau", "womens-initiative");
  static final String TEAM = "mdt-chisinau";
  static final List<String> TEAM_MEMBERS = List.of("ch.mdt.1", "ch.mdt.2");
  static final List<String> COORDINATORS = List.of("ch.coord.1", "ch.coord.2");
  /** The guardianship authority's staff: a child's case waits for its first steps before consent. */
  static final List<String> GUARDIANSHIP = List.of("ch.guardianship.1", "ch.guardianship.2");
  static final String ASSESS_CHILD = ChildProtectionProcess.Elements.ASSESS_SITUATION;
  static final String APPOINT_REPRESENTATIVE = ChildProtectionProcess.Elements.APPOINT_REPRESENTATIVE;
  static final String CHILD_INTERVIEW = ChildProtectionProcess.Elements.CHILD_FRIENDLY_INTERVIEW;
  /** After the plan, a child's services wait for the guardianship authority's best-interests determination. */
  static final String DETERMINE_BEST_INTERESTS = BestInterestsProcess.Elements.DETERMINE;
  static final String AUDITOR = "ch.auditor";
  static final String IDENTIFICATION = "UserTask_IdentificationInterview";
  static final String CONSENT = "UserTask_InformedConsent";
  static final String NEEDS = "UserTask_NeedsAssessment";
  static final String APPROVE = "UserTask_ApprovePlan";
  static final String ANSWER_REFERRAL = "UserTask_AnswerReferral";
  /** Marks the personal data the driver sends, to look for it in the nodes' logs. */
  static final String FAMILY_NAME = "Vulnerabilescu";
  static final String HOTLINE_KEY_HEADER = "Idempotency-Key";
  /** The case's team: SLA reminders about its open steps go to it. */
  static final String CASE_TEAM = TEAM;

  /** A conflict: two people submitting one task at once on the two nodes. */
  record Conflict(String taskKey, Requests.Call first, Requests.Call second) {
    boolean conclusive() {
      return first.answered() && second.answered() && first.status() < 500 && second.status() < 500
          && first.status() != 503 && second.status() != 503;
    }

    boolean oneWonOneRefusedClearly() {
      Requests.Call winner = first.ok() ? first : second;
      Requests.Call loser = first.ok() ? second : first;
      return winner.ok() && !loser.ok() && loser.status() >= 400 && loser.status() < 500
          && loser.body() != null && loser.body().contains("\"message\"");
    }
  }

  private final ObjectMapper json = new ObjectMapper();
  private final Requests requests;
  private final int[] ports;
  private final String[] names = {"node-a", "node-b"};
  private final String adminPassword;
  private final String webhookSecret;
  private final AgencyStandIn agencies;
  private final String run;
  private final AtomicInteger turn = new AtomicInteger();
  private final AtomicInteger referralCounter = new AtomicInteger();
  private volatile boolean producing = true;
  private volatile boolean stopped;
  private final List<Thread> threads = new ArrayList<>();

  // results
  final Map<String, String> acknowledged = new ConcurrentHashMap<>();
  final Set<String> doubledAcknowledgements = ConcurrentHashMap.newKeySet();
  final Set<String> unacknowledged = ConcurrentHashMap.newKeySet();
  final Set<String> drivenToApproval = ConcurrentHashMap.newKeySet();
  final Set<String> notDriven = ConcurrentHashMap.newKeySet();
  final List<Conflict> conflicts = new CopyOnWriteArrayList<>();
  /** Idempotency-Key → the hotline call (process instance) its answer named. */
  final Map<String, String> hotlineCalls = new ConcurrentHashMap<>();
  final Set<String> hotlineDoubled = ConcurrentHashMap.newKeySet();
  final Set<String> hotlineUnanswered = ConcurrentHashMap.newKeySet();
  final AtomicInteger hotlineRepeated = new AtomicInteger();
  final Set<String> callbacksApplied = ConcurrentHashMap.newKeySet();
  final Set<String> callbacksFailed = ConcurrentHashMap.newKeySet();
  final AtomicInteger retriesResolvedByRecheck = new AtomicInteger();
  final List<Requests.Call> unexpected = new CopyOnWriteArrayList<>();
  /** 404s that answered a repeated submit whose first attempt had gone through (its answer lost). */
  final Set<Requests.Call> resolvedByRecheck = ConcurrentHashMap.newKeySet();

  LoadDriver(Requests requests, int portA, int portB, String adminPassword, String webhookSecret, AgencyStandIn agencies,
      String run) {
    this.requests = requests;
    this.ports = new int[] {portA, portB};
    this.adminPassword = adminPassword;
    this.webhookSecret = webhookSecret;
    this.agencies = agencies;
    this.run = run;
  }

  /** Users of each role, and every agency's webhook pointing at the stand-in (as an administrator would). */
  void setUp(List<String> providerAgencies) {
    for (String agency : REFERRING) {
      user("ch.intake." + agency, agency, "caseworkers");
    }
    for (String member : TEAM_MEMBERS) {
      user(member, TEAM, "caseworkers");
    }
    for (String coordinator : COORDINATORS) {
      user(coordinator, "nrs-coordinators");
    }
    for (String member : GUARDIANSHIP) {
      user(member, "guardianship-chisinau", "caseworkers");
    }
    user(AUDITOR, "auditors");
    for (String provider : providerAgencies) {
      if (!REFERRING.contains(provider)) {
        user("ch.intake." + provider, provider, "caseworkers");
      }
    }
    // Every agency the run notifies has a webhook, the case's team included (the SLA sweep reminds it of open
    // steps), so a notification NOT_SENT can only be a refusal at delivery, which the checks tell apart.
    Set<String> hooked = new HashSet<>(providerAgencies);
    hooked.add("guardianship-chisinau");
    hooked.add(CASE_TEAM);
    for (String agency : hooked) {
      webhookFor(agency);
    }
  }

  void start(int caseworkers) {
    for (int i = 0; i < caseworkers; i++) {
      int worker = i;
      threads.add(LoadDriver.started("caseworker-" + i, () -> caseworker(worker)));
    }
    threads.add(LoadDriver.started("hotline", this::hotline));
    for (int i = 0; i < 2; i++) {
      threads.add(LoadDriver.started("provider-callbacks-" + i, this::providerCallbacks));
    }
  }

  /** No new referrals or calls; cases under way are finished, callbacks still answered. */
  void stopProducing() {
    producing = false;
  }

  /** Waits for the cases under way, then for the callbacks to drain, then stops everything. */
  void finish(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Thread thread : threads) {
      if (thread.getName().startsWith("caseworker") || thread.getName().equals("hotline")) {
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      }
    }
    while (System.nanoTime() < deadline && !agencies.callbacksDue().isEmpty()) {
      Thread.sleep(500);
    }
    stopped = true;
    for (Thread thread : threads) {
      thread.join(30_000);
    }
  }

  /** Answers the provider referrals that arrive after the load stopped (late deliveries after recovery). */
  void drainCallbacks(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      AgencyStandIn.CallbackDue due = agencies.callbacksDue().poll(1, TimeUnit.SECONDS);
      if (due == null) {
        return;
      }
      callBack(due);
    }
  }

  // --- the simulated people

  private void caseworker(int worker) {
    int made = 0;
    while (producing && !stopped) {
      int number = referralCounter.incrementAndGet();
      String agency = REFERRING.get(worker % REFERRING.size());
      String sourceReference = "CH-" + run + "-" + worker + "-" + (++made);
      String code = refer(sourceReference, agency, number);
      if (code == null) {
        continue;
      }
      boolean conflictOnIdentification = number % 5 == 1;
      boolean conflictOnApproval = number % 5 == 3;
      if (drive(code, conflictOnIdentification, conflictOnApproval)) {
        drivenToApproval.add(code);
      } else {
        notDriven.add(code);
      }
    }
  }

  private String refer(String sourceReference, String agency, int number) {
    String body = """
        {"sourceReference": "%s", "channel": "ngo", "location": "moldova", "category": "trafficking",
         "minor": true, "sex": "female", "ageBand": "7-17", "immediateDanger": false,
         "referralSummary": "Referral %d of the fault suite",
         "person": {"givenName": "Ilinca%s", "familyName": "%s", "documentNumber": "CHX%07d"}}"""
        .formatted(sourceReference, number, letters(number), FAMILY_NAME, number);
    String auth = Requests.basic("ch.intake." + agency, PASSWORD);
    long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    int attempt = 0;
    while (System.nanoTime() < deadline && !stopped) {
      int node = turn.getAndIncrement() % 2;
      Requests.Call call = requests.post("intake", names[node], ports[node], "/api/referrals", auth, body);
      if (call.ok()) {
        String code = field(call.body(), "caseCode");
        String before = acknowledged.putIfAbsent(sourceReference, code);
        if (before != null && !before.equals(code)) {
          doubledAcknowledgements.add(sourceReference);
        }
        return code;
      }
      if (call.answered() && call.status() < 500 && call.status() != 409 && call.status() != 429) {
        unexpected.add(call); // a client mistake the driver did not make: reported, not retried
        unacknowledged.add(sourceReference);
        return null;
      }
      pause(++attempt);
    }
    unacknowledged.add(sourceReference);
    return null;
  }

  /** Works the case up to the approved plan and, for a child, the best-interests determination that lets its services start, as the team, the coordinators and the guardianship authority would; true when it got there. */
  private boolean drive(String code, boolean conflictOnIdentification, boolean conflictOnApproval) {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    Set<String> unknownOutcome = new HashSet<>();
    boolean identificationConflictDone = !conflictOnIdentification;
    boolean approvalConflictDone = !conflictOnApproval;
    boolean approvalAttempted = false;
    boolean bestInterestsAttempted = false;
    int attempt = 0;
    int teamTurn = 0;
    while (System.nanoTime() < deadline && !stopped) {
      JsonNode open = caseTasks(code);
      if (open == null) {
        pause(++attempt);
        continue;
      }
      if (open.isEmpty()) {
        if (approvalAttempted && bestInterestsAttempted) {
          return true;
        }
        pause(++attempt);
        continue;
      }
      JsonNode task = open.get(0);
      String id = task.get("id").asText();
      String key = task.get("taskDefinitionKey").asText();
      Map<String, Object> form = formFor(key);
      if (key.equals(APPROVE)) {
        approvalAttempted = true;
      }
      if (key.equals(DETERMINE_BEST_INTERESTS)) {
        bestInterestsAttempted = true;
      }
      if (key.equals(IDENTIFICATION) && !identificationConflictDone) {
        identificationConflictDone = conflict(key, id, TEAM_MEMBERS, form);
        continue;
      }
      if (key.equals(APPROVE) && !approvalConflictDone) {
        approvalConflictDone = conflict(key, id, COORDINATORS, form);
        continue;
      }
      List<String> staff = key.equals(APPROVE) ? COORDINATORS
          : key.equals(ASSESS_CHILD) || key.equals(APPOINT_REPRESENTATIVE) || key.equals(DETERMINE_BEST_INTERESTS)
              ? GUARDIANSHIP : TEAM_MEMBERS;
      String user = staff.get(teamTurn++ % 2);
      int node = turn.getAndIncrement() % 2;
      Requests.Call call = requests.post("complete " + key, names[node], ports[node], "/engine-rest/task/" + id + "/submit-form",
          Requests.basic(user, PASSWORD), PlatformHttp.formSubmission(form));
      if (call.ok()) {
        attempt = 0;
        continue;
      }
      if (call.status() == 404 && unknownOutcome.contains(id)) {
        retriesResolvedByRecheck.incrementAndGet(); // the earlier attempt went through; its answer was lost
        resolvedByRecheck.add(call);
        continue;
      }
      if (!call.answered() || call.status() >= 500 || call.status() == 409 || call.status() == 429) {
        unknownOutcome.add(id);
        pause(++attempt);
        continue;
      }
      unexpected.add(call);
      pause(++attempt);
    }
    return false;
  }

  /** Two people submit the same task at the same moment, one on each node. True when the outcome was conclusive. */
  private boolean conflict(String key, String taskId, List<String> people, Map<String, Object> form) {
    CountDownLatch ready = new CountDownLatch(2);
    CountDownLatch go = new CountDownLatch(1);
    Requests.Call[] answers = new Requests.Call[2];
    List<Thread> both = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      int side = i;
      both.add(LoadDriver.started("conflict", () -> {
        ready.countDown();
        try {
          go.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        answers[side] = requests.post("conflicting " + key, names[side], ports[side], "/engine-rest/task/" + taskId + "/submit-form",
            Requests.basic(people.get(side), PASSWORD), PlatformHttp.formSubmission(form));
      }));
    }
    try {
      ready.await();
      go.countDown();
      for (Thread thread : both) {
        thread.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
    Conflict conflict = new Conflict(key, answers[0], answers[1]);
    if (conflict.conclusive()) {
      conflicts.add(conflict);
      return true;
    }
    return false; // a node was away: the case goes on and the pair is tried again on the next attempt
  }

  /**
   * A hotline operator records a call every 1.5 s, each under its own Idempotency-Key; a call without an answer
   * (node killed, timeout, 503) is sent again under the same key on the other node until it is answered.
   */
  private void hotline() {
    int number = 0;
    while (producing && !stopped) {
      number++;
      String key = "hl-" + run + "-" + number;
      String form = PlatformHttp.formSubmission(FormSubmission.of(new RecordHotlineCallForm("ro", "other",
          "migration-info", "moldova", false, false, false, "Caller asked about working abroad (" + number + ")")));
      long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      int attempt = 0;
      boolean answered = false;
      while (!answered && System.nanoTime() < deadline && !stopped) {
        int node = turn.getAndIncrement() % 2;
        Requests.Call call = requests.post("hotline call", names[node], ports[node],
            "/engine-rest/process-definition/key/hotline-call/submit-form", Requests.basic("ch.intake.la-strada", PASSWORD), form,
            Map.of(HOTLINE_KEY_HEADER, key));
        if (call.ok()) {
          String id = field(call.body(), "id");
          String before = hotlineCalls.putIfAbsent(key, id);
          if (before != null && !before.equals(id)) {
            hotlineDoubled.add(key + ": " + before + " and " + id);
          }
          if (attempt > 0) {
            hotlineRepeated.incrementAndGet();
          }
          answered = true;
        } else if (!call.answered() || call.status() >= 500 || call.status() == 409 || call.status() == 429) {
          pause(++attempt); // the answer was lost or the node is away: the same call again under its key
        } else {
          unexpected.add(call);
          break;
        }
      }
      if (!answered) {
        hotlineUnanswered.add(key);
      }
      sleep(1500);
    }
  }

  private void providerCallbacks() {
    while (!stopped) {
      try {
        AgencyStandIn.CallbackDue due = agencies.callbacksDue().poll(1, TimeUnit.SECONDS);
        if (due != null) {
          callBack(due);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** The provider accepts the referral through the platform's callback API, retrying with the same key. */
  private void callBack(AgencyStandIn.CallbackDue due) {
    String body = """
        {"notificationKey": "%s", "step": "%s", "values": {"providerAnswer": "accept"}}"""
        .formatted(due.notificationKey(), ANSWER_REFERRAL);
    String idempotencyKey = "cb-" + due.notificationKey();
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    int attempt = 0;
    while (System.nanoTime() < deadline) {
      String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
      int node = turn.getAndIncrement() % 2;
      Requests.Call call = requests.post("callback", names[node], ports[node], "/api/callbacks/" + due.agencyId(),
          Requests.basic("ch.intake." + due.agencyId(), PASSWORD), body, Map.of(
              WebhookSender.IDEMPOTENCY_HEADER, idempotencyKey,
              WebhookSender.TIMESTAMP_HEADER, timestamp,
              WebhookSender.SIGNATURE_HEADER, "sha256=" + WebhookSender.sign(webhookSecret, timestamp + "." + body)));
      if (call.ok()) {
        callbacksApplied.add(due.notificationKey());
        return;
      }
      if (call.answered() && call.status() < 500 && call.status() != 409 && call.status() != 429) {
        unexpected.add(call);
        callbacksFailed.add(due.notificationKey());
        return;
      }
      pause(++attempt);
    }
    callbacksFailed.add(due.notificationKey());
  }

  // --- look-ups (not recorded: the administrator's view of the case, as a test oracle)

  private JsonNode caseTasks(String code) {
    int node = turn.getAndIncrement() % 2;
    Requests.Call call = requests.get("look-up", names[node], ports[node], "/engine-rest/task?maxResults=20&processInstanceBusinessKey=" + code
        + "&taskDefinitionKeyIn=" + String.join(",", IDENTIFICATION, ASSESS_CHILD, APPOINT_REPRESENTATIVE, CHILD_INTERVIEW, CONSENT, NEEDS, APPROVE,
        DETERMINE_BEST_INTERESTS),
        Requests.basic(ADMIN, adminPassword));
    if (!call.ok()) {
      return null;
    }
    try {
      return json.readTree(call.body());
    } catch (Exception e) {
      return null;
    }
  }

  private static Map<String, Object> formFor(String key) {
    return switch (key) {
      case IDENTIFICATION -> FormSubmission.of(new IdentificationInterviewForm(LocalDate.now(PlatformClock.zone()), List.of("deception"),
          List.of("labour"), "presumed-victim", null, null));
      case ASSESS_CHILD -> FormSubmission.of(new AssessChildSituationForm("separated", "medium", false, null));
      case APPOINT_REPRESENTATIVE -> FormSubmission.of(new AppointRepresentativeForm("parent", false));
      case CHILD_INTERVIEW -> FormSubmission.of(new ChildFriendlyInterviewForm("mdt-chisinau", true, LocalDate.now(PlatformClock.zone()), true));
      case DETERMINE_BEST_INTERESTS -> FormSubmission.of(new DetermineBestInterestsForm("traced-safe", "heard-agrees",
          "iom-staff", BestInterestsProcess.AGREE, null, null));
      case CONSENT -> InformedConsent.given("guardianship-chisinau", "cap-chisinau", "la-strada", "womens-initiative",
          "community-social-workers").forAChild("legal-representative", "heard-agrees").submission();
      case NEEDS -> FormSubmission.of(new NeedsAssessmentForm(List.of("medical", "psychological"), false,
          "Medical check and psychological support"));
      case APPROVE -> FormSubmission.of(new ApproveAssistancePlanForm("approve", null));
      default -> throw new IllegalStateException("no form for " + key);
    };
  }

  // --- set-up over REST, as the administrator

  private void user(String id, String... groups) {
    String admin = Requests.basic(ADMIN, adminPassword);
    Requests.Call created = requests.post("set-up", names[0], ports[0], "/engine-rest/user/create", admin, """
        {"profile": {"id": "%s", "firstName": "Ana", "lastName": "Simulated", "email": "%s@example.org"},
         "credentials": {"password": "%s"}}""".formatted(id, id, PASSWORD));
    require(created.status() == 204, created);
    for (String group : groups) {
      Requests.Call member = requests.put("set-up", names[0], ports[0], "/engine-rest/group/" + group + "/members/" + id, admin, null);
      require(member.status() == 204, member);
    }
  }

  private void webhookFor(String agency) {
    String admin = Requests.basic(ADMIN, adminPassword);
    Requests.Call current = requests.get("set-up", names[0], ports[0], "/api/agencies/" + agency, admin);
    require(current.ok(), current);
    try {
      JsonNode view = json.readTree(current.body());
      Map<String, Object> update = new LinkedHashMap<>();
      update.put("name", view.get("name").asText());
      update.put("kind", view.get("kind").asText());
      update.put("services", json.convertValue(view.get("services"), List.class));
      update.put("regions", json.convertValue(view.get("regions"), List.class));
      update.put("shelterPlaces", view.get("shelterPlaces").isNull() ? null : view.get("shelterPlaces").asInt());
      update.put("channel", "webhook");
      update.put("webhookUrl", agencies.url(agency));
      update.put("webhookSecret", webhookSecret);
      update.put("active", true);
      update.put("version", view.get("version").asLong());
      Requests.Call put = requests.put("set-up", names[0], ports[0], "/api/agencies/" + agency, admin, json.writeValueAsString(update));
      require(put.ok(), put);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void require(boolean condition, Requests.Call call) {
    if (!condition) {
      throw new IllegalStateException("set-up failed: " + call);
    }
  }

  private String field(String body, String name) {
    try {
      return json.readTree(body).get(name).asText();
    } catch (Exception e) {
      throw new IllegalStateException("no " + name + " in " + body, e);
    }
  }

  /** Letters only (a name has no digits): 1 → "b", 27 → "bb". */
  private static String letters(int number) {
    StringBuilder out = new StringBuilder();
    int n = number;
    do {
      out.append((char) ('a' + n % 26));
      n /= 26;
    } while (n > 0);
    return out.toString();
  }

  static Thread started(String name, Runnable work) {
    Thread thread = new Thread(work, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void pause(int attempt) {
    sleep(Math.min(3000, 250L * attempt));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
