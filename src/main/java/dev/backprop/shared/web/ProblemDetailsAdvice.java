package dev.backprop.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import dev.backprop.shared.BusyException;
import dev.backprop.shared.WorkingStorageException;
import dev.backprop.shared.ConflictException;
import dev.backprop.shared.InvalidRequestException;
import dev.backprop.shared.NotFoundException;
import dev.backprop.shared.TooLargeException;
import dev.backprop.shared.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.env.Environment;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place where exceptions become HTTP answers: RFC 9457 problem details with a stable {@code type},
 * a {@code detail} that says what to fix, and for invalid input an {@code errors} list with JSON paths.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final Environment environment;

    ProblemDetailsAdvice(Environment environment) {
        this.environment = environment;
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> invalid(InvalidRequestException e) {
        return problem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST, e.getMessage(), e.violations());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND, e.getMessage(), List.of());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, ProblemType.CONFLICT, e.getMessage(), List.of());
    }

    @ExceptionHandler(TooLargeException.class)
    ResponseEntity<Object> tooLarge(TooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, ProblemType.TOO_LARGE, e.getMessage(), List.of());
    }

    @ExceptionHandler(BusyException.class)
    ResponseEntity<Object> busy(BusyException e) {
        ResponseEntity<Object> body = problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemType.BUSY, e.getMessage(), List.of());
        return ResponseEntity.status(body.getStatusCode())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                .body(body.getBody());
    }

    /**
     * Tomcat 11 refuses a query string or form body it cannot decode (a broken %-escape, a value without a name) when
     * the parameters are first read, with an exception that would otherwise be a 500.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> unreadableParameters(InvalidParameterException e) {
        String message = "The query string cannot be read: " + e.getMessage() + ". Write every parameter as name=value and"
                + " percent-encode special characters (a % itself as %25).";
        return problem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST, message, List.of(new Violation("query", message)));
    }

    /** Our disk, not the caller's request: logged with its cause for the operator, who has to make room. */
    @ExceptionHandler(WorkingStorageException.class)
    ResponseEntity<Object> storageFull(WorkingStorageException e) {
        log.error("Could not write a working file", e);
        return problem(HttpStatus.INSUFFICIENT_STORAGE, ProblemType.STORAGE_FULL, e.getMessage(), List.of());
    }

    /** Two requests wanted the same row at once and this one waited too long: worth retrying, not an error. */
    @ExceptionHandler(PessimisticLockingFailureException.class)
    ResponseEntity<Object> lockTimeout(PessimisticLockingFailureException e) {
        return busy(new BusyException("Another request is changing the same data right now; retry in a moment.",
                java.time.Duration.ofSeconds(1)));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        String message = "parameter '" + e.getName() + "' has the wrong type: '" + e.getValue() + "' is not a valid "
                + (e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName());
        return problem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST, message, List.of(new Violation(e.getName(), message)));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemType.INTERNAL,
                "An unexpected error occurred; it has been logged. Please report it if it persists.", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        TooLargeException tooLarge = findCause(e, TooLargeException.class);
        if (tooLarge != null) {
            return tooLarge(tooLarge);
        }
        JacksonException jackson = findCause(e, JacksonException.class);
        if (jackson == null) {
            return problem(HttpStatus.BAD_REQUEST, ProblemType.MALFORMED_BODY,
                    "The request body is missing or cannot be read: send a JSON document matching the schema in /v3/api-docs.",
                    List.of());
        }
        String path = JsonPaths.of(jackson.getPath());
        String message;
        if (jackson instanceof UnrecognizedPropertyException unknown) {
            message = "unknown field '" + unknown.getPropertyName() + "'; allowed fields: " + unknown.getKnownPropertyIds();
        } else if (jackson instanceof StreamReadException) {
            message = "malformed JSON: " + firstLine(jackson.getOriginalMessage());
        } else if (jackson.getPath().isEmpty()) {
            message = "wrong shape: " + firstLine(jackson.getOriginalMessage());
        } else {
            message = "wrong type or value: " + firstLine(jackson.getOriginalMessage());
        }
        return problem(HttpStatus.BAD_REQUEST, ProblemType.MALFORMED_BODY,
                "The request body is not valid JSON for this endpoint: " + message, List.of(new Violation(path, message)));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> violations = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new Violation("$." + error.getField(), error.getDefaultMessage()))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST, "The request has invalid values.", violations);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> violations = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new Violation(result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST, "The request has invalid parameters.", violations);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // Tomcat reports which of the two limits was hit only through the class of the cause.
        boolean wholeRequest = true;
        for (Throwable t = e; t != null; t = t.getCause()) {
            wholeRequest &= !t.getClass().getSimpleName().equals("FileSizeLimitExceededException");
        }
        String property = wholeRequest ? "spring.servlet.multipart.max-request-size" : "spring.servlet.multipart.max-file-size";
        String limit = environment.getProperty(property, wholeRequest ? "10MB" : "1MB");
        return problem(HttpStatus.CONTENT_TOO_LARGE, ProblemType.TOO_LARGE, (wholeRequest ? "The request" : "The uploaded file")
                + " is larger than the limit " + property + " = " + limit + "; split the file or raise the limit.", List.of());
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        // Spring's own MVC exceptions (404 route, 405, 415 …): keep their status and detail, add our type.
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail detail) {
            if (detail.getType() == null || URI.create("about:blank").equals(detail.getType())) {
                detail.setType(ProblemType.forStatus(status.value()).uri());
            }
            withRequestId(detail);
        }
        return response == null ? null
                : ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(response.getBody());
    }

    static ResponseEntity<Object> problem(HttpStatus status, ProblemType type, String detail, List<Violation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        withRequestId(problem);
        if (!violations.isEmpty()) {
            problem.setProperty("errors", violations.stream()
                    .map(v -> Map.of("path", v.path(), "message", v.message()))
                    .toList());
        }
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static void withRequestId(ProblemDetail problem) {
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
