package org.carpentries.amy.api.problem;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import org.carpentries.amy.api.security.Access;
import org.carpentries.amy.api.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside Spring MVC (the container's 400 for a malformed request line, a filter's {@code sendError})
 * end here instead of Spring Boot's JSON error page: problem+json with the code of the status.
 */
@RestController
@Hidden
class ErrorPages implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    @Access(Caller.ANONYMOUS)
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null ? HttpStatus.valueOf(i)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        ProblemDetail problem = Problems.of(status, ProblemHandler.code(status.value()), status.is5xxServerError()
                ? "Something went wrong on our side; the request id in X-Request-Id helps us find it."
                : "The request was refused: " + status.getReasonPhrase() + ".");
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
