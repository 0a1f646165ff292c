package org.carpentries.amy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** AMY: workshops, people and badges of The Carpentries, event-sourced. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AmyApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(AmyApplication.class, args);
    }
}
