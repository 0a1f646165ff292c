package org.carpentries.amy.api.bootstrap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Tells whoever started AMY where it is and how to log in. */
@Component
class ReadyBanner implements ApplicationListener<ApplicationReadyEvent> {

    private final String admin;

    ReadyBanner(@Value("${amy.admin.username:admin}") String admin) {
        this.admin = admin;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        int port = web.getWebServer().getPort();
        System.out.println("\nAMY is ready at http://localhost:" + port + "/\n"
                + "  Log in as '" + admin + "' (password: AMY_ADMIN_PASSWORD, or the one printed at the first start).\n"
                + "  API description: http://localhost:" + port + "/swagger-ui.html\n"
                + "  Public export:   http://localhost:" + port + "/api/v1/events/published.yaml\n");
    }
}
