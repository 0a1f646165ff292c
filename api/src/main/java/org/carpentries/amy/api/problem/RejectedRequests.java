package org.carpentries.amy.api.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Spring Security's firewall refuses paths with encoded slashes, {@code ..}, {@code ;} or NUL before any controller:
 * a 400 problem {@code request-rejected} instead of the container's error page.
 */
@Component
class RejectedRequests implements RequestRejectedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        Problems.write(response, HttpStatus.BAD_REQUEST, "request-rejected",
                "The request's path or headers hold characters or sequences AMY never accepts.");
    }
}
