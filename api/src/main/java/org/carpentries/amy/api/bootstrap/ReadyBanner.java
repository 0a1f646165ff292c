package org.carpentries.amy.api.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Tells whoever started AMY where it is and how to log in. */
@Component
class ReadyBanner implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);
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
        log.info("AMY is ready at http://localhost:{}/ - log in as '{}' (password: AMY_ADMIN_PASSWORD, or the one "
                + "logged at the first start); API description: http://localhost:{}/swagger-ui.html; public export: "
                + "http://localhost:{}/api/v1/events/published.yaml", port, admin, port, port);
    }
}
