package org.carpentries.amy.query.airports;

import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.carpentries.amy.command.airport.events.AirportCodeChanged;
import org.carpentries.amy.command.airport.events.AirportRegistered;
import org.carpentries.amy.command.airport.events.AirportReinstated;
import org.carpentries.amy.command.airport.events.AirportRelocated;
import org.carpentries.amy.command.airport.events.AirportRenamed;
import org.carpentries.amy.command.airport.events.AirportRetired;
import org.carpentries.amy.query.replay.ReadModel;
import org.carpentries.amy.query.replay.Tables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps {@code airport_view}. Every handler is an upsert or an update, so a replayed event changes nothing. */
@Component
@ProcessingGroup(AirportProjection.NAME)
public class AirportProjection implements ReadModel {

    public static final String NAME = "airports";
    private final JdbcTemplate jdbc;
    private final Tables tables;
    private final String insert;

    @Autowired
    public AirportProjection(JdbcTemplate jdbc) {
        this(jdbc, Tables.LIVE);
    }

    AirportProjection(JdbcTemplate jdbc, Tables t) {
        this.jdbc = jdbc;
        this.tables = t;
        insert = t.sql("""
                INSERT INTO {airport_view} (id, iata, fullname, country, latitude, longitude, retired, version,
                                            created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, FALSE, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET iata = excluded.iata, fullname = excluded.fullname,
                    country = excluded.country, latitude = excluded.latitude, longitude = excluded.longitude,
                    retired = FALSE, version = excluded.version, updated_at = excluded.updated_at""");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of("airport_view");
    }

    @Override
    public Object writingTo(Tables t) {
        return new AirportProjection(jdbc, t);
    }

    @EventHandler
    void on(AirportRegistered e, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update(insert, e.airportId(), e.iata(), e.fullname(), e.country(), e.latitude(), e.longitude(), version,
                ts(at), ts(at));
    }

    @EventHandler
    void on(AirportCodeChanged e, @SequenceNumber long version, @Timestamp Instant at) {
        set("iata = ?", e.airportId(), version, at, e.iata());
    }

    @EventHandler
    void on(AirportRenamed e, @SequenceNumber long version, @Timestamp Instant at) {
        set("fullname = ?", e.airportId(), version, at, e.fullname());
    }

    @EventHandler
    void on(AirportRelocated e, @SequenceNumber long version, @Timestamp Instant at) {
        set("country = ?, latitude = ?, longitude = ?", e.airportId(), version, at, e.country(), e.latitude(),
                e.longitude());
    }

    @EventHandler
    void on(AirportRetired e, @SequenceNumber long version, @Timestamp Instant at) {
        set("retired = ?", e.airportId(), version, at, true);
    }

    @EventHandler
    void on(AirportReinstated e, @SequenceNumber long version, @Timestamp Instant at) {
        set("retired = ?", e.airportId(), version, at, false);
    }

    @ResetHandler
    void reset() {
        jdbc.update(tables.sql("DELETE FROM {airport_view}"));
    }

    private void set(String assignments, Object id, long version, Instant at, Object... values) {
        Object[] args = new Object[values.length + 3];
        System.arraycopy(values, 0, args, 0, values.length);
        args[values.length] = version;
        args[values.length + 1] = ts(at);
        args[values.length + 2] = id;
        jdbc.update(tables.sql("UPDATE {airport_view} SET " + assignments + ", version = ?, updated_at = ? "
                + "WHERE id = ?"), args);
    }

    private static java.sql.Timestamp ts(Instant at) {
        return java.sql.Timestamp.from(at);
    }
}
