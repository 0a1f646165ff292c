package org.carpentries.amy.api.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC token store, whose update of a processor's token also makes the transaction it runs in commit without
 * waiting for PostgreSQL to flush it to disk ({@code set_config('synchronous_commit', 'off', true)} in the same
 * statement). A read model's batch stores its token last, in the batch's transaction, so the batch's rows, its dead
 * letters and its token commit together without waiting, and without a statement of their own for the setting (a
 * {@code SET LOCAL} at the start of each processor transaction was one more round trip for every read model a
 * command reaches). A read model is derived from the events and commits together with its token: if PostgreSQL
 * stops before its WAL writer flushed (at most three {@code wal_writer_delay}s, 0.6 s by default), the model and its
 * token go back together and the processor handles those events again. A transaction that stores no token (a
 * command's, a claim's) keeps the server's setting.
 */
final class ProjectionTokenStore extends JdbcTokenStore {

    private final String updateToken;
    private final Serializer serializer;
    private final String nodeId;

    private ProjectionTokenStore(Builder builder, TokenSchema schema, Serializer serializer, String nodeId) {
        super(builder);
        this.serializer = serializer;
        this.nodeId = nodeId;
        // Axon's own update, with the setting in its condition: set_config answers the new value, never null.
        this.updateToken = "UPDATE " + schema.tokenTable() + " SET " + schema.tokenColumn() + " = ?, "
                + schema.tokenTypeColumn() + " = ?, " + schema.timestampColumn() + " = ? WHERE "
                + schema.ownerColumn() + " = ? AND " + schema.processorNameColumn() + " = ? AND "
                + schema.segmentColumn() + " = ? AND set_config('synchronous_commit', 'off', true) IS NOT NULL";
    }

    /** The store on {@code schema}'s table, its tokens serialised to bytes by {@code serializer}. */
    static ProjectionTokenStore create(ConnectionProvider connections, Serializer serializer, TokenSchema schema,
                                       String nodeId) {
        Builder builder = JdbcTokenStore.builder().connectionProvider(connections).serializer(serializer)
                .contentType(byte[].class).schema(schema).nodeId(nodeId);
        return new ProjectionTokenStore(builder, schema, serializer, nodeId);
    }

    @Override
    protected PreparedStatement storeUpdate(Connection connection, TrackingToken token, String processorName,
                                            int segment) throws SQLException {
        // As Axon's token entry serialises a token and stamps it (not named here: its class carries annotations of
        // javax.persistence, which is not on the class path, and javac warns of each).
        SerializedObject<byte[]> serialized = token == null ? null : serializer.serialize(token, byte[].class);
        PreparedStatement statement = connection.prepareStatement(updateToken, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        statement.setObject(1, serialized == null ? null : serialized.getData());
        statement.setString(2, serialized == null ? null : serialized.getType().getName());
        statement.setString(3, DateTimeUtils.formatInstant(Instant.now()));
        statement.setString(4, nodeId);
        statement.setString(5, processorName);
        statement.setInt(6, segment);
        return statement;
    }
}
