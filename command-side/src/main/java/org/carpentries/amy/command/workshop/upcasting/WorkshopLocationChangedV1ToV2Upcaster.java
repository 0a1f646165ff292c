package org.carpentries.amy.command.workshop.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.carpentries.amy.command.workshop.events.WorkshopLocationChanged;

/**
 * Reads revision 1 of {@link WorkshopLocationChanged} ({@code workshopId} beside loose {@code country},
 * {@code venue}, {@code address}, {@code latitude}, {@code longitude}) as revision 2 (the same values in one
 * {@code location} object). Nothing is rewritten in the store: the old rows are upcast each time they are read.
 */
public class WorkshopLocationChangedV1ToV2Upcaster extends SingleEventUpcaster {

    private static final String TYPE = WorkshopLocationChanged.class.getName();
    private static final SimpleSerializedType V1 = new SimpleSerializedType(TYPE, "1");
    private static final SimpleSerializedType V2 = new SimpleSerializedType(TYPE, "2");
    private static final List<String> LOCATION = List.of("country", "venue", "address", "latitude", "longitude");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return V1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(V2, JsonNode.class, WorkshopLocationChangedV1ToV2Upcaster::toV2);
    }

    /** The revision 2 payload for a revision 1 payload; a field v1 left out is an unknown value. */
    public static JsonNode toV2(JsonNode v1) {
        ObjectNode v2 = JsonNodeFactory.instance.objectNode();
        v2.set("workshopId", v1.get("workshopId"));
        ObjectNode location = v2.putObject("location");
        for (String field : LOCATION) {
            JsonNode value = v1.get(field);
            location.set(field, value == null ? NullNode.getInstance() : value);
        }
        return v2;
    }
}
