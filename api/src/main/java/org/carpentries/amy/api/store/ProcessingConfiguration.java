package org.carpentries.amy.api.store;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.lifecycle.Phase;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.springboot.EventProcessorProperties;
import org.carpentries.amy.query.replay.ReadModel;
import org.carpentries.amy.query.replay.ReadModels;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.function.SingletonSupplier;

@Configuration(proxyBeanMethods = false)
class ProcessingConfiguration {

    private static final String READ_MODEL_SOURCE = "readModelSource";
    private static final String BATCH_WAKES_WRITES = ProcessingConfiguration.class.getName() + ".wakesWrites";

    /** The read models' source: the event store, telling waiting processors about each local commit. */
    @Bean(READ_MODEL_SOURCE)
    NotifyingEventSource readModelSource(EventStore eventStore) {
        return new NotifyingEventSource(eventStore);
    }

    @Bean
    EventCapture eventCapture() {
        return new EventCapture();
    }

    @Bean
    InitializingBean wireEventStore(EventStore eventStore, NotifyingEventSource source, EventCapture capture) {
        return () -> {
            eventStore.registerDispatchInterceptor(capture);
            eventStore.subscribe(events -> {
                Set<Class<?>> types = new HashSet<>();
                events.forEach(e -> types.add(e.getPayloadType()));
                if (CurrentUnitOfWork.isStarted()) {
                    CurrentUnitOfWork.get().afterCommit(u -> source.eventsCommitted(types));
                } else {
                    source.eventsCommitted(types);
                }
            });
        };
    }

    /**
     * A projection that fails on an event must not skip it (Axon's default logs and moves on, and the view silently
     * loses the change). Every projection group has a dead-letter queue ({@code dlq.enabled} in application.yml):
     * the event is parked with its cause, later events of the same aggregate queue behind it, and the processor goes
     * on with the others. A group without a queue still propagates the error and retries with back-off. Each
     * decision to dead-letter is told to {@link DeadLetterSightings}, so writes look for their events in the queue.
     */
    @Bean
    ConfigurerModule projectionsDeadLetterInsteadOfSkipping(DeadLetterSightings sightings) {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerDefaultDeadLetterPolicy(c -> DeadLetterPolicy.countingRetries(sightings::enqueued));
    }

    /**
     * Each processor that reads {@code readModelSource} reads it as itself ({@link NotifyingEventSource#forProcessor}),
     * so that a commit wakes only the processors with a handler for one of its events; which those are, the read
     * models' processors say once every bean exists. A processor that is not a read model is woken by every commit.
     */
    @Bean
    ConfigurerModule processorsWokenOnlyByTheirEvents(EventProcessorProperties properties,
                                                      ObjectProvider<NotifyingEventSource> source) {
        return configurer -> properties.getProcessors().forEach((name, settings) -> {
            if (READ_MODEL_SOURCE.equals(settings.getSource())) {
                configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(name,
                        (config, builder) -> builder.messageSource(source.getObject().forProcessor(name)));
            }
        });
    }

    @Bean
    ReadModelProcessors readModelProcessors(@Value("${amy.read-model-processors:}") String spec,
                                            List<ReadModel> models, EventProcessorProperties properties) {
        ReadModelProcessors processors = ReadModelProcessors.parse(spec, models.stream().map(ReadModel::name).toList());
        processors.assignments().values().stream().distinct()
                .filter(name -> !properties.getProcessors().containsKey(name)).findFirst().ifPresent(name -> {
                    throw new IllegalStateException("amy.read-model-processors names processor \"" + name
                            + "\", which has no settings under axon.eventhandling.processors");
                });
        return processors;
    }

    @Bean
    ReadModelMoves readModelMoves(JdbcTemplate jdbc, PlatformTransactionManager transactions, TokenStore tokenStore,
                                  @Qualifier("serializer") Serializer serializer) {
        return new ReadModelMoves(jdbc, new TransactionTemplate(transactions), tokenStore, serializer);
    }

