package org.carpentries.amy.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Map;
import org.axonframework.common.jpa.SimpleEntityManagerProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.carpentries.amy.support.TestDatabases;
import org.flywaydb.core.Flyway;
import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.spi.QueryInterpretationCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.hibernate.SpringImplicitNamingStrategy;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

/**
 * The primer leaves Hibernate holding the queries Axon's JPA engine reads the store with, so the processors parse
 * none of them when they start. On a store of its own, with a persistence unit of its own: Hibernate's cache of
 * parsed queries starts empty.
 */
class TrackedReadPrimerIT {

    private LocalContainerEntityManagerFactoryBean factoryBean;
    private EntityManager entityManager;
    private JpaEventStorageEngine engine;

    @BeforeEach
    void store() {
        String url = TestDatabases.create("primer");
        Flyway.configure().dataSource(url, TestDatabases.user(), TestDatabases.password())
                .locations("classpath:db/migration").load().migrate();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, TestDatabases.user(),
                TestDatabases.password());
        factoryBean = new LocalContainerEntityManagerFactoryBean();
        factoryBean.setDataSource(dataSource);
        factoryBean.setPackagesToScan("org.axonframework.eventsourcing.eventstore.jpa");
        factoryBean.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
        // The names Spring Boot gives the app's persistence unit.
        factoryBean.setJpaPropertyMap(Map.of("hibernate.dialect", AmyPostgresDialect.class.getName(),
                "hibernate.physical_naming_strategy", PhysicalNamingStrategySnakeCaseImpl.class.getName(),
                "hibernate.implicit_naming_strategy", SpringImplicitNamingStrategy.class.getName()));
        factoryBean.afterPropertiesSet();
        entityManager = factoryBean.getObject().createEntityManager();
        engine = JpaEventStorageEngine.builder()
                .entityManagerProvider(new SimpleEntityManagerProvider(entityManager))
                .transactionManager(NoTransactionManager.INSTANCE)
                .snapshotSerializer(JacksonSerializer.defaultSerializer())
                .eventSerializer(JacksonSerializer.defaultSerializer())
                .build();
    }

    @AfterEach
    void close() {
        entityManager.close();
        factoryBean.destroy();
    }

    private QueryInterpretationCache parsed() {
        EntityManagerFactory factory = factoryBean.getObject();
        return factory.unwrap(SessionFactoryImplementor.class).getQueryEngine().getInterpretationCache();
    }

    @Test
    void theProcessorsReadsFindEveryQueryParsedByThePrimer() {
        entityManager.getTransaction().begin();
        engine.appendEvents(new GenericDomainEventMessage<>("Tag", "t", 0, "created"),
                new GenericDomainEventMessage<>("Tag", "t", 1, "renamed"));
        entityManager.getTransaction().commit();
        int before = parsed().getNumberOfCachedHqlInterpretations();

        new TrackedReadPrimer(new StaticListableBeanFactory(Map.of("engine", engine))
                .getBeanProvider(EventStorageEngine.class)).afterSingletonsInstantiated();

        int primed = parsed().getNumberOfCachedHqlInterpretations();
        assertThat(primed).isEqualTo(before + 2);
        // A processor's reads: from the start, then from a position with a gap.
        List<? extends TrackedEventMessage<?>> all = engine.readEvents(null, false).toList();
        assertThat(all.stream().map(e -> (Object) e.getPayload())).containsExactly("created", "renamed");
        long first = ((GapAwareTrackingToken) all.get(0).trackingToken()).getIndex();
        long second = ((GapAwareTrackingToken) all.get(1).trackingToken()).getIndex();
        assertThat(engine.readEvents(GapAwareTrackingToken.newInstance(second, List.of(first)), false)
                .map(e -> (Object) e.getPayload())).containsExactly("created");
        assertThat(parsed().getNumberOfCachedHqlInterpretations()).isEqualTo(primed);
    }
}
