package md.nrs.referral.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import md.nrs.referral.agencies.Agencies;
import md.nrs.referral.engine.Caller;
import md.nrs.referral.errors.ApiProblem;
import md.nrs.referral.errors.ProblemType;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The referral intake API: an agency's system refers a case with {@code POST /api/referrals} (HTTP Basic,
 * as a user of that agency; the referring agency is the caller's agency group). The same referral sent
 * again under the same {@code sourceReference} answers the case already opened; nothing is left behind
 * by a refused request. Described in the OpenAPI document {@code /api/openapi.json}.
 */
@RestController
public class ReferralIntakeController {

  /** Far above any real referral (the longest text is the 2,000-character summary). */
  static final int MAX_BODY_BYTES = 64 * 1024;
  static final String PATH = "/api/referrals";
  static final String TASKLIST = "/camunda/app/tasklist/default/";

  private final ReferralRequestReader reader;
  private final ReferralIntake intake;
  private final Agencies agencies;
  private final IdentityService identity;

  public ReferralIntakeController(ReferralRequestReader reader, ReferralIntake intake, Agencies agencies,
      IdentityService identity) {
    this.reader = reader;
    this.intake = intake;
    this.agencies = agencies;
    this.identity = identity;
  }

  @Operation(summary = "Refer a case", description = "Opens an NRS case for the referral, or answers the case "
      + "already opened for the same sourceReference of the caller's agency (idempotent). Personal data goes in "
      + "'person' only and never into the case's process variables.",
      security = @SecurityRequirement(name = IntakeOpenApi.BASIC_AUTH),
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
          mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(ref = IntakeOpenApi.REQUEST_SCHEMA_REF))),
      responses = {
          @ApiResponse(responseCode = "201", description = "A case was opened",
              content = @Content(schema = @Schema(implementation = ReferralReceipt.class))),
          @ApiResponse(responseCode = "200", description = "This referral was received before: its case",
              content = @Content(schema = @Schema(implementation = ReferralReceipt.class))),
          @ApiResponse(responseCode = "400", description = "Malformed JSON, or fields missing or wrong (fieldErrors names each)"),
          @ApiResponse(responseCode = "401", description = "No or wrong credentials"),
          @ApiResponse(responseCode = "403", description = "The caller is not staff of one NRS agency"),
          @ApiResponse(responseCode = "409", description = "The sourceReference was used for a different referral"),
          @ApiResponse(responseCode = "413", description = "The body is larger than 64 KB"),
          @ApiResponse(responseCode = "415", description = "The body is not application/json"),
          @ApiResponse(responseCode = "422", description = "The personal data could not be kept in the vault")})
  @PostMapping(PATH)
  public ResponseEntity<ReferralReceipt> refer(HttpServletRequest request) throws IOException {
    Caller caller = Caller.current(identity);
    if (!caller.authenticated()) {
      throw new ApiProblem(ProblemType.AUTHENTICATION_REQUIRED, "Authentication required: HTTP Basic with a platform user");
    }
    String agencyId = referringAgency(caller);
    if (request.getContentType() == null || !MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(request.getContentType()))) {
      throw new ApiProblem(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the referral as application/json");
    }
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      throw new ApiProblem(ProblemType.TOO_LARGE, "The body is larger than " + MAX_BODY_BYTES / 1024 + " KB");
    }
    byte[] body = readAtMost(request.getInputStream(), MAX_BODY_BYTES);
    if (body == null) {
      throw new ApiProblem(ProblemType.TOO_LARGE, "The body is larger than " + MAX_BODY_BYTES / 1024 + " KB");
    }
    IntakeReferral referral;
    try {
      referral = reader.read(reader.parse(body));
    } catch (ReferralRequestReader.Malformed malformed) {
      throw new ApiProblem.Invalid(malformed.getMessage());
    } catch (ReferralRequestReader.Invalid invalid) {
      throw ApiProblem.Invalid.naming("referral", invalid.errors());
    }
    ReferralIntake.Receipt receipt;
    try {
      receipt = intake.receive(referral, agencyId, caller.userId());
    } catch (PersonalDataNotAccepted refused) {
      throw new ApiProblem(ProblemType.PERSONAL_DATA_NOT_ACCEPTED, refused.getMessage());
    } catch (AuthorizationException notAllowed) {
      throw new ApiProblem.Forbidden("You may not open NRS cases");
    }
    return switch (receipt.outcome()) {
      case CREATED -> ResponseEntity.created(URI.create(self(receipt.sourceReference()))).body(receiptBody(receipt));
      case ALREADY_RECEIVED -> ResponseEntity.ok(receiptBody(receipt));
      case DIFFERENT_REFERRAL -> throw new ApiProblem.Conflict("The sourceReference " + receipt.sourceReference()
          + " was already used by " + agencyId + " for a different referral (case " + receipt.caseCode() + ")");
    };
  }

  @Operation(summary = "The case opened for one of your referrals",
      security = @SecurityRequirement(name = IntakeOpenApi.BASIC_AUTH),
      responses = {
          @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReferralReceipt.class))),
          @ApiResponse(responseCode = "404", description = "Your agency sent no referral with this reference")})
  @GetMapping(PATH + "/{sourceReference}")
  public ResponseEntity<ReferralReceipt> find(@PathVariable String sourceReference) {
    Caller caller = Caller.current(identity);
    String agencyId = referringAgency(caller);
    return intake.find(agencyId, sourceReference)
        .map(known -> ResponseEntity.ok(receiptBody(new ReferralIntake.Receipt(ReferralIntake.Outcome.ALREADY_RECEIVED,
            known.getCaseCode(), known.getSourceReference(), agencyId))))
        .orElseThrow(() -> new ApiProblem.NotFound(agencyId + " sent no referral with this reference"));
  }

  /** The caller's agency: exactly one active agency or team of the directory among their groups. */
  private String referringAgency(Caller caller) {
    List<String> groups = caller.groups();
    List<String> own = agencies.activeAmong(groups);
    if (own.isEmpty()) {
      throw new NotAnAgency("Only staff of an NRS agency may refer cases; " + (caller.userId() == null ? "you" : caller.userId())
          + " belongs to no agency of the directory");
    }
    if (own.size() > 1) {
      throw new NotAnAgency("The referring agency must be clear: " + caller.userId() + " belongs to " + String.join(", ", own)
          + "; use a user of one agency");
    }
    return own.get(0);
  }

  /** Up to {@code limit} bytes, or null when the body is longer (a chunked body has no Content-Length). */
  private static byte[] readAtMost(InputStream in, int limit) throws IOException {
    byte[] bytes = in.readNBytes(limit + 1);
    return bytes.length > limit ? null : bytes;
  }

  private static String self(String sourceReference) {
    return PATH + "/" + sourceReference;
  }

  private static ReferralReceipt receiptBody(ReferralIntake.Receipt receipt) {
    return new ReferralReceipt(receipt.caseCode(), receipt.sourceReference(), receipt.agencyId(),
        Map.of("self", self(receipt.sourceReference()), "tasklist", TASKLIST));
  }

  /** The answer to a referral. */
  @Schema(name = "ReferralReceipt")
  public record ReferralReceipt(
      @Schema(example = "NRS-2026-000123") String caseCode,
      String sourceReference,
      @Schema(description = "The caller's agency") String referringAgency,
      @Schema(description = "self: this referral; tasklist: where the case's tasks are worked") Map<String, String> links) {
  }

  private static final class NotAnAgency extends ApiProblem.Forbidden {
    NotAnAgency(String message) {
      super(message);
    }
  }
}