    /**
     * Read models that share a processor ({@link ReadModelProcessors}): their processing groups are assigned to it.
     * Before any processor starts, the models' positions follow them to the processors they now run in
     * ({@link ReadModelMoves}); once the processors run, the models whose positions could not follow are rebuilt.
     */
    @Bean
    ConfigurerModule readModelsShareProcessors(ReadModelProcessors processors, List<ReadModel> models,
                                               ObjectProvider<ReadModelMoves> moves,
                                               ObjectProvider<ReadModels> readModels) {
        Map<String, String> processorByModel = new LinkedHashMap<>();
        models.forEach(m -> processorByModel.put(m.name(), processors.processorOf(m.name())));
        return configurer -> {
            processors.assignments().forEach((model, processor) ->
                    configurer.eventProcessing().assignProcessingGroup(model, processor));
            List<String> rebuild = new ArrayList<>();
            configurer.onStart(Phase.LOCAL_MESSAGE_HANDLER_REGISTRATIONS,
                    () -> rebuild.addAll(moves.getObject().move(processorByModel,
                            readModels.getObject()::handles)));
            configurer.onStart(Phase.INSTRUCTION_COMPONENTS, () -> {
                if (!rebuild.isEmpty()) {
                    readModels.getObject().rebuild(rebuild);
                }
            });
        };
    }

    @Bean
    SmartInitializingSingleton readModelsSayWhatWakesThem(NotifyingEventSource source, ReadModels readModels) {
        return () -> {
            source.handledBy(readModels::concerns);
        };
    }

    /**
     * Each read model processor's batch, once it has ended and the processor's position has moved, wakes the writes
     * waiting for one of its models ({@link ReadModels#batchEnded}): a unit of work's clean-up runs after its
     * after-commit callbacks, among them the one in which Axon's work package records the new position. Writes used to look every millisecond.
     * With {@code amy.read-model-trace} on, the same mark is the batch's record in {@link BatchTrace}.
     */
    @Bean
    ConfigurerModule processorsWakeWaitingWrites(ObjectProvider<ReadModels> readModels, BatchTrace trace) {
        Supplier<ReadModels> models = SingletonSupplier.of(readModels::getObject);
        return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor((config, name) ->
                (unitOfWork, chain) -> {
                    UnitOfWork<?> batch = unitOfWork.root();
                    Object mark = batch.resources().get(BATCH_WAKES_WRITES);
                    if (mark == null) {
                        BatchTrace.Batch traced = trace.enabled() ? trace.started(name, batch) : null;
                        mark = traced == null ? Boolean.TRUE : traced;
                        batch.resources().put(BATCH_WAKES_WRITES, mark);
                        batch.onCleanup(u -> {
                            models.get().batchEnded(name);
                            if (traced != null) {
                                traced.woke();
                            }
                        });
                    }
                    if (!(mark instanceof BatchTrace.Batch traced)) {
                        return chain.proceed();
                    }
                    Object result = chain.proceed();
                    traced.handled(unitOfWork.getMessage());
                    return result;
                });
    }

    /**
     * The processors' tokens through Axon's JDBC token store, on the table and columns its JPA store used (V001), so
     * a database keeps its tokens. A processor stores its token once per batch: through JPA each store was a JPQL
     * update that Hibernate translated, bound and flushed the session for, a third of the processor threads' CPU
     * under load (docs/benchmarks.md); through JDBC it is one prepared UPDATE on the batch's connection, which also
     * lets the batch's transaction commit without waiting for the disk ({@link ProjectionTokenStore}).
     */
    @Bean
    TokenStore tokenStore(DataSource dataSource, @Qualifier("serializer") Serializer serializer) {
        return ProjectionTokenStore.create(new SpringDataSourceConnectionProvider(dataSource), serializer,
                TokenSchema.builder()
                        .setTokenTable("token_entry")
                        .setProcessorNameColumn("processor_name")
                        .setSegmentColumn("segment")
                        .setTokenColumn("token")
                        .setTokenTypeColumn("token_type")
                        .setTimestampColumn("timestamp")
                        .setOwnerColumn("owner")
                        .build(),
                ManagementFactory.getRuntimeMXBean().getName());
    }

    @Bean
    ProjectionSavepoints projectionSavepoints(DataSource dataSource) {
        return new ProjectionSavepoints(dataSource);
    }
}
