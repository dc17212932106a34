package md.nrs.referral.agencies.directory;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import md.nrs.referral.forms.FieldError;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Error answers of the agency directory, in the platform's JSON shape {"type", "message"}; a 400 adds
 * "fieldErrors" [{"field", "message"}] naming every bad field. Values sent are never echoed.
 */
@RestControllerAdvice(assignableTypes = AgencyDirectoryController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE - 1) // before the general ApiErrors
class AgencyDirectoryErrors {

  private static final String INVALID = "InvalidRequestException";

  @ExceptionHandler(AgencyDirectory.InvalidAgencyException.class)
  ResponseEntity<Map<String, Object>> invalid(AgencyDirectory.InvalidAgencyException e) {
    return body(HttpStatus.BAD_REQUEST, INVALID, e.getMessage(), e.fieldErrors());
  }

  /** Not JSON, or a value of the wrong type (e.g. text for shelterPlaces): the field is named when known. */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = field(mapping.getPath());
      return body(HttpStatus.BAD_REQUEST, INVALID, "Invalid agency: " + field,
          List.of(new FieldError(field, "has the wrong type")));
    }
    return body(HttpStatus.BAD_REQUEST, INVALID, "The request body must be a JSON object describing an agency", List.of());
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
    return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, INVALID, "Send the agency as application/json", null);
  }

  @ExceptionHandler(AgencyDirectoryController.ForbiddenException.class)
  ResponseEntity<Map<String, Object>> forbidden(AgencyDirectoryController.ForbiddenException e) {
    return body(HttpStatus.FORBIDDEN, "AuthorizationException", e.getMessage(), null);
  }

  @ExceptionHandler(AgencyDirectory.NotFoundException.class)
  ResponseEntity<Map<String, Object>> notFound(AgencyDirectory.NotFoundException e) {
    return body(HttpStatus.NOT_FOUND, "NotFoundException", e.getMessage(), null);
  }

  @ExceptionHandler(AgencyDirectory.ConflictException.class)
  ResponseEntity<Map<String, Object>> conflict(AgencyDirectory.ConflictException e) {
    return body(HttpStatus.CONFLICT, "ConflictException", e.getMessage(), null);
  }

  /** Two administrators creating the same id at the same moment: the second insert fails on the primary key. */
  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<Map<String, Object>> integrity(DataIntegrityViolationException e) {
    return body(HttpStatus.CONFLICT, "ConflictException", "The agency conflicts with one stored at the same time", null);
  }

  @ExceptionHandler(AgencyDirectory.StaleVersionException.class)
  ResponseEntity<Map<String, Object>> stale(AgencyDirectory.StaleVersionException e) {
    return body(HttpStatus.CONFLICT, "OptimisticLockingException", e.getMessage(), null);
  }

  /** Changed by someone else between reading and writing (the version check in the database). */
  @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
  ResponseEntity<Map<String, Object>> concurrent(ObjectOptimisticLockingFailureException e) {
    return body(HttpStatus.CONFLICT, "OptimisticLockingException",
        "The agency was changed by someone else at the same time; read it again and repeat the change", null);
  }

  private static String field(List<JsonMappingException.Reference> path) {
    StringBuilder field = new StringBuilder();
    for (JsonMappingException.Reference reference : path) {
      if (reference.getFieldName() != null) {
        field.append(field.isEmpty() ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        field.append('[').append(reference.getIndex()).append(']');
      }
    }
    return field.toString();
  }

  private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String type, String message,
      List<FieldError> fieldErrors) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    if (fieldErrors != null) {
      body.put("fieldErrors", fieldErrors);
    }
    return ResponseEntity.status(status).body(body);
  }
}
