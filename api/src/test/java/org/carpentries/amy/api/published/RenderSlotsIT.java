package org.carpentries.amy.api.published;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.carpentries.amy.query.Renders;
import org.carpentries.amy.support.Api;
import org.carpentries.amy.support.Fixtures;
import org.carpentries.amy.support.FreshDatabaseIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Whole-document renders take turns: while every slot is taken for longer than a render may wait, an export that
 * must be rendered (missing from its cache, or as of an instant) answers 503 {@code renders-busy} with
 * {@code Retry-After}, and changes nothing; a cached export still answers; once a slot is free, the same request
 * answers 200.
 */
@TestPropertySource(properties = {"amy.renders.concurrent=1", "amy.renders.wait=100ms"})
class RenderSlotsIT extends FreshDatabaseIT {

    @Autowired
    private Renders renders;

    @Test
    void exportsThatMustBeRenderedWaitForASlotAndAre503WhenNoneFreesInTime() throws Exception {
        assertThat(api.post("/api/tags", Fixtures.tag("SWC")).status()).isEqualTo(201);
        assertThat(anonymous.get("/api/v1/events/published.yaml").status()).isEqualTo(200);
        String asOf = "/api/v1/events/published.yaml?as_of=" + Instant.now();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            Future<Boolean> slot = pool.submit(() -> renders.render(() -> {
                holding.countDown();
                try {
                    return release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }));
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();

            for (String path : new String[] {asOf, "/api/v1/events/published.json", "/api/v1/export/badges.yaml"}) {
                Api.Response busy = api.get(path);
                assertThat(busy.status()).as(path).isEqualTo(503);
                assertThat(busy.code()).as(path).isEqualTo("renders-busy");
                assertThat(busy.header("Content-Type")).as(path).startsWith("application/problem+json");
                assertThat(busy.header("Retry-After")).as(path).isEqualTo("1");
            }
            assertThat(anonymous.get("/api/v1/events/published.yaml").status()).as("cached").isEqualTo(200);
            assertThat(renders.refused()).isEqualTo(3);
            assertThat(metric("amy.renders.refused")).isEqualTo(3);
            assertThat(metric("amy.renders.waited")).isEqualTo(3);
            assertThat(metric("amy.renders.running")).isEqualTo(1);

            release.countDown();
            assertThat(slot.get(30, TimeUnit.SECONDS)).as("the slot was held until released").isTrue();
            assertThat(api.get(asOf).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/events/published.json").status()).isEqualTo(200);
            assertThat(api.get("/api/v1/export/badges.yaml").status()).isEqualTo(200);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private double metric(String name) {
        return api.get("/actuator/metrics/" + name).json().path("measurements").get(0).path("value").asDouble();
    }
}
